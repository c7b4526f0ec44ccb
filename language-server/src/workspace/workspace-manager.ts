import { DefaultWorkspaceManager, type LangiumSharedCoreServices } from 'langium';

/** Validates every file of the workspace on load, not only open ones, so the editor reports what the CLI reports. */
export class JoineryWorkspaceManager extends DefaultWorkspaceManager {
    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.initialBuildOptions = { validation: true };
    }
}
