import type { ArrangementModel } from '../analysis/arrangement-model.js';
import type { Finding, Severity } from '../findings/finding.js';
import { MATURITY_DIMENSIONS } from './maturity-dimensions.js';
import type { MaturityContext } from './maturity-steps.js';

/**
 * A derived maturity profile on SCIROCCO Exchange's twelve dimensions (docs/maturity.md):
 * each dimension is a ladder of five steps, each step a fact the model can show,
 * and a score is the highest step reached with every step below it. What the
 * language cannot see is "not shown by the model", never a zero.
 */
export interface MaturityProfile {
    dimensions: DimensionScore[];
}

export interface DimensionScore {
    id: string;
    name: string;
    /** 0–5; undefined when the model cannot show this dimension. */
    score?: number;
    /** Why the language cannot see this dimension (when `score` is undefined). */
    notShown?: string;
    steps: StepResult[];
    /** The findings of the rules that bear on this dimension, suppressed ones included. */
    findings: MaturityFinding[];
}

export interface StepResult {
    level: number;
    /** What the model must show for this step, as docs/maturity.md states it. */
    needs: string;
    met: boolean;
    /** What meets it (element titles), or why it is not met. */
    evidence: string[];
}

export interface MaturityFinding {
    rule: string;
    severity: Severity;
    message: string;
    element?: string;
    /** Silenced by a suppression comment: an accepted risk still counts against maturity. */
    suppressed: boolean;
}

export interface MaturityInput {
    model: ArrangementModel;
    /** Every finding of the check (other arrangements' are ignored). */
    findings: readonly Finding[];
    /** Findings that suppression comments silenced: accepted, but still gaps. */
    suppressed: readonly Finding[];
    /** Rules that did not run (set to `off`). */
    rulesOff: ReadonlySet<string>;
}

/** The profile: a pure function of the derived model and the findings. */
export function scoreMaturity(input: MaturityInput): MaturityProfile {
    const name = input.model.arrangement.name;
    const byRule = new Map<string, Array<{ finding: Finding; suppressed: boolean }>>();
    const note = (finding: Finding, suppressed: boolean) => {
        if (finding.arrangement !== name) return;
        const list = byRule.get(finding.rule);
        if (list) list.push({ finding, suppressed }); else byRule.set(finding.rule, [{ finding, suppressed }]);
    };
    input.findings.forEach(finding => note(finding, false));
    input.suppressed.forEach(finding => note(finding, true));
    const context: MaturityContext = {
        model: input.model,
        findingsOf: rule => (byRule.get(rule) ?? []).map(entry => entry.finding),
        ran: rule => !input.rulesOff.has(rule)
    };
    return {
        dimensions: MATURITY_DIMENSIONS.map(dimension => {
            const findings = dimension.rules.flatMap(rule => (byRule.get(rule) ?? []).map(({ finding, suppressed }) => ({
                rule: finding.rule, severity: finding.severity, message: finding.message,
                ...(finding.element ? { element: finding.element } : {}), suppressed
            })));
            if (!dimension.steps) return { id: dimension.id, name: dimension.name, notShown: dimension.notShown ?? '', steps: [], findings };
            const steps = dimension.steps.map((step, index) => ({ level: index + 1, needs: step.needs, ...step.test(context) }));
            const firstUnmet = steps.findIndex(step => !step.met);
            return { id: dimension.id, name: dimension.name, score: firstUnmet < 0 ? steps.length : firstUnmet, steps, findings };
        })
    };
}
