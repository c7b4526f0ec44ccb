import { DefaultWorkspaceManager, type LangiumSharedCoreServices, type URI } from 'langium';

/** Validates every file of the workspace on load, not only open ones, so the editor reports what the CLI reports. */
export class JoineryWorkspaceManager extends DefaultWorkspaceManager {
    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.initialBuildOptions = { validation: true };
    }

    /**
     * The model files under the workspace folders as they are on disk now, loading
     * any the workspace does not know yet (created outside the editor), with the
     * same folder rules as the start-up scan.
     */
    async loadFilesOnDisk(): Promise<URI[]> {
        const found: URI[] = [];
        for (const folder of this.folders ?? []) await this.traverseFolder(this.getRootFolder(folder), found);
        for (const uri of found) await this.langiumDocuments.getOrCreateDocument(uri);
        return found;
    }
}
