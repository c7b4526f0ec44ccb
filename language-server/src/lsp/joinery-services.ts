import type { LangiumServices } from 'langium/lsp';
import type { AnalysisAddedServices } from '../analysis/integration-analysis.js';
import type { ProfilesAddedServices } from '../profiles/profile-registry.js';
import type { ProjectAddedServices } from '../references/projects.js';
import type { RulesAddedServices } from '../rules/rule-runner.js';
import type { ValidationAddedServices } from '../validation/semantic-checks.js';
import type { ClientCommands } from './client-commands.js';
import type { PublishedFindings } from './published-findings.js';
import type { WorkspaceRuleSettings } from './workspace-rule-settings.js';

/** The services the editor layer adds: the editor's rule settings and the findings under them. */
export interface EditorAddedServices {
    /** The editor's rule settings (joinery.json, `joinery.rules`; empty outside a server) and the findings under them. */
    findings: { EditorRuleSettings: WorkspaceRuleSettings; PublishedFindings: PublishedFindings };
    /** The client's own commands the server may offer (initializationOptions.clientCommands). */
    lsp: { ClientCommands: ClientCommands };
}

/** Services Joinery adds to Langium's, each layer its own part. */
export type JoineryAddedServices = ProjectAddedServices & ValidationAddedServices & ProfilesAddedServices & AnalysisAddedServices & RulesAddedServices & EditorAddedServices;

export type JoineryServices = LangiumServices & JoineryAddedServices;
