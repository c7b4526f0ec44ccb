import * as path from 'node:path';
import type { ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { clientOptions } from './client-options.js';

/**
 * The client for the Joinery language server bundled beside this extension, over
 * node IPC. The client id `joinery` makes `joinery.trace.server` trace it.
 * Untitled buffers are checked too: with the workspace's files, as one more file of it.
 */
export function createLanguageClient(context: ExtensionContext): LanguageClient {
    const serverModule = context.asAbsolutePath(path.join('out', 'server.cjs'));
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    return new LanguageClient('joinery', 'Joinery', serverOptions, clientOptions(context, ['file', 'untitled']));
}
