import type { ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { activateWithClient } from './activate.js';
import { createLanguageClient } from './language-client.js';

let client: LanguageClient | undefined;

/** A thin client: the bundled Joinery language server does all the work over node IPC. */
export async function activate(context: ExtensionContext): Promise<void> {
    client = createLanguageClient(context);
    await activateWithClient(context, client);
}

export async function deactivate(): Promise<void> {
    await client?.stop();
}
