import { stageRank } from '../language/quantities.js';
import { describeStage } from '../analysis/stage-support.js';
import type { GapRule } from './rule.js';

export const stageClaimUnsupported: GapRule = {
    id: 'stage-claim-unsupported',
    type: 'maturity',
    defaultSeverity: 'warning',
    description: 'The claimed stage of joining-up needs more than the model shows.',
    docs: {
        what: 'Each stage the arrangement claims with `stage` must be supported: the model must show the requirements '
            + 'of that stage and of every stage it builds on (stages 2 to 5 build on each other; 6a, 6b, 6c and 7 each '
            + 'build on 5). Stages can be skipped: 6a is also supported without stages 3 to 5 when a lead agency has taken '
            + 'the work over (`lead` names a partner, a forum includes every partner, and a team staffed by the lead uses '
            + 'one system, or systems joined by links, that two partners use) and stage 2 holds. Stage 4\'s systems at '
            + 'least communicating may also be one system with two partners among its `users`. One finding lists every unsupported '
            + 'claim with what it lacks, and the highest stage the model supports.',
        why: 'Dunleavy and Hancock describe joining-up as a ladder, from free-standing services through co-operation, '
            + 'co-ordination and shared provision to lead agencies, pooled budgets, common leaders and mergers. A claim '
            + 'to a rung the structures do not show overstates how joined-up the services are. They also note that a '
            + 'partnership may jump rungs, and the three forms of stage 6 are alternatives an arrangement may combine.',
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
            + 'fix), or drop the unsupported one of several claims. Suppress with `// joinery-ignore stage-claim-unsupported: <reason>` on the line before the arrangement.'
    },
    check(model, report) {
        const { claims, supportedStage, isSupported, missingFor } = model.stageSupport;
        // A claim that is not a stage at all is a model error, reported by validation.
        const unsupported = claims.filter(claim => stageRank(claim) >= 0 && !isSupported(claim));
        if (unsupported.length === 0) return;
        const gaps = unsupported.map(claim => {
            const missing = missingFor(claim).map(requirement => `${requirement.description} (stage ${requirement.stage})`);
            return `${describeStage(claim)}, but the model does not show: ${missing.join('; ')}`;
        });
        report({
            node: model.arrangement,
            message: `${model.title} claims ${gaps.join('. It also claims ')}. `
                + `The highest stage it supports is ${describeStage(supportedStage)}.`
        });
    }
};
