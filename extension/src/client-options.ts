import { Uri, workspace, type ExtensionContext } from 'vscode';
import type { LanguageClientOptions } from 'vscode-languageclient';
import { asRuleDocumentationLink } from './rule-documentation.js';
import { withSuppressionSnippets } from './suppression-snippet.js';

/**
 * What the desktop and the web client share: the documents the server sees (saved
 * files and untitled buffers in language `joinery`, and on the web any scheme the
 * workspace lives on), the settings it follows, and two rewrites of what it sends.
 */
export function clientOptions(context: ExtensionContext, schemes: readonly string[]): LanguageClientOptions {
    return {
        documentSelector: schemes.map(scheme => ({ scheme, language: 'joinery' })),
        synchronize: {
            // `joinery.rules` reaches the server as it changes; joinery.json (which wins) is re-read when it changes.
            configurationSection: 'joinery',
            fileEvents: workspace.createFileSystemWatcher('**/joinery.json')
        },
        // The web server has no disk: it links findings to the extension's own copy of the rule pages.
        initializationOptions: {
            ruleDocsBase: Uri.joinPath(context.extensionUri, 'docs').toString(),
            // This client's own commands, which the server may then offer in code actions and lenses.
            clientCommands: ['joinery.openRuleDocumentation', 'joinery.showIntegrationMap']
        },
        middleware: {
            // A finding's link opens the rendered, read-only rule page (rule-documentation.ts), not the raw file.
            handleDiagnostics: (uri, diagnostics, next) => {
                for (const diagnostic of diagnostics) {
                    if (typeof diagnostic.code === 'object') diagnostic.code = { value: diagnostic.code.value, target: asRuleDocumentationLink(diagnostic.code.target) };
                }
                next(uri, diagnostics);
            },
            provideCodeActions: async (document, range, context, token, next) => withSuppressionSnippets(await next(document, range, context, token))
        }
    };
}
