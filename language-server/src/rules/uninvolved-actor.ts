import { titleOf } from '../analysis/membership.js';
import type { GapRule } from './rule.js';

export const uninvolvedActor: GapRule = {
    id: 'uninvolved-actor',
    type: 'structural',
    defaultSeverity: 'info',
    description: 'An actor is declared but takes part in no arrangement of the workspace.',
    docs: {
        what: 'A top-level actor that no arrangement of the workspace involves: it is no partner, lead or leader, sits on '
            + 'no forum, staffs or leads no team, delivers no service, contributes to, holds or receives no budget, owns '
            + 'no system or goal, reports no indicator, is at neither end of a channel or referral, is party to no '
            + 'agreement, and no involved actor `represents` it. The finding is made once, in the first arrangement of '
            + 'the file that declares the actor, or else of its folder (a file of shared actors beside the arrangements '
            + 'that use them), or else of the workspace.',
        why: 'The gap rules look at the actors an arrangement involves. Taking a stakeholder off its last forum or team '
            + 'takes it out of their sight, and every gap it had (no voice on the board, no funding) would vanish without '
            + 'a word. The Lanarkshire study found third-sector organisations left on the periphery of local decision-making; '
            + 'a model should not be able to leave them out of the picture altogether without saying so.',
        seed: '001',
        failing: `actor NHS "Health board" { sector statutory }
actor Carers "Carers centre" { sector third }
arrangement North "North partnership" {
  partners NHS
  forum IJB "Joint board" { kind board voting NHS }
}
`,
        passing: `actor NHS "Health board" { sector statutory }
actor Carers "Carers centre" { sector third }
arrangement North "North partnership" {
  partners NHS
  forum IJB "Joint board" { kind board voting NHS advisory Carers }
}
`,
        fix: 'Give the actor its part in an arrangement (a seat, a channel, a service, a budget), or remove its '
            + 'declaration if it has none. If it is declared only for context, suppress with '
            + '`// joinery-ignore uninvolved-actor: <reason>` on the line before the actor.'
    },
    check(model, report) {
        for (const actor of model.workspace.involvement.uninvolvedFiledWith(model.arrangement)) {
            const name = titleOf(actor);
            report({
                node: actor,
                message: `${name} (sector ${actor.sector ?? 'not given'}) is declared but takes part in no arrangement of the workspace: `
                    + `no seat, team, service, budget, channel, referral or agreement names it, so no gap rule looks at it. `
                    + `Give ${name} its part in an arrangement, or remove the declaration.`
            });
        }
    }
};
