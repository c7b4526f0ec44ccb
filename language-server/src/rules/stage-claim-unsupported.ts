import { stageRank } from '../language/quantities.js';
import { describeStage } from '../analysis/stage-support.js';
import type { GapRule } from './rule.js';

export const stageClaimUnsupported: GapRule = {
    id: 'stage-claim-unsupported',
    type: 'maturity',
    defaultSeverity: 'warning',
    description: 'The claimed stage of joining-up needs more than the model shows.',
    docs: {
        what: 'The arrangement\'s `stage` must be supported: the model must show the requirements of that stage and '
            + 'of every stage it builds on (stages 2 to 5 build on each other; 6a, 6b, 6c and 7 each build on 5). '
            + 'The message lists each missing requirement and the highest stage the model supports.',
        why: 'Dunleavy and Hancock describe joining-up as a ladder, from free-standing services through co-operation, '
            + 'co-ordination and shared provision to lead agencies, pooled budgets, common leaders and mergers. A claim '
            + 'to a rung the structures do not show overstates how joined-up the services are.',
        seed: '004',
        failing: `actor NHS "Health board" { sector statutory }
actor Council "Council" { sector statutory }
arrangement North "North partnership" {
  partners NHS, Council
  stage 3
  forum Liaison "Liaison meeting" { kind engagement voting NHS, Council }
}
`,
        passing: `actor NHS "Health board" { sector statutory }
actor Council "Council" { sector statutory }
arrangement North "North partnership" {
  partners NHS, Council
  stage 3
  forum Liaison "Liaison meeting" { kind learning voting NHS, Council }
}
`,
        fix: 'Add what the stage needs (the message lists it), or claim the supported stage (the editor offers this '
            + 'fix). Suppress with `// joinery-ignore stage-claim-unsupported: <reason>` on the line before the arrangement.'
    },
    check(model, report) {
        const { claimed, supportedStage, isSupported, missingFor } = model.stageSupport;
        // A claim that is not a stage at all is a model error, reported by validation.
        if (claimed === undefined || stageRank(claimed) < 0 || isSupported(claimed)) return;
        const missing = missingFor(claimed).map(requirement => `${requirement.description} (stage ${requirement.stage})`);
        report({
            node: model.arrangement,
            message: `${model.title} claims ${describeStage(claimed)}, but the model does not show: ${missing.join('; ')}. `
                + `The highest stage it supports is ${describeStage(supportedStage)}.`
        });
    }
};
