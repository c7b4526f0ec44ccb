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
    private readonly byFolder = new Map<string, IgnorePatterns | undefined>();

    constructor(private readonly fileSystem: FileSystemProvider) {}

    clear(): void {
        this.byFolder.clear();
    }

    /** Whether a model (or a folder, by the root's ignores only) is left out of the workspace. */
    ignores(uri: URI, isFolder: boolean, root: URI | undefined, project: URI | undefined): boolean {
        if (root && this.patternsOf(root)?.ignores(uri.path, isFolder)) return true;
        return !isFolder && project !== undefined && (this.patternsOf(project)?.ignores(uri.path) ?? false);
    }

    private patternsOf(folder: URI): IgnorePatterns | undefined {
        const key = folder.toString();
        if (this.byFolder.has(key)) return this.byFolder.get(key);
        const patterns = this.read(folder);
        this.byFolder.set(key, patterns);
        return patterns;
    }

    private read(folder: URI): IgnorePatterns | undefined {
        const disk = modelDisk(this.fileSystem);
        if (!disk || folder.scheme !== 'file') return undefined;
        const read = disk.readConfig(UriUtils.joinPath(folder, PROJECT_FILE));
        if (!('text' in read)) return undefined;
        let ignores: unknown;
        try {
            ignores = (JSON.parse(read.text) as { ignores?: unknown } | null)?.ignores;
        } catch {
            return undefined;
        }
        if (!Array.isArray(ignores) || !ignores.every(pattern => typeof pattern === 'string' && pattern.trim() !== '')) return undefined;
        return ignores.length > 0 ? new IgnorePatterns().add(ignores, folder.path) : undefined;
    }
}
