import * as path from 'node:path';
import { workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/**
 * The client for the Joinery language server bundled beside this extension, over
 * node IPC. The client id `joinery` makes `joinery.trace.server` trace it.
 */
export function createLanguageClient(context: ExtensionContext): LanguageClient {
    const serverModule = context.asAbsolutePath(path.join('out', 'server.cjs'));
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ scheme: 'file', language: 'joinery' }],
        synchronize: {
            // `joinery.rules` reaches the server as it changes; joinery.json (which wins) is re-read when it changes.
            configurationSection: 'joinery',
            fileEvents: workspace.createFileSystemWatcher('**/joinery.json')
        }
    };
    return new LanguageClient('joinery', 'Joinery', serverOptions, clientOptions);
}
