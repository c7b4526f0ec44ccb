import { Emitter, WorkspaceCache, type Event, type LangiumDocument, type LangiumSharedCoreServices, type URI } from 'langium';

/** The file that makes a folder a project. */
export const PROJECT_FILE = 'joinery.json';

/**
 * Which project each model belongs to. A folder below the workspace root that
 * holds a `joinery.json` is a project: the models under it (and not under a
 * nearer such folder) form one namespace, checked with that file's settings.
 * Every other model belongs to the root project, the workspace itself, which a
 * `joinery.json` at the root configures (as in v1). Folders are URI strings
 * without a trailing slash.
 */
export class ProjectLayout {
    private folders = new Set<string>();
    private readonly projectOfUri = new Map<string, string>();
    private readonly changed = new Emitter<void>();

    /** Fires when folders become or stop being projects: every model must be linked again. */
    get onDidChange(): Event<void> {
        return this.changed.event;
    }

    /** The project folders, sorted. */
    get projectFolders(): string[] {
        return [...this.folders].sort();
    }

    /** Whether the workspace is split into projects at all (else every model is in the root project). */
    get isSplit(): boolean {
        return this.folders.size > 0;
    }

    isProject(folder: string): boolean {
        return this.folders.has(folder);
    }

    /** Makes these the project folders; says whether that changed anything. */
    setFolders(folders: Iterable<URI | string>): boolean {
        const next = new Set([...folders].map(folderKey));
        if (next.size === this.folders.size && [...next].every(folder => this.folders.has(folder))) return false;
        this.folders = next;
        this.projectOfUri.clear();
        this.changed.fire();
        return true;
    }

    /** Adds or removes one project folder; says whether that changed anything. */
    setFolder(folder: URI | string, isProject: boolean): boolean {
        const key = folderKey(folder);
        if (this.folders.has(key) === isProject) return false;
        const next = new Set(this.folders);
        if (isProject) next.add(key); else next.delete(key);
        return this.setFolders(next);
    }

    /** The folder of the project a model belongs to: its nearest project folder above it, or '' for the root project. */
    projectOf(uri: URI | string): string {
        if (this.folders.size === 0) return '';
        const text = uri.toString();
        let project = this.projectOfUri.get(text);
        if (project === undefined) {
            project = '';
            // Nearest first: each parent folder of the file, checked once.
            for (let end = text.lastIndexOf('/'); end > 0 && project === ''; end = text.lastIndexOf('/', end - 1)) {
                const folder = text.slice(0, end);
                if (this.folders.has(folder)) project = folder;
            }
            this.projectOfUri.set(text, project);
        }
        return project;
    }
}

/**
 * One project's view of the workspace: its folder, its models and their URIs,
 * listed once per workspace build. Each project has its own language services,
 * so its scopes, derived model, rules, settings and profiles are its own.
 */
export class ProjectScope {
    /** '' for the root project. */
    readonly folder: string;
    readonly layout: ProjectLayout;
    private readonly shared: LangiumSharedCoreServices;
    private readonly cache: WorkspaceCache<'documents', { documents: LangiumDocument[]; uris: Set<string> }>;

    constructor(shared: LangiumSharedCoreServices, layout: ProjectLayout, folder: string) {
        this.shared = shared;
        this.layout = layout;
        this.folder = folder;
        this.cache = new WorkspaceCache(shared);
        layout.onDidChange(() => this.cache.clear());
    }

    /** Whether the workspace holds this project alone (no `joinery.json` below the root). */
    get isWholeWorkspace(): boolean {
        return !this.layout.isSplit;
    }

    /** The project's models, in the workspace's order. */
    documents(): LangiumDocument[] {
        if (this.isWholeWorkspace) return this.shared.workspace.LangiumDocuments.all.toArray();
        return this.members().documents;
    }

    /** The URIs of the project's models; undefined when the project is the whole workspace. */
    uris(): Set<string> | undefined {
        return this.isWholeWorkspace ? undefined : this.members().uris;
    }

    contains(uri: URI | string): boolean {
        return this.layout.projectOf(uri) === this.folder;
    }

    private members(): { documents: LangiumDocument[]; uris: Set<string> } {
        return this.cache.get('documents', () => {
            const documents = this.shared.workspace.LangiumDocuments.all.filter(document => this.contains(document.uri)).toArray();
            return { documents, uris: new Set(documents.map(document => document.uri.toString())) };
        });
    }
}

function folderKey(folder: URI | string): string {
    return folder.toString().replace(/\/+$/, '');
}

/** The services the references layer adds: which project a language instance serves. */
export interface ProjectAddedServices {
    references: { Project: ProjectScope };
}
