import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
    createProtocolConnection, StreamMessageReader, StreamMessageWriter,
    type ProtocolConnection
} from 'vscode-languageserver-protocol/node';
import type { Diagnostic, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const ROOT = path.resolve(__dirname, '../..');
export const SERVER_BIN = path.join(ROOT, 'bin/joinery-language-server.cjs');

/** A real `joinery-language-server --stdio` process and an LSP client talking to it. */
export class LanguageServerSession {
    readonly diagnostics = new Map<string, Diagnostic[]>();
    /** What the server answered to `initialize` (its capabilities, the semantic token legend). */
    initializeResult: InitializeResult | undefined;
    private lastPublish = Date.now();
    private listeners: Array<(params: PublishDiagnosticsParams) => void> = [];

    private constructor(readonly process: ChildProcess, readonly connection: ProtocolConnection) {
        connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
            this.diagnostics.set(params.uri, params.diagnostics);
            this.lastPublish = Date.now();
            for (const listener of this.listeners) listener(params);
        });
        // The server may ask the client to register watchers or for configuration.
        connection.onRequest('client/registerCapability', () => null);
        connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    }

    /**
     * `command`: the server to start, by default this checkout's bundle (the package test starts an installed one);
     * `asNobody`: run as user `nobody` when root (for unreadable files); `rootUriOnly`: name the
     * folder as `rootUri` alone, as some clients do, without `workspaceFolders`;
     * `initializationOptions` as an editor client sends them (the VS Code client names its own commands there).
     */
    static async start(workspaceFolder: string, options: { command?: { program: string; args: string[]; env?: NodeJS.ProcessEnv }; asNobody?: boolean; rootUriOnly?: boolean; initializationOptions?: object } = {}): Promise<LanguageServerSession> {
        const command = options.command ?? { program: process.execPath, args: [SERVER_BIN] };
        if (command.args[0] === SERVER_BIN && !existsSync(SERVER_BIN)) throw new Error(`no server at ${SERVER_BIN}: run npm run build`);
        const asNobody = options.asNobody && process.getuid?.() === 0;
        const child = spawn(command.program, [...command.args, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: command.env ?? process.env, ...(asNobody ? { uid: 65534, gid: 65534 } : {}) });
        let stderr = '';
        child.stderr.setEncoding('utf-8').on('data', (chunk: string) => { stderr = (stderr + chunk).slice(-4000); });
        // A server that cannot start fails the test at once, with what it said, not after the test's timeout.
        const died = new Promise<never>((_, reject) => {
            child.once('error', error => reject(new Error(`the server could not be started: ${error.message}`)));
            child.once('exit', (code, signal) => reject(new Error(`the server exited (${signal ?? code}) before answering initialize; its stderr:\n${stderr}`)));
        });
        died.catch(() => undefined);
        const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
        const session = new LanguageServerSession(child, connection);
        connection.listen();
        const uri = pathToFileURL(workspaceFolder).href;
        session.initializeResult = await Promise.race([died, connection.sendRequest<InitializeResult>('initialize', {
            // As `nobody` the server cannot signal this (root) process, would take it for dead and exit: no processId then.
            processId: asNobody ? null : process.pid, rootUri: uri, ...(options.rootUriOnly ? {} : { workspaceFolders: [{ uri, name: 'test' }] }),
            ...(options.initializationOptions ? { initializationOptions: options.initializationOptions } : {}),
            capabilities: {
                textDocument: {
                    hover: { contentFormat: ['markdown', 'plaintext'] },
                    completion: { completionItem: { snippetSupport: true } },
                    publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true }
                },
                workspace: { workspaceFolders: !options.rootUriOnly }
            }
        })]);
        void connection.sendNotification('initialized', {});
        return session;
    }

    /** Waits until diagnostics have arrived for `count` files and then nothing new for a quiet spell. */
    async settle(count: number, quietMs = 400, timeoutMs = 20_000): Promise<void> {
        const deadline = Date.now() + timeoutMs;
        while (Date.now() < deadline) {
            if (this.diagnostics.size >= count && Date.now() - this.lastPublish >= quietMs) return;
            await new Promise(resolve => setTimeout(resolve, 50));
        }
        throw new Error(`diagnostics for ${this.diagnostics.size} of ${count} files after ${timeoutMs} ms`);
    }

    /** Calls `listener` with every publication from now on. */
    onPublish(listener: (params: PublishDiagnosticsParams) => void): void {
        this.listeners.push(listener);
    }

    /** Resolves with the next diagnostics published for `uri`. */
    nextDiagnostics(uri: string): Promise<Diagnostic[]> {
        return new Promise(resolve => {
            const listener = (params: PublishDiagnosticsParams) => {
                if (params.uri !== uri) return;
                this.listeners = this.listeners.filter(l => l !== listener);
                resolve(params.diagnostics);
            };
            this.listeners.push(listener);
        });
    }

    async stop(): Promise<void> {
        const exited = new Promise<void>(resolve => {
            if (this.process.exitCode !== null) resolve();
            else this.process.once('exit', () => resolve());
        });
        try {
            await this.connection.sendRequest('shutdown');
            await this.connection.sendNotification('exit');
        } catch { /* the process may already be gone */ }
        await Promise.race([exited, new Promise(resolve => setTimeout(resolve, 2000))]);
        this.connection.dispose();
        if (this.process.exitCode === null) this.process.kill();
    }
}
