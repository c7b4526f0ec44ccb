import type { DidChangeWatchedFilesParams, FileSystemWatcher } from 'vscode-languageserver';
import { DefaultDocumentUpdateHandler } from 'langium/lsp';
import { CONFIG_FILE, type WorkspaceRuleSettings } from './workspace-rule-settings.js';

/** Langium's handler, also watching `joinery.json` so a settings change re-applies at once. */
export class JoineryDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    ruleSettings: WorkspaceRuleSettings | undefined;

    // Langium 4 watches every file, joinery.json with them; should that ever narrow, joinery.json is added.
    protected override getWatchers(): FileSystemWatcher[] {
        const watchers = super.getWatchers();
        return watchers.some(watcher => watcher.globPattern === '**/*') ? watchers : [...watchers, { globPattern: `**/${CONFIG_FILE}` }];
    }

    override didChangeWatchedFiles(params: DidChangeWatchedFilesParams): void {
        const isConfig = (uri: string) => uri.endsWith(`/${CONFIG_FILE}`);
        if (params.changes.some(change => isConfig(change.uri))) void this.ruleSettings?.reloadFile();
        super.didChangeWatchedFiles({ changes: params.changes.filter(change => !isConfig(change.uri)) });
    }
}
