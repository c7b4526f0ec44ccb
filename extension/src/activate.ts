import type { ExtensionContext } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { registerCheckWorkspace } from './check-workspace.js';
import { registerIntegrationMap } from './integration-map.js';
import { registerRuleDocumentation } from './rule-documentation.js';
import { registerSuppressionSnippet } from './suppression-snippet.js';

/** What the desktop and the web extension do once they have a client: commands first, so they exist while the server starts. */
export async function activateWithClient(context: ExtensionContext, client: BaseLanguageClient): Promise<void> {
    context.subscriptions.push(
        registerCheckWorkspace(client),
        ...registerRuleDocumentation(context),
        registerSuppressionSnippet(),
        ...registerIntegrationMap(context, client)
    );
    await client.start();
}
