import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
    createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection
} from 'vscode-languageserver-protocol/node';
import type { Diagnostic, PublishDiagnosticsParams, ServerCapabilities } from 'vscode-languageserver-protocol';
import type { Failure } from './exercise.js';
import type { FuzzCase } from './fuzz-case.js';
import { randomPosition, randomRange } from './positions.js';
import { Random } from './random.js';

/** Errors that mean "not now" or "not like that", not a crash. */
const BENIGN_ERRORS = new Set([-32800, -32801, -32802, -32602, -32600, -32803]);

export interface LspResult {
    failures: Failure[];
    requests: number;
    slowest: { name: string; ms: number };
}

export interface LspOptions {
    /** A request slower than this is a failure (the issue's 2 s). */
    slowMs: number;
    /** A request unanswered this long means the server hangs: it is restarted. */
    hangMs: number;
    positions: number;
}

interface Call {
    method: string;
    params: unknown;
    /** A follow-up request built from the answer (resolve, delta, command). */
    then?: (answer: unknown) => Call | undefined;
}

type Text = { uri: string; document: TextDocument };

/**
 * The LSP pass: the real `joinery-language-server --stdio`, one input after another
 * in one long session. Each input's files are opened, every request the server
 * advertises (initialize result capabilities) is sent at random positions, a few
 * keystrokes are typed, and the files are closed and deleted again.
 */
export class FuzzServer {
    readonly exercised = new Set<string>();
    capabilities: ServerCapabilities = {};
    private readonly diagnostics = new Map<string, Diagnostic[]>();
    private logged: string[] = [];
    private exited: string | undefined;

    private constructor(readonly child: ChildProcess, readonly connection: ProtocolConnection, readonly folder: string) {
        connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
            this.diagnostics.set(params.uri, params.diagnostics);
        });
        connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
            if (params.type <= 2) this.logged.push(params.message.slice(0, 2000));
        });
        connection.onNotification('window/showMessage', (params: { type: number; message: string }) => {
            if (params.type <= 1) this.logged.push(params.message.slice(0, 2000));
        });
        connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
        for (const method of ['client/registerCapability', 'client/unregisterCapability', 'window/workDoneProgress/create', 'window/showDocument',
            'window/showMessageRequest', 'workspace/applyEdit', 'workspace/workspaceFolders', 'workspace/semanticTokens/refresh',
            'workspace/codeLens/refresh', 'workspace/inlayHint/refresh', 'workspace/diagnostic/refresh']) {
            connection.onRequest(method, () => null);
        }
        child.stderr!.on('data', (chunk: Buffer) => this.logged.push(chunk.toString('utf-8').slice(0, 2000)));
        child.on('exit', (code, signal) => { this.exited = `exited with ${signal ?? code}`; });
        connection.onError(() => { /* reported through the exit */ });
    }

    static async start(serverBin: string, folder: string, nodeArgs: string[] = []): Promise<FuzzServer> {
        const child = spawn(process.execPath, [...nodeArgs, serverBin, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
        const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
        const server = new FuzzServer(child, connection, folder);
        connection.listen();
        const uri = pathToFileURL(folder).href;
        const result = await connection.sendRequest<{ capabilities: ServerCapabilities }>('initialize', {
            processId: process.pid, rootUri: uri, workspaceFolders: [{ uri, name: 'fuzz' }],
            capabilities: {
                textDocument: {
                    hover: { contentFormat: ['markdown', 'plaintext'] },
                    completion: { completionItem: { snippetSupport: true } },
                    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source'] } }, resolveSupport: { properties: ['edit'] } },
                    rename: { prepareSupport: true },
                    semanticTokens: { requests: { full: { delta: true }, range: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] },
                    publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true },
                    documentSymbol: { hierarchicalDocumentSymbolSupport: true }
                },
                workspace: { workspaceFolders: true, configuration: true }
            }
        });
        server.capabilities = result.capabilities;
        await connection.sendNotification('initialized', {});
        return server;
    }

    get alive(): boolean {
        return this.exited === undefined && this.child.exitCode === null;
    }

    /** The server answers (even "method not found" is an answer). */
    async ping(timeoutMs: number): Promise<boolean> {
        if (!this.alive) return false;
        const answered = this.connection.sendRequest('joinery/fuzzPing').then(() => true, () => true);
        return await Promise.race([answered, delay(timeoutMs).then(() => false)]);
    }

    async exercise(input: FuzzCase, options: LspOptions): Promise<LspResult> {
        const result: LspResult = { failures: [], requests: 0, slowest: { name: '', ms: 0 } };
        this.logged = [];
        const random = new Random(input.seed, input.index, 'lsp');
        const texts: Text[] = Object.entries(input.files).map(([file, text]) => {
            const uri = pathToFileURL(path.join(this.folder, `c${input.index}`, file)).href;
            return { uri, document: TextDocument.create(uri, 'joinery', 1, text) };
        });
        try {
            for (const text of texts) {
                await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: text.uri, languageId: 'joinery', version: 1, text: text.document.getText() } });
            }
            // Watched-file events an editor's watcher may send: for paths that are already gone, or are folders.
            if (random.chance(0.3)) {
                const base = path.join(this.folder, `c${input.index}`);
                await this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [
                    { uri: pathToFileURL(path.join(base, 'gone.joinery')).href, type: random.pick([1, 2, 3]) },
                    { uri: pathToFileURL(base).href, type: random.pick([1, 2]) },
                    ...texts.map(t => ({ uri: t.uri, type: random.pick([1, 2]) }))
                ] });
            }
            for (const text of texts) {
                for (const call of this.calls(random, text, options.positions)) {
                    if (!await this.send(call, result, options, text)) return result;
                }
                // A few keystrokes, each followed by what an editor asks while typing.
                for (let keystroke = 0; keystroke < 2; keystroke++) {
                    const range = random.chance(0.7) ? collapse(randomRange(random, text.document.getText()).start) : randomRange(random, text.document.getText());
                    const typed = random.pick(['a', ' ', '{', '}', '"', '\n', '.', ',', '->', '', 'board ', '\u201c']);
                    TextDocument.update(text.document, [{ range, text: typed }], text.document.version + 1);
                    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri: text.uri, version: text.document.version }, contentChanges: [{ range, text: typed }] });
                    const position = text.document.positionAt(text.document.offsetAt(range.start) + typed.length);
                    const followUps: Call[] = [];
                    if (this.capabilities.completionProvider) followUps.push({ method: 'textDocument/completion', params: { textDocument: { uri: text.uri }, position } });
                    if (this.capabilities.hoverProvider) followUps.push({ method: 'textDocument/hover', params: { textDocument: { uri: text.uri }, position } });
                    for (const call of followUps) if (!await this.send(call, result, options, text)) return result;
                }
            }
        } finally {
            if (this.alive) {
                for (const text of texts) await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri: text.uri } });
                await this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: texts.map(t => ({ uri: t.uri, type: 3 })) });
                for (const text of texts) this.diagnostics.delete(text.uri);
            }
        }
        if (!await this.ping(options.hangMs)) {
            result.failures.push({ kind: this.alive ? 'hang' : 'server-died', where: 'after the input', message: this.exited ?? 'no answer to a ping' });
        }
        for (const line of this.logged) result.failures.push({ kind: 'logged-error', where: 'server log', message: line });
        return result;
    }

    /** Sends one request (and its follow-ups); false when the server is gone or hangs. */
    private async send(call: Call, result: LspResult, options: LspOptions, text: Text): Promise<boolean> {
        let next: Call | undefined = call;
        while (next) {
            const current: Call = next;
            next = undefined;
            if (!this.alive) {
                result.failures.push({ kind: 'server-died', where: current.method, message: this.exited ?? 'gone' });
                return false;
            }
            this.exercised.add(current.method);
            const where = `${current.method} ${describeTarget(current.params, text)}`;
            const start = performance.now();
            const outcome = await Promise.race([
                this.connection.sendRequest(current.method, current.params).then(answer => ({ answer }), error => ({ error: error as { code?: number; message?: string } })),
                delay(options.hangMs).then(() => ({ timeout: true as const }))
            ]);
            const ms = performance.now() - start;
            if (process.env.JOINERY_FUZZ_TRACE) process.stderr.write(`  ${Math.round(ms)} ms ${where}${'error' in outcome ? ` error ${outcome.error.code}` : ''}${'timeout' in outcome ? ' TIMEOUT' : ''}\n`);
            result.requests++;
            if (ms > result.slowest.ms) result.slowest = { name: where, ms };
            if ('timeout' in outcome) {
                result.failures.push({ kind: this.alive ? 'hang' : 'server-died', where, message: this.exited ?? `no answer in ${options.hangMs} ms` });
                return false;
            }
            if (ms > options.slowMs) result.failures.push({ kind: 'slow', where, message: `took ${Math.round(ms)} ms` });
            if ('error' in outcome) {
                if (!BENIGN_ERRORS.has(outcome.error.code ?? 0)) result.failures.push({ kind: 'error-response', where, message: `${outcome.error.code}: ${outcome.error.message}` });
                continue;
            }
            next = current.then?.(outcome.answer);
        }
        return true;
    }

    /** The requests the server advertises, at random positions in `text`. */
    private calls(random: Random, text: Text, positions: number): Call[] {
        const caps = this.capabilities;
        const uri = text.uri;
        const content = text.document.getText();
        const textDocument = { uri };
        const calls: Call[] = [];
        // Follow-ups depend on the answers: they draw from their own generator, so the rest of the input does not.
        const follow = random.fork('follow-ups');
        const at = () => ({ textDocument, position: randomPosition(random, content) });
        const everywhere = (method: string, extra: Record<string, unknown> = {}, then?: Call['then']) => {
            for (let i = 0; i < positions; i++) calls.push({ method, params: { ...at(), ...extra }, then });
        };
        if (caps.hoverProvider) everywhere('textDocument/hover');
        if (caps.completionProvider) {
            const resolve = caps.completionProvider.resolveProvider;
            everywhere('textDocument/completion', { context: { triggerKind: 1 } }, answer => {
                const items = Array.isArray(answer) ? answer : (answer as { items?: unknown[] } | null)?.items;
                return resolve && items?.length ? { method: 'completionItem/resolve', params: follow.pick(items) } : undefined;
            });
        }
        if (caps.definitionProvider) everywhere('textDocument/definition');
        if (caps.declarationProvider) everywhere('textDocument/declaration');
        if (caps.typeDefinitionProvider) everywhere('textDocument/typeDefinition');
        if (caps.implementationProvider) everywhere('textDocument/implementation');
        if (caps.referencesProvider) everywhere('textDocument/references', { context: { includeDeclaration: true } });
        if (caps.documentHighlightProvider) everywhere('textDocument/documentHighlight');
        if (caps.signatureHelpProvider) everywhere('textDocument/signatureHelp');
        if (caps.selectionRangeProvider) calls.push({ method: 'textDocument/selectionRange', params: { textDocument, positions: [randomPosition(random, content), randomPosition(random, content)] } });
        if (caps.callHierarchyProvider) everywhere('textDocument/prepareCallHierarchy');
        if (caps.typeHierarchyProvider) everywhere('textDocument/prepareTypeHierarchy');
        if (caps.linkedEditingRangeProvider) everywhere('textDocument/linkedEditingRange');
        if (caps.documentSymbolProvider) calls.push({ method: 'textDocument/documentSymbol', params: { textDocument } });
        if (caps.foldingRangeProvider) calls.push({ method: 'textDocument/foldingRange', params: { textDocument } });
        if (caps.documentLinkProvider) calls.push({ method: 'textDocument/documentLink', params: { textDocument } });
        if (caps.colorProvider) calls.push({ method: 'textDocument/documentColor', params: { textDocument } });
        if (caps.diagnosticProvider) calls.push({ method: 'textDocument/diagnostic', params: { textDocument } });
        const options = { tabSize: random.pick([2, 4]), insertSpaces: random.chance(0.8) };
        if (caps.documentFormattingProvider) calls.push({ method: 'textDocument/formatting', params: { textDocument, options } });
        if (caps.documentRangeFormattingProvider) calls.push({ method: 'textDocument/rangeFormatting', params: { textDocument, range: randomRange(random, content), options } });
        if (caps.documentOnTypeFormattingProvider) {
            const triggers = [caps.documentOnTypeFormattingProvider.firstTriggerCharacter, ...(caps.documentOnTypeFormattingProvider.moreTriggerCharacter ?? [])];
            everywhere('textDocument/onTypeFormatting', { ch: random.pick(triggers), options });
        }
        if (caps.codeActionProvider) {
            const resolve = typeof caps.codeActionProvider === 'object' && caps.codeActionProvider.resolveProvider;
            for (let i = 0; i < positions; i++) {
                // Which diagnostics have arrived depends on timing; the random draws must not, so both are always made.
                const published = this.diagnostics.get(uri) ?? [];
                const withDiagnostic = random.chance(0.8), which = random.next();
                const diagnostics = published.length > 0 && withDiagnostic ? [published[Math.floor(which * published.length)]] : [];
                calls.push({
                    method: 'textDocument/codeAction', params: { textDocument, range: diagnostics[0]?.range ?? randomRange(random, content), context: { diagnostics } },
                    then: answer => resolve && Array.isArray(answer) && answer.length > 0 ? { method: 'codeAction/resolve', params: follow.pick(answer) } : undefined
                });
            }
        }
        if (caps.renameProvider) {
            const prepare = typeof caps.renameProvider === 'object' && caps.renameProvider.prepareProvider;
            for (let i = 0; i < positions; i++) {
                const target = at();
                const newName = random.pick(['Renamed', 'x_1', 'board', 'A.B', '', 'naïve', 'a b', '9']);
                if (prepare) calls.push({ method: 'textDocument/prepareRename', params: target });
                calls.push({ method: 'textDocument/rename', params: { ...target, newName } });
            }
        }
        if (caps.semanticTokensProvider) {
            const full = caps.semanticTokensProvider.full;
            if (full) {
                calls.push({
                    method: 'textDocument/semanticTokens/full', params: { textDocument },
                    then: answer => typeof full === 'object' && full.delta && (answer as { resultId?: string } | null)?.resultId
                        ? { method: 'textDocument/semanticTokens/full/delta', params: { textDocument, previousResultId: (answer as { resultId: string }).resultId } }
                        : undefined
                });
            }
            if (caps.semanticTokensProvider.range) calls.push({ method: 'textDocument/semanticTokens/range', params: { textDocument, range: randomRange(random, content) } });
        }
        if (caps.codeLensProvider) {
            const resolve = caps.codeLensProvider.resolveProvider;
            calls.push({
                method: 'textDocument/codeLens', params: { textDocument },
                then: answer => Array.isArray(answer) && answer.length > 0 ? this.followLens(follow.pick(answer), resolve) : undefined
            });
        }
        if (caps.inlayHintProvider) calls.push({ method: 'textDocument/inlayHint', params: { textDocument, range: randomRange(random, content) } });
        if (caps.workspaceSymbolProvider) calls.push({ method: 'workspace/symbol', params: { query: random.pick(['', 'a', 'Board', 'ß', '.']) } });
        // Joinery's own request: the integration map of the arrangement at a position (laid out off the request thread).
        if (random.chance(0.3)) calls.push({ method: 'joinery/integrationMap', params: at() });
        return calls;
    }

    /** Resolves a code lens, then runs its command if the server advertises it: what a click does. */
    private followLens(lens: { command?: { command: string; arguments?: unknown[] } }, resolve: boolean | undefined): Call | undefined {
        const run = (command: { command: string; arguments?: unknown[] } | undefined): Call | undefined =>
            command && this.capabilities.executeCommandProvider?.commands.includes(command.command)
                ? { method: 'workspace/executeCommand', params: { command: command.command, arguments: command.arguments ?? [] } }
                : undefined;
        if (resolve && !lens.command) return { method: 'codeLens/resolve', params: lens, then: answer => run((answer as typeof lens | null)?.command) };
        return run(lens.command);
    }

    /** Capabilities this pass has no request for: listed in the report so none goes unnoticed. */
    unexercisedCapabilities(): string[] {
        const known = new Set(['hoverProvider', 'completionProvider', 'definitionProvider', 'declarationProvider', 'typeDefinitionProvider', 'implementationProvider',
            'referencesProvider', 'documentHighlightProvider', 'signatureHelpProvider', 'selectionRangeProvider', 'callHierarchyProvider', 'typeHierarchyProvider',
            'linkedEditingRangeProvider', 'documentSymbolProvider', 'foldingRangeProvider', 'documentLinkProvider', 'colorProvider', 'diagnosticProvider',
            'documentFormattingProvider', 'documentRangeFormattingProvider', 'documentOnTypeFormattingProvider', 'codeActionProvider', 'renameProvider',
            'semanticTokensProvider', 'codeLensProvider', 'inlayHintProvider', 'workspaceSymbolProvider', 'executeCommandProvider',
            'textDocumentSync', 'workspace', 'positionEncoding', 'experimental']);
        return Object.keys(this.capabilities).filter(key => !known.has(key));
    }

    async stop(): Promise<void> {
        if (this.alive) {
            try {
                await Promise.race([this.connection.sendRequest('shutdown'), delay(2000)]);
                await this.connection.sendNotification('exit');
            } catch { /* already gone */ }
            await Promise.race([new Promise(resolve => this.child.once('exit', resolve)), delay(2000)]);
        }
        this.connection.dispose();
        if (this.child.exitCode === null) this.child.kill();
    }
}

function collapse(position: { line: number; character: number }) {
    return { start: position, end: position };
}

function describeTarget(params: unknown, text: Text): string {
    const position = (params as { position?: { line: number; character: number } })?.position;
    const file = text.uri.split('/').slice(-1)[0];
    return position ? `${file} ${position.line}:${position.character}` : file;
}

function delay(ms: number): Promise<void> {
    return new Promise(resolve => { const timer = setTimeout(resolve, ms); timer.unref?.(); });
}
