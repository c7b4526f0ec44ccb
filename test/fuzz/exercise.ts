import { isOperationCancelled, type LangiumDocument } from 'langium';
import type { Position, Range, TextDocumentIdentifier } from 'vscode-languageserver-protocol';
import { toDiagnostic } from '../../language-server/src/lsp/diagnostic.js';
import type { Finding } from '../../language-server/src/findings/finding.js';
import type { JoineryServices } from '../../language-server/src/joinery-module.js';
import type { FuzzCase } from './fuzz-case.js';
import { type FuzzWorkspace } from './fuzz-workspace.js';
import { checkInvariants, isRefusal } from './invariants.js';
import { randomPosition, randomRange } from './positions.js';
import { Random } from './random.js';

export type FailureKind = 'exception' | 'logged-error' | 'slow' | 'hang' | 'crash' | 'invariant' | 'error-response' | 'server-died' | 'parity';

export interface Failure {
    kind: FailureKind;
    /** What was running, e.g. `hover gen0.joinery 3:7`. */
    where: string;
    message: string;
}

export interface ExerciseResult {
    failures: Failure[];
    findings: number;
    buildMs: number;
    /** The slowest single request and its name. */
    slowest: { name: string; ms: number };
    requests: number;
    /** Providers that exist in-process (each called at least once per input). */
    providers: string[];
}

export interface ExerciseOptions {
    /** A request slower than this is a failure (the issue's 2 s). */
    slowMs: number;
    invariants: boolean;
    /** Random positions per document and request. */
    positions: number;
}

interface RequestContext {
    document: LangiumDocument;
    textDocument: TextDocumentIdentifier;
    position: Position;
    range: Range;
    findings: Finding[];
    random: Random;
}

/** Each in-process request: the provider it needs and how to call it. */
const REQUESTS: Array<{ name: string; perPosition: boolean; run(services: JoineryServices, context: RequestContext): unknown }> = [
    { name: 'hover', perPosition: true, run: (s, c) => s.lsp.HoverProvider?.getHoverContent(c.document, { textDocument: c.textDocument, position: c.position }) },
    { name: 'completion', perPosition: true, run: (s, c) => s.lsp.CompletionProvider?.getCompletion(c.document, { textDocument: c.textDocument, position: c.position }) },
    { name: 'definition', perPosition: true, run: (s, c) => s.lsp.DefinitionProvider?.getDefinition(c.document, { textDocument: c.textDocument, position: c.position }) },
    { name: 'declaration', perPosition: true, run: (s, c) => s.lsp.DeclarationProvider?.getDeclaration(c.document, { textDocument: c.textDocument, position: c.position }) },
    { name: 'typeDefinition', perPosition: true, run: (s, c) => s.lsp.TypeProvider?.getTypeDefinition(c.document, { textDocument: c.textDocument, position: c.position }) },
    { name: 'implementation', perPosition: true, run: (s, c) => s.lsp.ImplementationProvider?.getImplementation(c.document, { textDocument: c.textDocument, position: c.position }) },
    { name: 'references', perPosition: true, run: (s, c) => s.lsp.ReferencesProvider?.findReferences(c.document, { textDocument: c.textDocument, position: c.position, context: { includeDeclaration: c.random.chance(0.5) } }) },
    { name: 'documentHighlight', perPosition: true, run: (s, c) => s.lsp.DocumentHighlightProvider?.getDocumentHighlight(c.document, { textDocument: c.textDocument, position: c.position }) },
    { name: 'signatureHelp', perPosition: true, run: (s, c) => s.lsp.SignatureHelp?.provideSignatureHelp(c.document, { textDocument: c.textDocument, position: c.position }) },
    { name: 'prepareRename', perPosition: true, run: (s, c) => s.lsp.RenameProvider?.prepareRename(c.document, { textDocument: c.textDocument, position: c.position }) },
    {
        name: 'rename', perPosition: true,
        run: (s, c) => s.lsp.RenameProvider?.rename(c.document, { textDocument: c.textDocument, position: c.position, newName: c.random.pick(['Renamed', 'x', 'board', 'A.B', '', '9lives', 'naïve', 'a b']) })
    },
    { name: 'callHierarchy', perPosition: true, run: (s, c) => s.lsp.CallHierarchyProvider?.prepareCallHierarchy(c.document, { textDocument: c.textDocument, position: c.position }) },
    { name: 'typeHierarchy', perPosition: true, run: (s, c) => s.lsp.TypeHierarchyProvider?.prepareTypeHierarchy(c.document, { textDocument: c.textDocument, position: c.position }) },
    {
        name: 'codeAction', perPosition: true,
        run: (s, c) => {
            const here = c.findings.filter(f => f.uri === c.document.uri.toString());
            const diagnostics = here.length > 0 && c.random.chance(0.8) ? [toDiagnostic(c.random.pick(here))] : [];
            const range = diagnostics[0]?.range ?? c.range;
            return s.lsp.CodeActionProvider?.getCodeActions(c.document, { textDocument: c.textDocument, range, context: { diagnostics } });
        }
    },
    { name: 'documentSymbol', perPosition: false, run: (s, c) => s.lsp.DocumentSymbolProvider?.getSymbols(c.document, { textDocument: c.textDocument }) },
    { name: 'foldingRange', perPosition: false, run: (s, c) => s.lsp.FoldingRangeProvider?.getFoldingRanges(c.document, { textDocument: c.textDocument }) },
    { name: 'formatting', perPosition: false, run: (s, c) => s.lsp.Formatter?.formatDocument(c.document, { textDocument: c.textDocument, options: { tabSize: c.random.pick([2, 4]), insertSpaces: c.random.chance(0.8) } }) },
    { name: 'rangeFormatting', perPosition: true, run: (s, c) => s.lsp.Formatter?.formatDocumentRange(c.document, { textDocument: c.textDocument, range: c.range, options: { tabSize: 2, insertSpaces: true } }) },
    { name: 'onTypeFormatting', perPosition: true, run: (s, c) => s.lsp.Formatter?.formatDocumentOnType(c.document, { textDocument: c.textDocument, position: c.position, ch: c.random.pick(['}', '\n', '{']), options: { tabSize: 2, insertSpaces: true } }) },
    { name: 'semanticTokens', perPosition: false, run: (s, c) => s.lsp.SemanticTokenProvider?.semanticHighlight(c.document, { textDocument: c.textDocument }) },
    { name: 'semanticTokensRange', perPosition: true, run: (s, c) => s.lsp.SemanticTokenProvider?.semanticHighlightRange(c.document, { textDocument: c.textDocument, range: c.range }) },
    { name: 'codeLens', perPosition: false, run: (s, c) => s.lsp.CodeLensProvider?.provideCodeLens(c.document, { textDocument: c.textDocument }) },
    { name: 'inlayHint', perPosition: true, run: (s, c) => s.lsp.InlayHintProvider?.getInlayHints(c.document, { textDocument: c.textDocument, range: c.range }) },
    { name: 'documentLink', perPosition: false, run: (s, c) => s.lsp.DocumentLinkProvider?.getDocumentLinks(c.document, { textDocument: c.textDocument }) },
    { name: 'workspaceSymbol', perPosition: false, run: (s, c) => s.shared.lsp.WorkspaceSymbolProvider?.getSymbols({ query: c.random.pick(['', 'a', 'Board', 'ß', '.']) }) }
];

/** Whether a request's provider exists in these services. */
function providerExists(services: JoineryServices, name: string): boolean {
    const lsp = services.lsp;
    const byName: Record<string, unknown> = {
        hover: lsp.HoverProvider, completion: lsp.CompletionProvider, definition: lsp.DefinitionProvider, declaration: lsp.DeclarationProvider,
        typeDefinition: lsp.TypeProvider, implementation: lsp.ImplementationProvider, references: lsp.ReferencesProvider,
        documentHighlight: lsp.DocumentHighlightProvider, signatureHelp: lsp.SignatureHelp, prepareRename: lsp.RenameProvider, rename: lsp.RenameProvider,
        callHierarchy: lsp.CallHierarchyProvider, typeHierarchy: lsp.TypeHierarchyProvider, codeAction: lsp.CodeActionProvider,
        documentSymbol: lsp.DocumentSymbolProvider, foldingRange: lsp.FoldingRangeProvider, formatting: lsp.Formatter, rangeFormatting: lsp.Formatter,
        onTypeFormatting: lsp.Formatter, semanticTokens: lsp.SemanticTokenProvider, semanticTokensRange: lsp.SemanticTokenProvider,
        codeLens: lsp.CodeLensProvider, inlayHint: lsp.InlayHintProvider, documentLink: lsp.DocumentLinkProvider,
        workspaceSymbol: services.shared.lsp.WorkspaceSymbolProvider
    };
    return byName[name] !== undefined;
}

/**
 * The in-process pass over one input: build the workspace, collect every finding
 * (all rules), then call every provider at random positions, timing each call.
 * Anything thrown, anything Langium caught and logged, and any call slower than
 * `slowMs` is a failure.
 */
export async function exerciseCase(workspace: FuzzWorkspace, input: FuzzCase, options: ExerciseOptions): Promise<ExerciseResult> {
    const failures: Failure[] = [];
    const logged = captureConsole();
    const result: ExerciseResult = { failures, findings: 0, buildMs: 0, slowest: { name: '', ms: 0 }, requests: 0, providers: [] };
    const random = new Random(input.seed, input.index, 'positions');
    const services = workspace.services;
    try {
        const buildStart = performance.now();
        let findings: Finding[] = [];
        try {
            await workspace.load(input.files);
            findings = workspace.findings();
        } catch (error) {
            failures.push({ kind: 'exception', where: 'build and findings', message: describeError(error) });
        }
        result.buildMs = performance.now() - buildStart;
        // In the editor every request waits for this: it is held to the same time as a request.
        if (result.buildMs > options.slowMs) failures.push({ kind: 'slow', where: 'build and findings', message: `took ${Math.round(result.buildMs)} ms` });
        result.findings = findings.length;
        for (const finding of findings) {
            if (/An error occurred|internal error/.test(finding.message)) failures.push({ kind: 'exception', where: `finding ${finding.rule}`, message: finding.message });
        }
        const available = REQUESTS.filter(request => providerExists(services, request.name));
        result.providers = available.map(request => request.name);
        for (const file of Object.keys(input.files)) {
            const document = workspace.document(file);
            if (!document) continue;
            const text = document.textDocument.getText();
            const textDocument = { uri: document.uri.toString() };
            for (const request of available) {
                const rounds = request.perPosition ? options.positions : 1;
                for (let round = 0; round < rounds; round++) {
                    const position = randomPosition(random, text);
                    const context: RequestContext = { document, textDocument, position, range: randomRange(random, text), findings, random };
                    const where = `${request.name} ${file}${request.perPosition ? ` ${position.line}:${position.character}` : ''}`;
                    const start = performance.now();
                    try {
                        await request.run(services, context);
                    } catch (error) {
                        if (!isOperationCancelled(error) && !isRefusal(error)) failures.push({ kind: 'exception', where, message: describeError(error) });
                    }
                    const ms = performance.now() - start;
                    result.requests++;
                    if (ms > result.slowest.ms) result.slowest = { name: where, ms };
                    if (ms > options.slowMs) failures.push({ kind: 'slow', where, message: `took ${Math.round(ms)} ms` });
                }
            }
        }
        if (options.invariants) {
            try {
                for (const violation of await checkInvariants(workspace, input.files, random)) failures.push({ kind: 'invariant', where: violation.where, message: violation.message });
            } catch (error) {
                failures.push({ kind: 'exception', where: 'invariants', message: describeError(error) });
            }
        }
    } finally {
        logged.restore();
    }
    for (const line of logged.lines) failures.push({ kind: 'logged-error', where: 'console', message: line });
    return result;
}

export function describeError(error: unknown): string {
    if (error instanceof Error) return (error.stack ?? `${error.name}: ${error.message}`).split('\n').slice(0, 8).join('\n');
    return String(error);
}

/** Langium catches some errors and only logs them: those are failures too. */
function captureConsole(): { lines: string[]; restore(): void } {
    const lines: string[] = [];
    const original = { error: console.error, warn: console.warn };
    const capture = (...args: unknown[]) => { lines.push(args.map(a => a instanceof Error ? describeError(a) : String(a)).join(' ').slice(0, 2000)); };
    console.error = capture;
    console.warn = capture;
    return { lines, restore: () => { console.error = original.error; console.warn = original.warn; } };
}
