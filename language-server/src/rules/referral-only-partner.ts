import { isNonStatutory, titleOf, unique } from '../analysis/membership.js';
import { takesOnlyReferrals } from '../analysis/participation.js';
import type { GapRule } from './rule.js';
import { count, titles } from './wording.js';

export const referralOnlyPartner: GapRule = {
    id: 'referral-only-partner',
    type: 'relational',
    defaultSeverity: 'warning',
    description: 'A non-statutory actor only receives referrals: no seat, team, agreement or channel to a forum.',
    docs: {
        what: 'A third-sector, independent or community actor that receives at least one `referral` in the '
            + 'arrangement, yet sits on no forum, staffs no team, is party to no agreement and has no channel of its '
            + 'own to a forum there. Funding it or naming it in `delivered by` does not change that. A contractor (it '
            + 'delivers here only `contracted` or `fee-funded`, and is neither a partner nor staff of a team) is not '
            + 'reported: taking referrals is what it is paid for.',
        why: 'Respondents in the Lanarkshire study agreed that statutory partners had come together while the third '
            + 'sector was treated as an add-on, used mainly as somewhere to send people onward rather than as a partner in '
            + 'delivery and planning.',
        seed: '001',
        failing: `actor NHS "Health board" { sector statutory }
actor Befriend "Befriending service" { sector third }
arrangement North "North partnership" {
  partners NHS
  forum IJB "Joint board" { kind board voting NHS }
  forum Locality "Locality group" { kind planning voting NHS reports to IJB }
  channel Befriend -> NHS { kind informal }
  referral NHS -> Befriend
}
`,
        passing: `actor NHS "Health board" { sector statutory }
actor Befriend "Befriending service" { sector third }
arrangement North "North partnership" {
  partners NHS
  forum IJB "Joint board" { kind board voting NHS }
  forum Locality "Locality group" { kind planning voting NHS advisory Befriend reports to IJB }
  channel Befriend -> NHS { kind informal }
  referral NHS -> Befriend
}
`,
        fix: 'Give the actor a part beyond taking referrals: a seat on a forum, staff in a team, a party to an '
            + 'agreement, or a channel to a forum. If its part is rightly only to take referrals, suppress with '
            + '`// joinery-ignore referral-only-partner: <reason>` on the line before the actor.'
    },
    check(model, report) {
        for (const actor of model.involvedActors) {
            if (!isNonStatutory(actor)) continue;
            const part = model.partOf(actor);
            if (!takesOnlyReferrals(part)) continue;
            const name = titleOf(actor);
            const referrers = unique(part.referralsReceived.map(referral => referral.from.ref).filter(from => from !== undefined));
            report({
                node: actor,
                message: `${name} (sector ${actor.sector}) receives ${count(part.referralsReceived.length, 'referral')}`
                    + (referrers.length ? ` from ${titles(referrers)}` : '')
                    + ` in ${model.title}, but sits on no forum, staffs no team, is party to no agreement and has no channel `
                    + `to a forum: its only part is to take referrals. Give ${name} a seat, a place in a team, an agreement or a channel to a forum.`,
                related: part.referralsReceived.map(referral => ({ node: referral, message: `a referral to ${name}` }))
            });
        }
    }
};
