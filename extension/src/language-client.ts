import * as path from 'node:path';
import type { ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { clientOptions } from './client-options.js';

/**
 * V8's young generation as Node 20 and 22 size it (16 MB a semi-space): Node 24 gives
 * it twice that, which held about 150 MB more of a 1,000-file workspace's server
 * resident and made nothing faster (docs/performance.md). V8 reads it only at start.
 */
const SERVER_FLAGS = ['--max-semi-space-size=16'];

/**
 * The client for the Joinery language server bundled beside this extension, over
 * node IPC. The client id `joinery` makes `joinery.trace.server` trace it.
 * Untitled buffers are checked too: with the workspace's files, as one more file of it.
 */
export function createLanguageClient(context: ExtensionContext): LanguageClient {
    const serverModule = context.asAbsolutePath(path.join('out', 'server.cjs'));
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: SERVER_FLAGS } },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_FLAGS, '--nolazy', '--inspect=6009'] } }
    };
    return new LanguageClient('joinery', 'Joinery', serverOptions, clientOptions(context, ['file', 'untitled']));
}
