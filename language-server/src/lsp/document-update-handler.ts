import { DidChangeWatchedFilesNotification, type DidChangeWatchedFilesParams } from 'vscode-languageserver';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import { CONFIG_FILE, type WorkspaceRuleSettings } from './workspace-rule-settings.js';
import type { ProfileRegistry } from '../profiles/profile-registry.js';

/** Langium's handler, also watching `joinery.json` and the profile files, so a change to either re-applies at once. */
export class JoineryDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    ruleSettings: WorkspaceRuleSettings | undefined;
    profiles: ProfileRegistry | undefined;

    protected override registerFileWatcher(services: LangiumSharedServices): void {
        super.registerFileWatcher(services);
        // joinery.json, and the statutory profile files of the folders it names (any .json; filtered below).
        void services.lsp.Connection?.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE}` }, { globPattern: '**/*.json' }] });
    }

    override didChangeWatchedFiles(params: DidChangeWatchedFilesParams): void {
        const isConfig = (uri: string) => uri.endsWith(`/${CONFIG_FILE}`);
        const isProfile = (uri: string) => this.profiles?.isProfileFile(uri) ?? false;
        if (params.changes.some(change => isConfig(change.uri))) void this.ruleSettings?.reloadFile();
        else if (params.changes.some(change => isProfile(change.uri))) void this.ruleSettings?.reloadProfiles();
        // Only models go to the document builder: a JSON file is never a document.
        super.didChangeWatchedFiles({ changes: params.changes.filter(change => !change.uri.endsWith('.json')) });
    }
}
