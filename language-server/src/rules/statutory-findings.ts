import type { ArrangementModel } from '../analysis/arrangement-model.js';
import { titleOf } from '../analysis/membership.js';
import { citationOf, ruleOf } from '../profiles/profile.js';
import type { RuleReport } from './rule.js';

/**
 * One finding per unmet requirement of a profile, for the rule that owns it
 * (`statutory-membership` or `statutory-structure`), on the profiled forum or
 * arrangement. A requirement the model cannot show (a chair asked of an arrangement) is never a finding.
 */
export function reportUnmetRequirements(rule: string, model: ArrangementModel, report: (finding: RuleReport) => void): void {
    for (const compliance of model.compliance) {
        const { profile, subject } = compliance;
        if (!profile) continue;
        for (const result of compliance.results) {
            if (result.status !== 'unmet' || ruleOf(result.requirement) !== rule) continue;
            const law = profile.kind === 'standard' ? 'the standard' : 'the law';
            report({
                node: subject,
                message: `${titleOf(subject)} does not meet ${law} in profile ${profile.id}: ${result.requirement.title} `
                    + `(${citationOf(profile, result.requirement)}). ${capitalise(result.detail)}.`
            });
        }
    }
}

function capitalise(text: string): string {
    return text ? text[0].toUpperCase() + text.slice(1) : text;
}
