import {
    AstUtils, Cancellation, CstUtils, DefaultDocumentValidator, DocumentValidator, WorkspaceCache,
    type AstNode, type AstNodeDescription, type AstReflection, type IndexManager, type LangiumDocument, type ParseResult,
    type ReferenceInfo, type Scope, type ValidationAcceptor, type ValidationOptions
} from 'langium';
import type { LangiumServices } from 'langium/lsp';
import type { CancellationToken, Diagnostic, MarkupContent } from 'vscode-languageserver';
import { isArrangement, isChannel, isForum, isLink, isModel, isReferral } from '../generated/ast.js';
import { ReferenceSuggestions } from './reference-suggestions.js';
import type { JoineryScopeProvider } from '../references/scope-provider.js';
import type { ProjectAddedServices, ProjectScope } from '../references/projects.js';
import { DROP, SyntaxHints } from './syntax-hints.js';
import { checkNodes } from './node-checks.js';
import { MAX_ERRORS_PER_FILE } from '../parser/input-limits.js';
import { acceptedKindWords, acceptedTypes, acceptedWords, acceptsOnlyBodies, kindWord, propertyKeyword, withArticle } from '../language/user-words.js';
import { modelDisk, textProblem } from '../workspace/model-disk.js';
import { BIDI_CONTROLS, describeBidiControl } from '../language/visible-text.js';

/** What a syntax error was about, kept for the hints that explain it once the document's text is at hand. */
const SYNTAX_HINT_INPUT = new WeakMap<Diagnostic, { lexer: boolean; found?: string }>();

/** The rule ids of model errors (CLI.md): everything that is not a gap rule. */
export type ModelErrorRule = 'syntax' | 'reference' | 'semantic';

/** What Joinery keeps on each diagnostic so the CLI and the editor report it alike. */
export interface FindingData {
    rule: string;
    arrangement?: string;
    element?: string;
    /** For a did-you-mean quick fix. */
    suggestion?: string;
}

/**
 * Langium's validator, with every diagnostic tagged by its rule id (`syntax`,
 * `reference` or `semantic`), linking errors rewritten in the analyst's words, and
 * the arrangement and element each error sits in attached.
 */
export class JoineryDocumentValidator extends DefaultDocumentValidator {
    private readonly referenceSuggestions: ReferenceSuggestions;
    private readonly project: ProjectScope;
    /** Counted once per build: Langium collects its list of documents anew on each call. */
    private readonly filesInWorkspace: WorkspaceCache<string, number>;
    private readonly astReflection: AstReflection;
    private readonly indexManager: IndexManager;
    private readonly namesInWorkspace: WorkspaceCache<string, Map<string, AstNodeDescription[]>>;
    private readonly shared: LangiumServices['shared'];
    private readonly hints: SyntaxHints;

    constructor(services: LangiumServices & ProjectAddedServices) {
        super(services);
        this.referenceSuggestions = new ReferenceSuggestions(services.references.ScopeProvider as JoineryScopeProvider);
        this.project = services.references.Project;
        this.filesInWorkspace = new WorkspaceCache(services.shared);
        this.astReflection = services.shared.AstReflection;
        this.indexManager = services.shared.workspace.IndexManager;
        this.namesInWorkspace = new WorkspaceCache(services.shared);
        this.shared = services.shared;
        this.hints = new SyntaxHints(services.Grammar);
    }

    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        const problem = this.readingProblem(document);
        if (problem) {
            // One finding at the start of the file, in the CLI and the editor alike (workspace/model-text.ts).
            const origin = { line: 0, character: 0 };
            return [{ severity: 1, range: { start: origin, end: origin }, code: 'syntax', source: 'joinery', message: problem, data: { rule: 'syntax' } satisfies FindingData }];
        }
        const diagnostics = this.explainSyntax(document, await super.validateDocument(document, options, cancelToken));
        this.checkStringEscapes(document, diagnostics);
        checkBidiControls(document, diagnostics);
        const shown = capDiagnostics(diagnostics);
        for (const diagnostic of shown) this.attribute(document, diagnostic);
        return shown;
    }

    protected override async validateAstNodes(root: AstNode, options: ValidationOptions, accept: ValidationAcceptor, cancelToken?: CancellationToken): Promise<void> {
        // Langium's own walk when its profiler is on: it times each node's checks.
        if (this.profiler?.isActive('validating')) return super.validateAstNodes(root, options, accept, cancelToken);
        await checkNodes(root, this.validationRegistry, options.categories, node => this.validateSingleNodeOptions(node, options), accept, cancelToken ?? Cancellation.CancellationToken.None);
    }

    /**
     * Why the document is not a model at all: its file could not be read as one (as
     * the file system provider last found, unless the editor holds the file open and
     * its text stands instead), or its text has a NUL character.
     */
    private readingProblem(document: LangiumDocument): string | undefined {
        const files = this.shared.workspace.FileSystemProvider;
        const open = this.shared.workspace.TextDocuments?.get(document.uri.toString()) !== undefined;
        const fromDisk = open ? undefined : modelDisk(files)?.problemOf(document.uri);
        return fromDisk ?? textProblem(document.textDocument.getText());
    }

    protected override processLexingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const start = diagnostics.length;
        super.processLexingErrors(parseResult, diagnostics, options);
        for (const diagnostic of diagnostics.slice(start)) {
            diagnostic.code = 'syntax';
            const found = /unexpected character: ->(.)<-/s.exec(messageText(diagnostic.message))?.[1];
            diagnostic.message = found === '"'
                ? 'Unterminated string: a string must close with " on the same line'
                : `Unexpected character ${describeChar(found)}`;
            SYNTAX_HINT_INPUT.set(diagnostic, { lexer: true, found });
        }
    }

    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const start = diagnostics.length;
        super.processParsingErrors(parseResult, diagnostics, options);
        for (const diagnostic of diagnostics.slice(start)) {
            diagnostic.code = 'syntax';
            const text = messageText(diagnostic.message);
            const found = /but found: '([^']*)'/.exec(text)?.[1] ?? /but found `([^`]*)`/.exec(text)?.[1];
            diagnostic.message = shortenParserMessage(text);
            if (found) SYNTAX_HINT_INPUT.set(diagnostic, { lexer: false, found });
        }
    }

    /** Syntax errors for what analysts actually type, said in their words (syntax-hints.ts). */
    private explainSyntax(document: LangiumDocument, diagnostics: Diagnostic[]): Diagnostic[] {
        if (!diagnostics.some(d => SYNTAX_HINT_INPUT.has(d))) return diagnostics;
        const text = document.textDocument.getText();
        const root = document.parseResult.value.$cstNode;
        const splitNames = new Set<AstNode>();
        const explained = diagnostics.filter(diagnostic => {
            const input = SYNTAX_HINT_INPUT.get(diagnostic);
            if (!input) return true;
            const offset = document.textDocument.offsetAt(diagnostic.range.start);
            const hint = input.lexer ? this.hints.lexing(text, offset, input.found) : this.hints.parsing(text, offset, input.found ?? '', root, messageText(diagnostic.message));
            if (hint === DROP) return false;
            if (typeof hint === 'string') diagnostic.message = hint;
            else if (hint) {
                diagnostic.message = hint.message;
                splitNames.add(hint.splitName);
            }
            return true;
        });
        if (splitNames.size === 0) return explained;
        // A declaration whose body was lost after a split name has no properties to check.
        return explained.filter(diagnostic => diagnostic.code !== 'semantic' || !splitNames.has(nodeAt(document, diagnostic) as AstNode));
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], _options: ValidationOptions): void {
        // Did-you-mean is a courtesy: once a file has used its share of comparisons, the rest go without.
        const suggestions = this.referenceSuggestions.forFile(this.filesInWorkspace.get('count', () => this.project.documents().length));
        for (const reference of document.references) {
            // No name at all: the parser left it out, and its syntax error already says so.
            if (!reference.error || reference.$refText === '') continue;
            const info: ReferenceInfo = reference.error.info;
            const error = { container: info.container, property: info.property, index: info.index, reference };
            const refText = reference.$refText;
            const keyword = propertyKeyword(error.container, error.property);
            const referenceType = this.astReflection.getReferenceType(info);
            const accepted = acceptedTypes(referenceType);
            const named = this.declarationsNamed(error.container, refText);
            const wrongKind = named.find(d => !accepted.includes(d.type));
            const notABody = acceptsOnlyBodies(referenceType) ? named.find(d => isForum(d.node) && !d.node.body) : undefined;
            // The reference's own range: looking it up by property is linear in the list, quadratic overall.
            const diagnosticInfo = { node: error.container, property: error.property, index: error.index, range: error.reference.$refNode?.range };
            if (wrongKind || notABody) {
                const message = wrongKind
                    ? `\`${keyword}\` takes ${acceptedWords(referenceType)}; ${refText} is ${withArticle(kindWord(wrongKind.type))}`
                    : `\`${keyword}\` takes ${acceptedWords(referenceType)}; ${refText} is a forum that is not a body (add \`body\` to it if it is a legal body, such as an IJB or a joint committee)`;
                diagnostics.push({ ...this.toDiagnostic('error', message, diagnosticInfo), code: 'semantic' });
                continue;
            }
            const suggestion = suggestions.suggest(info, refText, candidate => makesNewError(error.container, error.property, candidate, suggestions.scopeOf(info)));
            const wanted = acceptedKindWords(referenceType);
            const message = `Cannot find ${wanted} '${refText}' (in \`${keyword}\`)` + (suggestion ? `; did you mean '${suggestion}'?` : '');
            const diagnostic = { ...this.toDiagnostic('error', message, diagnosticInfo), code: 'reference' };
            diagnostic.data = { ...(diagnostic.data ?? {}), suggestion };
            diagnostics.push(diagnostic);
        }
    }

    /** Declarations of any kind that the name could mean from where it is written. */
    private declarationsNamed(from: AstNode, name: string): Array<{ type: string; node?: AstNode }> {
        const arrangement = AstUtils.getContainerOfType(from, isArrangement);
        const local = arrangement?.elements.filter(e => 'name' in e && e.name === name) ?? [];
        const global = this.globalNames().get(name) ?? [];
        return [...local.map(e => ({ type: e.$type, node: e })), ...global];
    }

    private globalNames(): Map<string, AstNodeDescription[]> {
        return this.namesInWorkspace.get('names', () => {
            const byName = new Map<string, AstNodeDescription[]>();
            for (const description of this.indexManager.allElements(undefined, this.project.uris())) {
                const list = byName.get(description.name);
                if (list) list.push(description); else byName.set(description.name, [description]);
            }
            return byName;
        });
    }

    /** Only `\"` and `\\` are escapes (LANGUAGE.md); anything else is a syntax error. */
    private checkStringEscapes(document: LangiumDocument, diagnostics: Diagnostic[]): void {
        const root = document.parseResult.value.$cstNode;
        if (!root || !document.textDocument.getText().includes('\\')) return;
        for (const leaf of CstUtils.flattenCst(root)) {
            if (leaf.tokenType.name !== 'STRING') continue;
            const bad = [...leaf.text.matchAll(/\\(.)/g)].find(escape => escape[1] !== '"' && escape[1] !== '\\');
            if (!bad) continue;
            const start = document.textDocument.positionAt(leaf.offset + bad.index);
            const end = document.textDocument.positionAt(leaf.offset + bad.index + 2);
            diagnostics.push({
                severity: 1, range: { start, end }, code: 'syntax', source: this.getSource(),
                message: `Unknown escape '${bad[0]}' in a string: only \\" and \\\\ are allowed`
            });
        }
    }

    /** Tags the diagnostic with its rule and the arrangement and element it sits in. */
    private attribute(document: LangiumDocument, diagnostic: Diagnostic): void {
        const rule = typeof diagnostic.code === 'string' ? diagnostic.code : (isLinking(diagnostic) ? 'reference' : 'semantic');
        diagnostic.code = rule;
        diagnostic.source = 'joinery';
        const node = nodeAt(document, diagnostic);
        const named = node && enclosingNamed(node);
        const arrangement = node && AstUtils.getContainerOfType(node, isArrangement);
        const data: FindingData = { rule, ...(diagnostic.data?.suggestion ? { suggestion: diagnostic.data.suggestion } : {}) };
        if (arrangement?.name) data.arrangement = arrangement.name;
        if (named) data.element = named;
        diagnostic.data = data;
    }
}

/**
 * A bidirectional control character anywhere in the file (a title, a comment, a
 * name): the text then reads differently from how Joinery parses it, the "Trojan
 * Source" attack. One `semantic` warning per line, at the first such character
 * (docs/robustness.md); the character is shown as `[U+202E]` wherever text is shown.
 */
const HAS_BIDI_CONTROL = new RegExp(BIDI_CONTROLS.source);

function checkBidiControls(document: LangiumDocument, diagnostics: Diagnostic[]): void {
    const text = document.textDocument.getText();
    if (!HAS_BIDI_CONTROL.test(text)) return;
    let lastLine = -1;
    for (const match of text.matchAll(BIDI_CONTROLS)) {
        const start = document.textDocument.positionAt(match.index);
        if (start.line === lastLine) continue;
        lastLine = start.line;
        diagnostics.push({
            severity: 2, range: { start, end: document.textDocument.positionAt(match.index + 1) }, code: 'semantic', source: 'joinery',
            message: `Bidirectional control character ${describeBidiControl(match[0])}: the text around it reads differently from how Joinery reads it (Trojan Source). Remove it; write right-to-left text without controls`
        });
    }
}

/**
 * At most MAX_ERRORS_PER_FILE, then one saying how many more: a broken file of
 * half a megabyte can hold a quarter of a million errors, more than any editor
 * or report can show. Syntax errors come first, so they are the ones kept.
 */
function capDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
    if (diagnostics.length <= MAX_ERRORS_PER_FILE) return diagnostics;
    const shown = diagnostics.slice(0, MAX_ERRORS_PER_FILE);
    const more = diagnostics.length - shown.length;
    const next = diagnostics[MAX_ERRORS_PER_FILE];
    shown.push({
        severity: 1, range: { start: next.range.start, end: next.range.start }, code: next.code ?? 'syntax', source: next.source,
        message: `${more.toLocaleString('en-GB')} more errors in this file are not shown (the first ${MAX_ERRORS_PER_FILE.toLocaleString('en-GB')} are): fix those first`
    });
    return shown;
}

/** A diagnostic's message as text (LSP 3.18 allows Markdown too; Joinery and Langium write plain text). */
export function messageText(message: string | MarkupContent): string {
    return typeof message === 'string' ? message : message.value;
}

function isLinking(diagnostic: Diagnostic): boolean {
    return diagnostic.data?.code === DocumentValidator.LinkingError;
}

function nodeAt(document: LangiumDocument, diagnostic: Diagnostic): AstNode | undefined {
    const root = document.parseResult.value.$cstNode;
    if (!root) return undefined;
    const offset = document.textDocument.offsetAt(diagnostic.range.start);
    const leaf = CstUtils.findLeafNodeAtOffset(root, offset) ?? CstUtils.findLeafNodeBeforeOffset(root, offset);
    return leaf?.astNode;
}

/** The innermost declaration with a name around the node (CLI.md's `element`). */
export function enclosingNamed(node: AstNode): string | undefined {
    for (let current: AstNode | undefined = node; current && !isModel(current); current = current.$container) {
        const name = (current as { name?: unknown }).name;
        if (typeof name === 'string' && name.length > 0) return name;
    }
    return undefined;
}

function describeChar(char: string | undefined): string {
    if (char === undefined) return '';
    const code = char.codePointAt(0) ?? 0;
    const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    // A control character, or one that changes the text's direction, is named by its code alone.
    return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0xfffd || /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/.test(char) ? hex : `'${char}' (${hex})`;
}

/** Chevrotain lists every possible token sequence; the analyst needs the first few. */
export function shortenParserMessage(message: string): string {
    const found = /but found: '([^']*)'/.exec(message)?.[1] ?? /but found `([^`]*)`/.exec(message)?.[1];
    const expectedList = /one of these possible Token sequences:\n([\s\S]*?)\nbut found/.exec(message)?.[1];
    if (expectedList) {
        const options = [...new Set(expectedList.split('\n').map(l => /\[(.*?)\]/.exec(l)?.[1]?.split(', ')[0] ?? '').filter(Boolean))];
        const shown = options.slice(0, 8).map(o => /^[A-Z]+$/.test(o) ? tokenWord(o) : o.replace(/^'(.*)'$/, '$1'));
        const more = options.length > shown.length ? ', …' : '';
        return `Unexpected ${found === undefined || found === '' ? 'end of input' : `'${found}'`}: expected ${shown.join(', ')}${more}`;
    }
    const single = /Expecting token of type '([^']*)' but found `([^`]*)`/.exec(message);
    if (single) return `Expected ${tokenWord(single[1])} but found ${single[2] === '' ? 'end of input' : `'${single[2]}'`}`;
    return message.replace(/\s+/g, ' ').trim();
}

function tokenWord(tokenName: string): string {
    switch (tokenName) {
        case 'ID': return 'a name';
        case 'STRING': return 'a quoted string';
        case 'NUMBER': return 'a number';
        // A quoted date is the likely mistake: say how one is written.
        case 'DATE': return 'a date (YYYY-MM-DD, without quotes)';
        case 'EOF': return 'end of input';
        default: return `'${tokenName}'`;
    }
}

/**
 * Whether writing `candidate` here would be an error of its own: the other end of
 * the same link, channel or referral (a thing joined to itself), or a forum whose
 * `reports to` chain leads back here (a circle).
 */
function makesNewError(container: AstNode, property: string, candidate: string, scope: Scope): boolean {
    if ((isLink(container) || isChannel(container) || isReferral(container)) && (property === 'from' || property === 'to')) {
        return candidate === (property === 'from' ? container.to : container.from)?.$refText;
    }
    if (isForum(container) && property === 'reportsTo') {
        const target = scope.getElement(candidate)?.node;
        const seen = new Set<AstNode>();
        for (let forum = isForum(target) ? target : undefined; forum && !seen.has(forum); forum = forum.reportsTo?.ref) {
            if (forum === container) return true;
            seen.add(forum);
        }
    }
    return false;
}
