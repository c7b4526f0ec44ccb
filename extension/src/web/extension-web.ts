/// <reference lib="dom" />
import { RelativePattern, Uri, workspace, type Disposable, type ExtensionContext } from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateWithClient } from '../activate.js';
import { clientOptions } from '../client-options.js';

let client: LanguageClient | undefined;

/**
 * The extension where VS Code runs in a browser (vscode.dev, github.dev): the same
 * language server, as a web worker beside this script, and the same commands. The
 * worker has no disk, so the workspace's model files are opened here, which sends
 * them to the server like the editor's own; joinery.json is not read (see README).
 */
export async function activate(context: ExtensionContext): Promise<void> {
    const worker = new Worker(Uri.joinPath(context.extensionUri, 'out/web/server.js').toString());
    // Any scheme: a browser workspace lives on vscode-vfs:, memfs: or similar, not file:.
    client = new LanguageClient('joinery', 'Joinery', worker, clientOptions(context, ['*']));
    await activateWithClient(context, client);
    context.subscriptions.push(await openModelFiles());
}

/** Opens every .joinery file of the workspace as a text document (not in an editor), now and as files are created. */
async function openModelFiles(): Promise<Disposable> {
    const open = (uri: Uri) => void workspace.openTextDocument(uri).then(undefined, () => undefined);
    for (const folder of workspace.workspaceFolders ?? []) {
        for (const uri of await workspace.findFiles(new RelativePattern(folder, '**/*.joinery'), '**/{node_modules,out,.*}/**')) open(uri);
    }
    const watcher = workspace.createFileSystemWatcher('**/*.joinery', false, true, true);
    watcher.onDidCreate(open);
    return watcher;
}

export async function deactivate(): Promise<void> {
    await client?.stop();
}
