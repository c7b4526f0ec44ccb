import { DefaultWorkspaceManager, UriUtils, type FileSystemNode, type LangiumSharedCoreServices, type URI, type WorkspaceFolder } from 'langium';
import { includesEntry } from './model-files.js';

/** Validates every file of the workspace on load, not only open ones, so the editor reports what the CLI reports. */
export class JoineryWorkspaceManager extends DefaultWorkspaceManager {
    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.initialBuildOptions = { validation: true };
    }

    /** The shared selector (`model-files.ts`): the CLI's walk makes the same decision. */
    protected override includeEntry(_folder: WorkspaceFolder, entry: FileSystemNode): boolean {
        return (entry.isDirectory || entry.isFile) && includesEntry(UriUtils.basename(entry.uri), entry.isDirectory);
    }

    /**
     * The model files under the workspace folders as they are on disk now, loading
     * any the workspace does not know yet (created outside the editor), with the
     * same folder rules as the start-up scan.
     */
    async loadFilesOnDisk(): Promise<URI[]> {
        const selector = {
            fileExtensions: this.serviceRegistry.all.flatMap(language => language.LanguageMetaData.fileExtensions),
            fileNames: this.serviceRegistry.all.flatMap(language => language.LanguageMetaData.fileNames ?? [])
        };
        const found: URI[] = [];
        for (const folder of this.folders ?? []) {
            await this.traverseFolder(folder, this.getRootFolder(folder), selector, document => found.push(document.uri));
        }
        return found;
    }
}
