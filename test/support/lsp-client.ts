import { spawn, type ChildProcess } from 'node:child_process';
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

    static async start(workspaceFolder: string): Promise<LanguageServerSession> {
        const child = spawn(process.execPath, [SERVER_BIN, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
        const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
        const session = new LanguageServerSession(child, connection);
        connection.listen();
        const uri = pathToFileURL(workspaceFolder).href;
        session.initializeResult = await connection.sendRequest('initialize', {
            processId: process.pid, rootUri: uri, workspaceFolders: [{ uri, name: 'test' }],
            capabilities: {
                textDocument: {
                    hover: { contentFormat: ['markdown', 'plaintext'] },
                    completion: { completionItem: { snippetSupport: true } },
                    publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true }
                },
                workspace: { workspaceFolders: true }
            }
        });
        connection.sendNotification('initialized', {});
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
