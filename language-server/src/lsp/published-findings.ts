import { DocumentState, WorkspaceCache } from 'langium';
import { collectFindings } from '../checking/collect.js';
import type { Finding } from '../findings/finding.js';
import type { RulesServices } from '../rules/rule-runner.js';
import type { WorkspaceRuleSettings } from './workspace-rule-settings.js';

/**
 * The findings the server publishes (`collectFindings` with the editor's rule
 * settings), computed once per workspace build and settings, for the features
 * that ask often: code actions on every cursor move, code lenses on every edit.
 */
export class PublishedFindings {
    private readonly services: RulesServices;
    private readonly settings: WorkspaceRuleSettings;
    private readonly cache: WorkspaceCache<string, Finding[]>;

    constructor(services: RulesServices, settings: WorkspaceRuleSettings) {
        this.services = services;
        this.settings = settings;
        this.cache = new WorkspaceCache(services.shared);
        // A list computed while a build was still validating would miss its findings.
        services.shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => this.cache.clear());
        // Profiles reloaded: the findings that name them are stale (the settings' change event then republishes).
        services.profiles.ProfileRegistry.onDidChange(() => this.cache.clear());
    }

    current(): Finding[] {
        const settings = this.settings.current();
        return this.cache.get(JSON.stringify(settings), () => collectFindings(this.services, settings));
    }
}
