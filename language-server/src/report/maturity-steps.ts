import type { ArrangementModel } from '../analysis/arrangement-model.js';
import type { Finding } from '../findings/finding.js';

/** What a step's test sees: the arrangement's derived model and its findings. */
export interface MaturityContext {
    model: ArrangementModel;
    /** This arrangement's findings of a rule, suppressed ones included. */
    findingsOf(rule: string): readonly Finding[];
    /** Whether the rule ran in this check (a rule set to `off` shows nothing either way). */
    ran(rule: string): boolean;
}

/** A step's answer: met or not, and the evidence either way. */
export interface StepAnswer {
    met: boolean;
    evidence: string[];
}

export interface MaturityStep {
    needs: string;
    test(context: MaturityContext): StepAnswer;
}

export interface MaturityDimension {
    id: string;
    name: string;
    /** Five steps, for scores 1 to 5; absent when the language cannot see the dimension. */
    steps?: readonly MaturityStep[];
    notShown?: string;
    /** The rules whose findings bear on it: listed beside its score. */
    rules: readonly string[];
}

/** "met when rule R reports nothing here": a rule that did not run shows nothing. */
export function noFindings(context: MaturityContext, ...rules: string[]): StepAnswer {
    const off = rules.filter(rule => !context.ran(rule));
    if (off.length) return { met: false, evidence: off.map(rule => `${rule} is off in this check, so the model cannot show this`) };
    const found = rules.flatMap(rule => context.findingsOf(rule));
    return found.length
        ? { met: false, evidence: found.map(finding => `${finding.rule} reports ${finding.element && finding.element !== context.model.arrangement.name ? finding.element : 'the arrangement'}`) }
        : { met: true, evidence: rules.map(rule => `no ${rule} finding`) };
}

/** Met when `items` is not empty; the evidence names them, or says what is missing. */
export function shown(items: readonly string[], missing: string): StepAnswer {
    return items.length ? { met: true, evidence: [...new Set(items)] } : { met: false, evidence: [missing] };
}

/** Both answers met; the evidence of both, or of what failed. */
export function both(a: StepAnswer, b: StepAnswer): StepAnswer {
    if (a.met && b.met) return { met: true, evidence: [...a.evidence, ...b.evidence] };
    return { met: false, evidence: [...(a.met ? [] : a.evidence), ...(b.met ? [] : b.evidence)] };
}
