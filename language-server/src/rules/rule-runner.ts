import { DocumentState, WorkspaceCache, type LangiumDocument } from 'langium';
import type { Arrangement } from '../generated/ast.js';
import type { ArrangementModel } from '../analysis/arrangement-model.js';
import type { AnalysisServices, ArrangementInputs, IntegrationAnalysis } from '../analysis/integration-analysis.js';
import { findingAt, locate, related as relatedLocation, type Finding } from '../findings/finding.js';
import { internalErrorFinding } from '../findings/internal-error.js';
import { workspaceModelErrors } from '../findings/model-errors.js';
import { ProfileChecks } from '../findings/profile-errors.js';
import type { ProfileRegistry } from '../profiles/profile-registry.js';
import type { ProjectScope } from '../references/projects.js';
import { GAP_RULES } from './registry.js';
import type { GapRule } from './rule.js';

interface BuildFindings {
    modelErrors?: Finding[];
    /** Each rule's findings over every arrangement, computed when first asked for. */
    byRule: Map<string, Finding[]>;
}

/** One arrangement's findings, rule by rule, and the inputs they were derived from. */
interface ArrangementFindings {
    inputs: ArrangementInputs;
    byRule: Map<string, Finding[]>;
}

/**
 * Runs the gap rules on the derived integration model and makes their findings,
 * at default severities: once per workspace build and rule, a rule that is off
 * never run, a rule that throws costing only that rule on that arrangement. The
 * workspace's own model errors (duplicate top-level names, `reports to` cycles),
 * which only the derived workspace model shows, are made here too, once per build.
 */
export class RuleRunner {
    private readonly analysis: IntegrationAnalysis;
    private readonly cache: WorkspaceCache<'build', BuildFindings>;
    private readonly profiles: ProfileRegistry;
    private readonly project: ProjectScope;
    /** Kept from build to build while the analysis says an arrangement's inputs are the same. */
    private byArrangement = new Map<Arrangement, ArrangementFindings>();
    /** The loaded profiles' checks, and each document's errors of them with the parse they were made from. */
    private profileChecks?: { checks: ProfileChecks; byDocument: WeakMap<LangiumDocument, { parsed: unknown; findings: readonly Finding[] }> };

    constructor(services: AnalysisServices) {
        this.analysis = services.analysis.IntegrationAnalysis;
        this.project = services.references.Project;
        this.profiles = services.profiles.ProfileRegistry;
        this.cache = new WorkspaceCache(services.shared);
        services.shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Linked, () => this.cache.clear());
        this.profiles.onDidChange(() => {
            this.cache.clear();
            this.profileChecks = undefined;
        });
        services.references.Project.layout.onDidChange(() => this.cache.clear());
    }

    /**
     * Has the next findings read a model whose reads are written down, when the
     * analysis' last did not write them (integration-analysis.ts): the findings of
     * then are kept by inputs that never hold again, so they are made afresh.
     */
    writeDownReads(): boolean {
        if (!this.analysis.writeDownReads()) return false;
        this.cache.clear();
        this.byArrangement = new Map();
        return true;
    }

    /** Workspace-wide model errors and the findings of every enabled gap rule. */
    workspaceFindings(isEnabled: (ruleId: string) => boolean = () => true): Finding[] {
        const results = this.results();
        const findings = [...this.workspaceModelErrors()];
        for (const rule of GAP_RULES) {
            if (!isEnabled(rule.id)) continue;
            let ruleFindings = results.byRule.get(rule.id);
            if (!ruleFindings) {
                ruleFindings = [];
                for (const arrangement of this.analysis.workspaceModel().arrangements) {
                    for (const finding of this.findingsOn(arrangement, rule)) ruleFindings.push(finding);
                }
                results.byRule.set(rule.id, ruleFindings);
            }
            for (const finding of ruleFindings) findings.push(finding);
        }
        return findings;
    }

    /** Model errors only the whole workspace shows, and those of the statutory profiles (profile-errors.ts). */
    workspaceModelErrors(): Finding[] {
        const results = this.results();
        results.modelErrors ??= [...workspaceModelErrors(this.analysis.workspaceModel(), this.project.isWholeWorkspace ? 'workspace' : 'project'), ...this.profileErrors()];
        return results.modelErrors;
    }

    /** The statutory profiles' model errors, each document's kept while it is not parsed again and the profiles not reloaded. */
    private profileErrors(): Finding[] {
        const checks = this.profileChecks ??= { checks: new ProfileChecks(this.profiles), byDocument: new WeakMap() };
        return checks.checks.inWorkspace(this.analysis.workspaceModel(), document => {
            let kept = checks.byDocument.get(document);
            if (kept?.parsed !== document.parseResult) checks.byDocument.set(document, kept = { parsed: document.parseResult, findings: checks.checks.inDocument(document) });
            return kept.findings;
        });
    }

    /**
     * The enabled rules' findings on these arrangements alone, read from the same
     * workspace model: the server's first answer to an edit, before the rest.
     */
    arrangementFindings(arrangements: readonly Arrangement[], isEnabled: (ruleId: string) => boolean): Finding[] {
        this.results();
        return GAP_RULES.filter(rule => isEnabled(rule.id)).flatMap(rule => arrangements.flatMap(arrangement => this.findingsOn(arrangement, rule)));
    }

    /**
     * One rule's findings on one arrangement: those of an earlier build while the
     * arrangement's inputs are the same (`results` keeps only those, once per build).
     */
    private findingsOn(arrangement: Arrangement, rule: GapRule): readonly Finding[] {
        let kept = this.byArrangement.get(arrangement);
        if (!kept) this.byArrangement.set(arrangement, kept = { inputs: this.analysis.arrangementInputs(arrangement), byRule: new Map() });
        let findings = kept.byRule.get(rule.id);
        if (!findings) kept.byRule.set(rule.id, findings = runRule(rule, this.analysis.arrangementModel(arrangement)));
        return findings;
    }

    private results(): BuildFindings {
        return this.cache.get('build', () => {
            // Arrangements gone or changed since the last build: nothing of theirs is kept. Found by their
            // inputs: in a file parsed again, an arrangement that reads as it did is a new node with the same inputs.
            const byInputs = new Map<ArrangementInputs, ArrangementFindings>();
            for (const findings of this.byArrangement.values()) byInputs.set(findings.inputs, findings);
            const kept = new Map<Arrangement, ArrangementFindings>();
            for (const arrangement of this.analysis.workspaceModel().arrangements) {
                const findings = byInputs.get(this.analysis.arrangementInputs(arrangement));
                if (findings) kept.set(arrangement, findings);
            }
            this.byArrangement = kept;
            return { byRule: new Map() };
        });
    }
}

function runRule(rule: GapRule, model: ArrangementModel): Finding[] {
    const findings: Finding[] = [];
    try {
        rule.check(model, report => {
            const finding = findingAt(report.node, {
                rule: rule.id, severity: rule.defaultSeverity, message: report.message,
                arrangement: model.arrangement.name
            });
            if (report.node === model.arrangement) finding.element = model.arrangement.name;
            if (report.subject !== undefined) finding.subject = report.subject;
            if (report.related?.length) finding.related = report.related.map(r => relatedLocation(r.node, r.message));
            if (report.scope !== undefined) finding.scope = report.scope;
            findings.push(finding);
        });
    } catch (error) {
        // One rule's bug costs that rule on that arrangement, not the whole check.
        findings.push({ ...internalErrorFinding(locate(model.arrangement), `rule ${rule.id} on this arrangement`, error, rule.id), arrangement: model.arrangement.name, element: model.arrangement.name });
    }
    return findings;
}

/** The services the rules layer adds. */
export interface RulesAddedServices {
    rules: { RuleRunner: RuleRunner };
}

export type RulesServices = AnalysisServices & RulesAddedServices;
