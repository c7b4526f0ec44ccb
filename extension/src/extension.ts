import type { ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerCheckWorkspace } from './check-workspace.js';
import { createLanguageClient } from './language-client.js';
import { registerIntegrationMap } from './integration-map.js';
import { registerRuleDocumentation } from './rule-documentation.js';

let client: LanguageClient | undefined;

/** A thin client: the bundled Joinery language server does all the work over node IPC. */
export async function activate(context: ExtensionContext): Promise<void> {
    client = createLanguageClient(context);
    // Commands first, so that they exist while the server starts.
    context.subscriptions.push(
        registerCheckWorkspace(client),
        registerRuleDocumentation(context),
        registerIntegrationMap(context, client)
    );
    await client.start();
}

export async function deactivate(): Promise<void> {
    await client?.stop();
}
