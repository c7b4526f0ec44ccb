import { UriUtils, type FileSystemProvider, type URI } from 'langium';
import { PROJECT_FILE } from '../references/projects.js';
import { IgnorePatterns } from './ignore-patterns.js';
import { modelDisk } from './model-disk.js';

/**
 * The `ignores` of the workspace's joinery.json files, as `joinery check` applies
 * them (cli/projects.ts): the root's to every model and folder, a project's to its
 * own models. Each file is read once, until a joinery.json changes. A file that
 * cannot be read or is not valid ignores nothing (its problem is a diagnostic of
 * the rule settings). Without a disk (the server in a browser) nothing is ignored.
 */
export class WorkspaceIgnores {
    private readonly byFolder = new Map<string, { patterns: IgnorePatterns | undefined; ignores: string }>();

    constructor(private readonly fileSystem: FileSystemProvider) {}

    clear(): void {
        this.byFolder.clear();
    }

    /**
     * Reads again the joinery.json of each folder (after a watched-file event): whether
     * what it ignores has changed, so that an edit to a file's rules alone does not
     * read the whole workspace again.
     */
    refresh(folders: readonly URI[]): boolean {
        let changed = false;
        for (const folder of folders) {
            const key = folder.toString();
            const before = this.byFolder.get(key)?.ignores ?? '';
            const after = this.read(folder);
            this.byFolder.set(key, after);
            if (after.ignores !== before) changed = true;
        }
        return changed;
    }

    /** Whether a model (or a folder, by the root's ignores only) is left out of the workspace. */
    ignores(uri: URI, isFolder: boolean, root: URI | undefined, project: URI | undefined): boolean {
        if (root && this.patternsOf(root)?.ignores(uri.path, isFolder)) return true;
        return !isFolder && project !== undefined && (this.patternsOf(project)?.ignores(uri.path) ?? false);
    }

    private patternsOf(folder: URI): IgnorePatterns | undefined {
        const key = folder.toString();
        let entry = this.byFolder.get(key);
        if (!entry) this.byFolder.set(key, entry = this.read(folder));
        return entry.patterns;
    }

    /** The folder's patterns, and the list they came from as text (empty when nothing is ignored). */
    private read(folder: URI): { patterns: IgnorePatterns | undefined; ignores: string } {
        const none = { patterns: undefined, ignores: '' };
        const disk = modelDisk(this.fileSystem);
        if (!disk || folder.scheme !== 'file') return none;
        const read = disk.readConfig(UriUtils.joinPath(folder, PROJECT_FILE));
        if (!('text' in read)) return none;
        let ignores: unknown;
        try {
            ignores = (JSON.parse(read.text) as { ignores?: unknown } | null)?.ignores;
        } catch {
            return none;
        }
        if (!Array.isArray(ignores) || ignores.length === 0 || !ignores.every(pattern => typeof pattern === 'string' && pattern.trim() !== '')) return none;
        return { patterns: new IgnorePatterns().add(ignores, folder.path), ignores: JSON.stringify(ignores) };
    }
}
