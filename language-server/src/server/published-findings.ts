import { DocumentState, WorkspaceCache } from 'langium';
import { collectFindings } from '../findings/collect.js';
import type { Finding } from '../findings/finding.js';
import type { JoineryServices } from '../joinery-module.js';

/**
 * The findings the server publishes (`collectFindings` with the editor's rule
 * settings), computed once per workspace build and settings, for the features
 * that ask often: code actions on every cursor move, code lenses on every edit.
 */
export class PublishedFindings {
    private readonly services: JoineryServices;
    private readonly cache: WorkspaceCache<string, Finding[]>;

    constructor(services: JoineryServices) {
        this.services = services;
        this.cache = new WorkspaceCache(services.shared);
        // A list computed while a build was still validating would miss its findings.
        services.shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => this.cache.clear());
    }

    current(): Finding[] {
        const settings = this.services.findings.EditorRuleSettings.current();
        return this.cache.get(JSON.stringify(settings), () => collectFindings(this.services, settings));
    }
}
