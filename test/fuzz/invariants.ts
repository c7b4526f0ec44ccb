import { AstUtils, GrammarUtils } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Command, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { toDiagnostic } from '../../language-server/src/lsp/diagnostic.js';
import { isArrangement, type Model } from '../../language-server/src/generated/ast.js';
import type { Finding } from '../../language-server/src/findings/finding.js';
import { FuzzWorkspace } from './fuzz-workspace.js';
import type { Random } from './random.js';

/**
 * The invariants of issue 7, checked against the real providers whenever they
 * exist: formatting changes only layout, is idempotent and keeps the findings;
 * a quick fix yields a document that parses, removes its finding and adds no
 * error; a rename keeps every reference resolved.
 */
export interface Violation {
    where: string;
    message: string;
}

/** What an invariant check looked at and what it found wrong. */
export interface InvariantReport {
    /** Files formatted, fixes applied or renames made. */
    checked: number;
    violations: Violation[];
    /** For quick fixes: the rules whose fixes were applied. */
    rules?: string[];
}

export interface InvariantLimits {
    /** Quick fixes and renames tried per workspace. */
    fixes: number;
    renames: number;
    /** Bigger workspaces are skipped: each check rebuilds the workspace. */
    maxChars: number;
}

const DEFAULT_LIMITS: InvariantLimits = { fixes: 3, renames: 2, maxChars: 40_000 };

export async function checkInvariants(workspace: FuzzWorkspace, files: Record<string, string>, random: Random, limits: InvariantLimits = DEFAULT_LIMITS): Promise<Violation[]> {
    const size = Object.values(files).reduce((sum, text) => sum + text.length, 0);
    if (size > limits.maxChars) return [];
    return [
        ...(await formattingInvariants(workspace, files)).violations,
        ...(await quickFixInvariants(workspace, files, random, limits.fixes)).violations,
        ...(await renameInvariants(workspace, files, random, limits.renames)).violations
    ];
}

/** Formatting: only layout changes, twice is once, and the findings stay (apart from positions). */
export async function formattingInvariants(workspace: FuzzWorkspace, files: Record<string, string>): Promise<InvariantReport> {
    const formatter = workspace.services.lsp.Formatter;
    if (!formatter) return { checked: 0, violations: [] };
    const violations: Violation[] = [];
    await workspace.load(files);
    const before = workspace.findings();
    const clean = !before.some(f => f.rule === 'syntax');
    const formatted: Record<string, string> = {};
    for (const file of Object.keys(files)) {
        const document = workspace.document(file)!;
        const edits = await formatter.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { tabSize: 2, insertSpaces: true } });
        formatted[file] = applyEdits(document.textDocument.getText(), edits);
        if (!sameTokens(workspace, files[file], formatted[file])) {
            violations.push({ where: `formatting ${file}`, message: `changed more than layout:\n${firstDifference(files[file], formatted[file])}` });
        }
    }
    const checked = Object.keys(files).length;
    if (!clean || violations.length > 0) return { checked, violations };
    await workspace.load(formatted);
    const after = workspace.findings();
    const lost = difference(before.map(positionFree), after.map(positionFree));
    const gained = difference(after.map(positionFree), before.map(positionFree));
    if (lost.length > 0 || gained.length > 0) {
        violations.push({ where: 'formatting', message: `changed the findings: lost ${JSON.stringify(lost.slice(0, 3))}, gained ${JSON.stringify(gained.slice(0, 3))}` });
    }
    for (const file of Object.keys(files)) {
        const document = workspace.document(file)!;
        const again = applyEdits(formatted[file], await formatter.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { tabSize: 2, insertSpaces: true } }));
        if (again !== formatted[file]) violations.push({ where: `formatting ${file}`, message: `is not idempotent:\n${firstDifference(formatted[file], again)}` });
    }
    return { checked, violations };
}

/** Every quick fix: the result parses (if the input did), its finding goes, and no new error appears. */
export async function quickFixInvariants(workspace: FuzzWorkspace, files: Record<string, string>, random: Random, limit: number): Promise<InvariantReport> {
    const provider = workspace.services.lsp.CodeActionProvider;
    if (!provider) return { checked: 0, violations: [] };
    const violations: Violation[] = [];
    await workspace.load(files);
    const before = workspace.findings();
    // On a file that does not parse, a fix only has to be harmless (no exception), not clean.
    // Nor where a name is declared twice, or an element hides an actor of its name: a fix cannot say which it means.
    if (before.some(f => f.rule === 'syntax' || (f.rule === 'semantic' && f.message.startsWith('Duplicate name'))) || hidesTopLevelName(workspace)) return { checked: 0, violations: [] };
    const fixes: Array<{ targets: Finding[]; action: CodeAction }> = [];
    for (const finding of shuffled(random, before)) {
        if (fixes.length >= limit) break;
        const file = fileOf(finding.uri);
        const document = file !== undefined ? workspace.document(file) : undefined;
        if (!document) continue;
        const diagnostic = toDiagnostic(finding);
        const actions = await provider.getCodeActions(document, { textDocument: { uri: finding.uri }, range: finding.range, context: { diagnostics: [diagnostic] } }) ?? [];
        for (const action of actions.filter(isCodeActionWithEdit)) {
            // The finding a fix targets is the one it names, else the one it was asked about.
            // Matched by the data too: twins (one per arrangement of the same title) share message and range.
            const named = (action.diagnostics ?? [diagnostic]).map(d => before.find(f => f.uri === finding.uri && f.message === d.message && sameRange(f.range, d.range)
                && (d.data as { arrangement?: string } | undefined)?.arrangement === f.arrangement));
            fixes.push({ targets: named.filter((f): f is Finding => f !== undefined), action });
        }
    }
    const tried = fixes.slice(0, limit);
    const rules = new Set<string>();
    for (const { targets, action } of tried) {
        for (const target of targets) rules.add(target.rule);
        const changed = applyWorkspaceEdit(files, action.edit!);
        await workspace.load(changed);
        const after = workspace.findings();
        const first = targets[0];
        const where = `quick fix '${action.title}'` + (first ? ` for ${first.rule} at ${fileOf(first.uri)} ${first.range.start.line}:${first.range.start.character}` : '');
        const syntax = after.filter(f => f.rule === 'syntax');
        if (syntax.length > 0) violations.push({ where, message: `leaves a document that does not parse: ${syntax[0].message}` });
        for (const finding of targets) {
            const target = positionFree(finding);
            const count = (list: Finding[]) => list.map(positionFree).filter(f => f === target).length;
            if (count(after) >= count(before)) violations.push({ where, message: `does not remove its finding: ${finding.message}` });
        }
        // A new model error is a broken fix, except on the element it completed: a reference that now
        // resolves lets the checks of that element run (`voting X 0` needs at least 1 seat once X is found).
        // Gap findings are not errors of the fix: a resolved reference may reveal them.
        const fixedElements = new Set(targets.map(f => `${f.uri} ${f.element ?? ''}`));
        const modelErrors = (list: Finding[]) => list.filter(f => MODEL_ERRORS.has(f.rule) && (f.rule !== 'semantic' || !fixedElements.has(`${f.uri} ${f.element ?? ''}`)));
        // A suggestion may go with the fix (the other end of a link is never suggested): the same error without it is not new.
        const withoutSuggestion = (f: Finding) => positionFree({ ...f, message: f.message.replace(/; did you mean '[^']*'\?$/, '') });
        const newErrors = difference(modelErrors(after).map(withoutSuggestion), modelErrors(before).map(withoutSuggestion));
        if (newErrors.length > 0) violations.push({ where, message: `introduces errors: ${newErrors.slice(0, 3).join('; ')}` });
    }
    return { checked: tried.length, violations, rules: [...rules].sort() };
}

const MODEL_ERRORS = new Set(['syntax', 'reference', 'semantic']);

/** Whether an arrangement has an element named like a top-level declaration, which that name then means inside it. */
function hidesTopLevelName(workspace: FuzzWorkspace): boolean {
    const documents = workspace.services.shared.workspace.LangiumDocuments.all.toArray();
    const declarations = documents.flatMap(d => (d.parseResult.value as Model).declarations ?? []);
    const topLevel = new Set(declarations.map(d => d.name));
    return declarations.some(d => isArrangement(d) && d.elements.some(e => 'name' in e && e.name !== undefined && topLevel.has(e.name)));
}

/** Renaming a declaration keeps every reference that resolved resolved, and adds no error. */
export async function renameInvariants(workspace: FuzzWorkspace, files: Record<string, string>, random: Random, limit: number): Promise<InvariantReport> {
    const provider = workspace.services.lsp.RenameProvider;
    if (!provider) return { checked: 0, violations: [] };
    const violations: Violation[] = [];
    await workspace.load(files);
    const before = workspace.findings();
    const countsBefore = workspace.referenceCounts();
    const targets: Array<{ file: string; name: string; offset: number }> = [];
    for (const file of Object.keys(files)) {
        const document = workspace.document(file)!;
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            const name = (node as { name?: unknown }).name;
            const nameNode = GrammarUtils.findNodeForProperty(node.$cstNode, 'name');
            if (typeof name === 'string' && nameNode) targets.push({ file, name, offset: nameNode.offset });
        }
    }
    let renamed = 0, applied = 0;
    for (const target of shuffled(random, targets).slice(0, limit)) {
        await workspace.load(files);
        const document = workspace.document(target.file)!;
        const position = document.textDocument.positionAt(target.offset + random.int(0, target.name.length));
        const newName = `Renamed${renamed++}`;
        let edit: WorkspaceEdit | undefined;
        try {
            const range = await provider.prepareRename(document, { textDocument: { uri: document.uri.toString() }, position });
            if (!range) continue;
            edit = await provider.rename(document, { textDocument: { uri: document.uri.toString() }, position, newName });
        } catch (error) {
            if (isRefusal(error)) continue;
            throw error;
        }
        if (!edit) continue;
        applied++;
        const changed = applyWorkspaceEdit(files, edit);
        await workspace.load(changed);
        const countsAfter = workspace.referenceCounts();
        const where = `rename ${target.name} → ${newName} in ${target.file}`;
        if (countsAfter.resolved !== countsBefore.resolved || countsAfter.unresolved !== countsBefore.unresolved) {
            const unresolved = workspace.findings().filter(f => f.rule === 'reference').slice(0, 3).map(f => f.message);
            violations.push({ where, message: `references resolved ${countsBefore.resolved} → ${countsAfter.resolved}, unresolved ${countsBefore.unresolved} → ${countsAfter.unresolved}: ${unresolved.join('; ')}` });
        }
        // Messages may change (a did-you-mean loses its candidate, an unresolved name stays as written), the count of errors may not.
        const errorsBefore = before.filter(f => f.severity === 'error').length;
        const errorsAfter = workspace.findings().filter(f => f.severity === 'error');
        if (errorsAfter.length > errorsBefore) violations.push({ where, message: `adds ${errorsAfter.length - errorsBefore} error(s): ${errorsAfter.slice(0, 3).map(f => f.message).join('; ')}` });
    }
    return { checked: applied, violations };
}

/** A provider refusing a request on purpose (a ResponseError that is not an internal error). */
export function isRefusal(error: unknown): boolean {
    const candidate = error as { code?: unknown; toJson?: unknown } | undefined;
    return typeof candidate?.code === 'number' && candidate.code !== -32603 && typeof candidate.toJson === 'function';
}

function sameRange(a: Finding['range'], b: Finding['range']): boolean {
    return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function isCodeActionWithEdit(action: Command | CodeAction): action is CodeAction {
    return 'edit' in action && action.edit !== undefined;
}

export function applyEdits(text: string, edits: TextEdit[] | undefined | null): string {
    if (!edits || edits.length === 0) return text;
    return TextDocument.applyEdits(TextDocument.create('file:///x', 'joinery', 0, text), edits);
}

export function applyWorkspaceEdit(files: Record<string, string>, edit: WorkspaceEdit): Record<string, string> {
    const result = { ...files };
    const byUri = new Map<string, TextEdit[]>();
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) byUri.set(uri, [...(byUri.get(uri) ?? []), ...edits]);
    for (const change of edit.documentChanges ?? []) {
        if ('edits' in change) byUri.set(change.textDocument.uri, [...(byUri.get(change.textDocument.uri) ?? []), ...change.edits.filter((e): e is TextEdit => 'range' in e)]);
    }
    for (const [uri, edits] of byUri) {
        const file = fileOf(uri);
        if (file !== undefined && file in result) result[file] = applyEdits(result[file], edits);
    }
    return result;
}

function fileOf(uri: string): string | undefined {
    const prefix = FuzzWorkspace.uriOf('').toString();
    return uri.startsWith(prefix) ? decodeURIComponent(uri.slice(prefix.length)) : undefined;
}

/** A finding without its position, and without line numbers quoted in its message. */
function positionFree(finding: Finding): string {
    return [fileOf(finding.uri), finding.rule, finding.severity, finding.arrangement ?? '', finding.element ?? '', finding.message.replace(/\.joinery:\d+/g, '.joinery')].join(' | ');
}

/** The items of `a` that `b` lacks, counting repeats. */
function difference(a: string[], b: string[]): string[] {
    const counts = new Map<string, number>();
    for (const item of b) counts.set(item, (counts.get(item) ?? 0) + 1);
    const missing: string[] = [];
    for (const item of a) {
        const left = counts.get(item) ?? 0;
        if (left > 0) counts.set(item, left - 1); else missing.push(item);
    }
    return missing;
}

/**
 * The same tokens, comments and stray characters in the same order, as Joinery's
 * own lexer reads them (so `two-waytwo-way` is two keywords); block comments are
 * compared without their layout.
 */
function sameTokens(workspace: FuzzWorkspace, a: string, b: string): boolean {
    const significant = (text: string) => {
        const lexed = workspace.services.parser.Lexer.tokenize(text);
        const pieces = [
            ...lexed.tokens.map(t => ({ offset: t.startOffset, image: t.image })),
            ...lexed.hidden.map(t => ({ offset: t.startOffset, image: t.image.startsWith('/*') ? t.image.replace(/\s+/g, ' ') : t.image })),
            ...lexed.errors.map(e => ({ offset: e.offset, image: text.substr(e.offset, e.length) }))
        ];
        return pieces.sort((x, y) => x.offset - y.offset).map(p => p.image);
    };
    const x = significant(a), y = significant(b);
    return x.length === y.length && x.every((t, i) => t === y[i]);
}

function firstDifference(a: string, b: string): string {
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    return `before: ${JSON.stringify(a.slice(Math.max(0, i - 40), i + 40))}\nafter:  ${JSON.stringify(b.slice(Math.max(0, i - 40), i + 40))}`;
}

function shuffled<T>(random: Random, items: T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
        const j = random.int(0, i);
        [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
}

