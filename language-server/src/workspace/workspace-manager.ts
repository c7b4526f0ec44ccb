import {
    DefaultLangiumDocuments, DefaultWorkspaceManager, URI, UriUtils,
    type FileSystemNode, type LangiumDocument, type LangiumSharedCoreServices, type Stream
} from 'langium';
import { ErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import type { InitializeParams } from 'vscode-languageserver-protocol';
import { includesEntry } from './model-files.js';
import { PROJECT_FILE } from '../references/projects.js';
import { JoineryServiceRegistry } from './service-registry.js';
import { WorkspaceIgnores } from './workspace-ignores.js';

/** Validates every file of the workspace on load, not only open ones, so the editor reports what the CLI reports. */
export class JoineryWorkspaceManager extends DefaultWorkspaceManager {
    /** The folders below a workspace folder's root where the walk found a joinery.json (each a project). */
    private projectFoldersFound: URI[] = [];
    /** The project the walk is in, nearest last. */
    private readonly projectsEntered: URI[] = [];
    /** The joinery.json files' `ignores`, which leave models out as `joinery check` does. */
    readonly ignores: WorkspaceIgnores;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.initialBuildOptions = { validation: true };
        this.ignores = new WorkspaceIgnores(services.workspace.FileSystemProvider);
    }

    /** A client that names only `rootUri` (or the older `rootPath`) gets that folder checked, as one with `workspaceFolders` does. */
    override initialize(params: InitializeParams): void {
        const root = params.rootUri ?? (params.rootPath ? URI.file(params.rootPath).toString() : undefined);
        this.folders = params.workspaceFolders ?? (root ? [{ uri: root, name: UriUtils.basename(URI.parse(root)) }] : undefined);
    }

    /** The shared selector (`model-files.ts`): the CLI's walk makes the same decision. */
    override shouldIncludeEntry(entry: FileSystemNode): boolean {
        return (entry.isDirectory || entry.isFile) && includesEntry(UriUtils.basename(entry.uri), entry.isDirectory);
    }

    /**
     * Langium's walk, in name order, except that a folder that cannot be listed is a
     * document of its own (its finding says why, as in the CLI) instead of a line on
     * the console and a folder silently left out.
     */
    protected override async traverseFolder(folderPath: URI, uris: URI[]): Promise<void> {
        let content: FileSystemNode[];
        try {
            content = await this.fileSystemProvider.readDirectory(folderPath);
        } catch {
            uris.push(folderPath);
            return;
        }
        const isProject = !this.isWorkspaceRoot(folderPath) && content.some(entry => entry.isFile && UriUtils.basename(entry.uri) === PROJECT_FILE);
        if (isProject) {
            this.projectFoldersFound.push(folderPath);
            this.projectsEntered.push(folderPath);
        }
        const project = this.projectsEntered[this.projectsEntered.length - 1];
        for (const entry of content) {
            if (!this.shouldIncludeEntry(entry) || this.ignores.ignores(entry.uri, entry.isDirectory, this.rootFolder(), project)) continue;
            if (entry.isDirectory) await this.traverseFolder(entry.uri, uris);
            else uris.push(entry.uri);
        }
        if (isProject) this.projectsEntered.pop();
    }

    /** The root project's folder: the first workspace folder, whose joinery.json configures it. */
    private rootFolder(): URI | undefined {
        const first = this.folders?.[0];
        return first ? URI.parse(first.uri) : undefined;
    }

    /**
     * Documents are created here rather than through `getOrCreateDocument`, which
     * serves requests only; after the walk, so that the projects it found are known
     * when each document is parsed by its project's services.
     */
    protected override async loadWorkspaceDocuments(uris: Stream<URI>, collector: (document: LangiumDocument) => void): Promise<void> {
        this.takeProjectsFound();
        for (const uri of uris) collector(await this.loadDocument(uri));
    }

    /** Makes the projects the last walk found the workspace's; says whether that changed them. */
    private takeProjectsFound(): boolean {
        const found = this.projectFoldersFound;
        this.projectFoldersFound = [];
        const registry = this.serviceRegistry;
        return registry instanceof JoineryServiceRegistry && registry.layout.setFolders(found);
    }

    /** The root of a workspace folder: its joinery.json configures the root project, not a project of its own. */
    isWorkspaceRoot(folder: URI): boolean {
        return (this.folders ?? []).some(root => UriUtils.equals(URI.parse(root.uri), folder));
    }

    /** Whether a folder is one the walk enters: inside a workspace folder (or one), under no skipped folder. */
    isWorkspaceFolder(folder: URI): boolean {
        return this.isWorkspaceRoot(folder) || this.isWalked(UriUtils.joinPath(folder, 'a.joinery'));
    }

    private async loadDocument(uri: URI): Promise<LangiumDocument> {
        const documents = this.langiumDocuments;
        return documents.getDocument(uri)
            ?? (documents instanceof JoineryLangiumDocuments ? await documents.createFromDisk(uri) : await documents.getOrCreateDocument(uri));
    }

    /**
     * Whether a file is one of the workspace's models as the start-up walk (and the
     * CLI run on the workspace folder) would find it: inside a workspace folder, under
     * no skipped folder (hidden, `node_modules`, `out`), with a model file's name,
     * and not ignored by the root's or its project's joinery.json.
     */
    isWorkspaceModel(uri: URI): boolean {
        if (!this.isWalked(uri)) return false;
        const registry = this.serviceRegistry;
        const project = registry instanceof JoineryServiceRegistry ? registry.layout.projectOf(uri) : '';
        return !this.ignores.ignores(uri, false, this.rootFolder(), project === '' ? undefined : URI.parse(project));
    }

    /** Whether the walk's folder rules reach the file, whatever the joinery.json files ignore. */
    private isWalked(uri: URI): boolean {
        for (const folder of this.folders ?? []) {
            const root = URI.parse(folder.uri);
            if (root.scheme !== uri.scheme || root.authority !== uri.authority) continue;
            const relative = UriUtils.relative(root, uri);
            if (relative === '' || relative.startsWith('../') || relative === '..') continue;
            const parts = relative.split('/');
            if (parts.slice(0, -1).every(part => includesEntry(part, true)) && includesEntry(parts[parts.length - 1], false)) return true;
        }
        return false;
    }

    /**
     * The workspace as on disk now (Check Workspace, a joinery.json's ignores changed): every
     * model found is built again, and a document no longer found (deleted, or now
     * ignored) leaves, unless the editor has it open. The caller holds the write lock.
     */
    async rescan(isOpen: (uri: string) => boolean, token: CancellationToken): Promise<void> {
        const present = new Set((await this.loadFilesOnDisk()).files.map(uri => uri.toString()));
        const isGone = (document: LangiumDocument) => !present.has(document.uri.toString()) && !isOpen(document.uri.toString());
        const documents = this.langiumDocuments.all.toArray();
        await this.documentBuilder.update(documents.filter(document => !isGone(document)).map(document => document.uri), documents.filter(isGone).map(document => document.uri), token);
    }

    /**
     * The model files under the workspace folders as they are on disk now, loading
     * any the workspace does not know yet (created outside the editor), with the
     * same folder rules as the start-up scan.
     */
    async loadFilesOnDisk(): Promise<{ files: URI[]; projectsChanged: boolean }> {
        const found: URI[] = [];
        this.projectFoldersFound = [];
        this.ignores.clear();
        for (const folder of this.folders ?? []) await this.traverseFolder(this.getRootFolder(folder), found);
        const projectsChanged = this.takeProjectsFound();
        for (const uri of found) await this.loadDocument(uri);
        return { files: found, projectsChanged };
    }
}

/** LSP's InvalidParams for a request about a document the workspace does not hold. */
export function notInWorkspace(): ResponseError {
    return new ResponseError(ErrorCodes.InvalidParams, 'This document is not in the Joinery workspace: open it, or add it to a workspace folder');
}

/**
 * Langium's documents, except that a request about a document the workspace does
 * not hold (never opened, closed and outside the workspace, deleted) is answered
 * with LSP's InvalidParams error, "not in the Joinery workspace", instead of reading
 * the file from disk: the reading added it to the workspace for good, and a missing
 * file became an internal error carrying an ENOENT and the path.
 */
export class JoineryLangiumDocuments extends DefaultLangiumDocuments {
    private readonly shared: LangiumSharedCoreServices;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.shared = services;
    }

    override async getOrCreateDocument(uri: URI): Promise<LangiumDocument> {
        const known = this.getDocument(uri);
        if (known) return known;
        const textDocuments = (this.shared.workspace as { TextDocuments?: { get(uri: string): unknown } }).TextDocuments;
        if (textDocuments?.get(uri.toString())) return super.getOrCreateDocument(uri);
        throw notInWorkspace();
    }

    /** A document read from disk (through the file system provider) and added to the workspace. */
    async createFromDisk(uri: URI): Promise<LangiumDocument> {
        const document = await this.langiumDocumentFactory.fromUri(uri);
        this.addDocument(document);
        return document;
    }
}
