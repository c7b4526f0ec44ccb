import { DidChangeWatchedFilesNotification, type DidChangeWatchedFilesParams } from 'vscode-languageserver';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import { CONFIG_FILE, type WorkspaceRuleSettings } from './workspace-rule-settings.js';

/** Langium's handler, also watching `joinery.json` so a settings change re-applies at once. */
export class JoineryDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    ruleSettings: WorkspaceRuleSettings | undefined;

    protected override registerFileWatcher(services: LangiumSharedServices): void {
        super.registerFileWatcher(services);
        void services.lsp.Connection?.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE}` }] });
    }

    override didChangeWatchedFiles(params: DidChangeWatchedFilesParams): void {
        const isConfig = (uri: string) => uri.endsWith(`/${CONFIG_FILE}`);
        if (params.changes.some(change => isConfig(change.uri))) void this.ruleSettings?.reloadFile();
        super.didChangeWatchedFiles({ changes: params.changes.filter(change => !isConfig(change.uri)) });
    }
}
