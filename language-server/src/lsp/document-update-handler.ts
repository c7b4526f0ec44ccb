import { FileChangeType, type DidChangeWatchedFilesParams, type FileEvent, type FileSystemWatcher, type TextDocumentChangeEvent } from 'vscode-languageserver';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import { URI, UriUtils } from 'langium';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { JoineryWorkspaceManager } from '../workspace/workspace-manager.js';
import { modelDisk } from '../workspace/model-disk.js';
import { CONFIG_FILE, type WorkspaceRuleSettings } from './workspace-rule-settings.js';
import type { ProfileRegistry } from '../profiles/profile-registry.js';
import { JoineryServiceRegistry } from '../workspace/service-registry.js';
import { JoineryDocumentBuilder } from '../workspace/document-builder.js';

/**
 * Langium's handler, also watching `joinery.json` and the statutory profile files
 * so a change to either re-applies at once, and keeping the workspace what `joinery check` on its folder would read:
 *
 * - a watched-file event is taken for what is on disk now: a created or changed path
 *   that is already gone is a deletion, a folder is no model (its files have events
 *   of their own), and a path the CLI's walk would skip (outside the workspace
 *   folders, under `out/`, `node_modules` or a hidden folder) is ignored;
 * - closing a document goes back to the file on disk, discarding unsaved text, and
 *   takes a file that is not one of the workspace's models out of the workspace.
 */
export class JoineryDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    /** Every project's settings and profiles (the server's, set when it starts). */
    projects: () => ReadonlyArray<{ ruleSettings: WorkspaceRuleSettings; profiles: ProfileRegistry }> = () => [];
    private readonly shared: LangiumSharedServices;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.shared = services;
    }

    // Langium 4 watches every file; should that ever narrow, joinery.json and the statutory
    // profile files of the folders it names (any .json; filtered below) are added.
    protected override getWatchers(): FileSystemWatcher[] {
        const watchers = super.getWatchers();
        return watchers.some(watcher => watcher.globPattern === '**/*') ? watchers : [...watchers, { globPattern: `**/${CONFIG_FILE}` }, { globPattern: '**/*.json' }];
    }

    override didChangeWatchedFiles(params: DidChangeWatchedFilesParams): void {
        const isConfig = (uri: string) => uri.endsWith(`/${CONFIG_FILE}`);
        const configs = params.changes.filter(change => isConfig(change.uri));
        const manager = this.shared.workspace.WorkspaceManager;
        const disk = modelDisk(this.shared.workspace.FileSystemProvider);
        if (disk && manager instanceof JoineryWorkspaceManager && manager.ignores.refresh(this.configFolders(configs, manager))) {
            // What a joinery.json ignores changed: the workspace is read again, as on disk (projects made or unmade too).
            void this.shared.workspace.WorkspaceLock.write(token => manager.rescan(uri => this.shared.workspace.TextDocuments.get(uri) !== undefined, token));
        } else if (this.updateProjects(configs)) {
            // A joinery.json created or deleted below the root makes or unmakes a project: every model is linked again.
            const all = this.shared.workspace.LangiumDocuments.all.map(document => document.uri).toArray();
            // Built again though their text is the same: their scopes are their projects'.
            super.fireDocumentUpdate(all, []);
        }
        for (const project of this.projects()) {
            const configUri = project.ruleSettings.configUri;
            if (configUri && configs.some(change => change.uri === configUri)) void project.ruleSettings.reloadFile();
            else if (params.changes.some(change => project.profiles.isProfileFile(change.uri))) void project.ruleSettings.reloadProfiles();
        }
        const changes = params.changes.filter(change => !isConfig(change.uri)).flatMap(change => this.asOnDisk(change));
        if (changes.length > 0) super.didChangeWatchedFiles({ changes });
    }

    /** The folders of the workspace's root and projects whose joinery.json changed. */
    private configFolders(configs: FileEvent[], manager: JoineryWorkspaceManager): URI[] {
        return configs.flatMap(change => {
            const uri = parsedUri(change.uri);
            const folder = uri && UriUtils.dirname(uri);
            return folder && (manager.isWorkspaceRoot(folder) || manager.isWorkspaceFolder(folder)) ? [folder] : [];
        });
    }

    /** Whether the joinery.json files that changed made or unmade a project (as the start-up walk would find it now). */
    private updateProjects(configs: FileEvent[]): boolean {
        const registry = this.shared.ServiceRegistry;
        const manager = this.shared.workspace.WorkspaceManager;
        if (!(registry instanceof JoineryServiceRegistry) || !(manager instanceof JoineryWorkspaceManager)) return false;
        const disk = modelDisk(this.shared.workspace.FileSystemProvider);
        let changed = false;
        for (const change of configs) {
            const uri = parsedUri(change.uri);
            if (!uri) continue;
            const folder = UriUtils.dirname(uri);
            if (manager.isWorkspaceRoot(folder) || !manager.isWorkspaceFolder(folder)) continue;
            const exists = disk ? disk.pathKind(uri) === 'entry' : change.type !== FileChangeType.Deleted;
            if (registry.layout.setFolder(folder, exists)) changed = true;
        }
        return changed;
    }

    /** The event as what is on disk now says, or none. */
    private asOnDisk(change: FileEvent): FileEvent[] {
        let uri: URI;
        try {
            uri = URI.parse(change.uri);
        } catch {
            return [];
        }
        const known = this.shared.workspace.LangiumDocuments.hasDocument(uri);
        // A file open in the editor is the editor's text, whatever happens on disk.
        if (this.shared.workspace.TextDocuments.get(change.uri)) return change.type === FileChangeType.Deleted ? [] : [change];
        if (change.type === FileChangeType.Deleted) return known ? [change] : [];
        if (uri.scheme !== 'file' || !this.isWorkspaceModel(uri)) return [];
        const disk = modelDisk(this.shared.workspace.FileSystemProvider);
        // No disk to look at (the server in a browser): the event as the client says it.
        if (!disk) return [change];
        const kind = disk.pathKind(uri);
        if (kind === 'gone') return known ? [{ uri: change.uri, type: FileChangeType.Deleted }] : [];
        if (kind === 'folder') return known ? [{ uri: change.uri, type: FileChangeType.Deleted }] : [];
        return [change];
    }

    /** Every update from the editor or the disk: a document whose text is what it was built from is not built again (see `updateTexts`). */
    protected override fireDocumentUpdate(changed: URI[], deleted: URI[]): void {
        const builder = this.shared.workspace.DocumentBuilder;
        if (!(builder instanceof JoineryDocumentBuilder)) return super.fireDocumentUpdate(changed, deleted);
        this.workspaceManager.ready
            .then(() => this.workspaceLock.write(token => builder.updateTexts(changed, deleted, token)))
            .catch(error => console.error('Workspace initialization failed. Could not perform document update.', error));
    }

    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        const disk = modelDisk(this.shared.workspace.FileSystemProvider);
        // Without a disk (the server in a browser) a closed document has nothing to be read from again.
        const stays = disk !== undefined && uri.scheme === 'file' && this.isWorkspaceModel(uri) && disk.pathKind(uri) === 'entry';
        if (!stays) disk?.forget(uri);
        this.fireDocumentUpdate(stays ? [uri] : [], stays ? [] : [uri]);
    }

    private isWorkspaceModel(uri: URI): boolean {
        const manager = this.shared.workspace.WorkspaceManager;
        return manager instanceof JoineryWorkspaceManager ? manager.isWorkspaceModel(uri) : true;
    }
}

function parsedUri(uri: string): URI | undefined {
    try {
        return URI.parse(uri);
    } catch {
        return undefined;
    }
}
