import { DocumentState, WorkspaceCache, type LangiumDocuments } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import type { Arrangement } from '../generated/ast.js';
import { findingAt, locate, related as relatedLocation, type Finding } from '../findings/finding.js';
import { internalErrorFinding } from '../findings/internal-error.js';
import { GAP_RULES } from '../rules/registry.js';
import type { GapRule } from '../rules/rule.js';
import { buildArrangementModel, type ArrangementModel } from './arrangement-model.js';
import { workspaceModelErrors } from './model-errors.js';
import { buildWorkspaceModel, type WorkspaceModel } from './workspace-model.js';

interface BuildResults {
    workspace: WorkspaceModel;
    arrangements: Map<Arrangement, ArrangementModel>;
    modelErrors?: Finding[];
    /** Each rule's findings over every arrangement, computed when first asked for. */
    ruleFindings: Map<string, Finding[]>;
}

/**
 * The derived integration model of the workspace, computed at most once per
 * workspace build and shared by rules, hover, the CLI and the server.
 */
export class IntegrationAnalysis {
    private readonly documents: LangiumDocuments;
    private readonly cache: WorkspaceCache<'build', BuildResults>;

    constructor(services: LangiumServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        this.cache = new WorkspaceCache(services.shared);
        // A result computed while a build was linking would be stale once it links.
        services.shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Linked, () => this.cache.clear());
    }

    workspaceModel(): WorkspaceModel {
        return this.results().workspace;
    }

    arrangementModel(arrangement: Arrangement): ArrangementModel {
        const results = this.results();
        let model = results.arrangements.get(arrangement);
        if (!model) {
            model = buildArrangementModel(arrangement, results.workspace);
            results.arrangements.set(arrangement, model);
        }
        return model;
    }

    allArrangementModels(): ArrangementModel[] {
        return this.workspaceModel().arrangements.map(a => this.arrangementModel(a));
    }

    /**
     * Workspace-wide model errors and the findings of every enabled gap rule, at
     * default severities. A rule that is off is never run.
     */
    workspaceFindings(isEnabled: (ruleId: string) => boolean = () => true): Finding[] {
        const results = this.results();
        const findings = [...this.workspaceModelErrors()];
        for (const rule of GAP_RULES) {
            if (!isEnabled(rule.id)) continue;
            let ruleFindings = results.ruleFindings.get(rule.id);
            if (!ruleFindings) {
                ruleFindings = this.runRule(rule, this.allArrangementModels());
                results.ruleFindings.set(rule.id, ruleFindings);
            }
            findings.push(...ruleFindings);
        }
        return findings;
    }

    /** Model errors only the whole workspace shows (duplicate top-level names, `reports to` cycles). */
    workspaceModelErrors(): Finding[] {
        const results = this.results();
        results.modelErrors ??= workspaceModelErrors(results.workspace);
        return results.modelErrors;
    }

    /**
     * The enabled rules' findings on these arrangements alone, read from the same
     * workspace model: the server's first answer to an edit, before the rest.
     */
    arrangementFindings(arrangements: readonly Arrangement[], isEnabled: (ruleId: string) => boolean): Finding[] {
        const models = arrangements.map(arrangement => this.arrangementModel(arrangement));
        return GAP_RULES.filter(rule => isEnabled(rule.id)).flatMap(rule => this.runRule(rule, models));
    }

    private runRule(rule: GapRule, models: readonly ArrangementModel[]): Finding[] {
        const findings: Finding[] = [];
        for (const model of models) {
            try {
                rule.check(model, report => {
                    const finding = findingAt(report.node, {
                        rule: rule.id, severity: rule.defaultSeverity, message: report.message,
                        arrangement: model.arrangement.name
                    });
                    if (report.node === model.arrangement) finding.element = model.arrangement.name;
                    if (report.related?.length) finding.related = report.related.map(r => relatedLocation(r.node, r.message));
                    findings.push(finding);
                });
            } catch (error) {
                // One rule's bug costs that rule on that arrangement, not the whole check.
                findings.push({ ...internalErrorFinding(locate(model.arrangement), `rule ${rule.id} on this arrangement`, error, rule.id), arrangement: model.arrangement.name, element: model.arrangement.name });
            }
        }
        return findings;
    }

    private results(): BuildResults {
        return this.cache.get('build', () => ({
            workspace: buildWorkspaceModel(this.documents.all),
            arrangements: new Map(),
            ruleFindings: new Map()
        }));
    }
}
