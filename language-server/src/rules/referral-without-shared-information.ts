import { isActor } from '../generated/ast.js';
import { isNonStatutory, titleOf } from '../analysis/membership.js';
import { takesOnlyReferrals } from '../analysis/participation.js';
import { referralInformation } from '../analysis/referral-information.js';
import type { GapRule } from './rule.js';
import { titles } from './wording.js';

export const referralWithoutSharedInformation: GapRule = {
    id: 'referral-without-shared-information',
    type: 'structural',
    defaultSeverity: 'warning',
    description: 'A referral passes people between organisations that share no system, link or agreement.',
    docs: {
        what: 'A `referral` between organisations (an actor of kind `organisation` or `network` or a body; a team, which '
            + 'counts as the organisations that staff it; a forum such as a MARAC, which counts as its member organisations) '
            + 'where nothing lets the person\'s information follow them: no organisation is at both ends; no system is used '
            + 'at both ends (a team\'s systems, the systems of the teams an actor staffs, and the systems each end\'s '
            + 'organisations own or use: a system\'s `users`, or the staff of the teams that use it); no chain of links '
            + 'joins a system of one end to one of the other; and no agreement names, or covers, both ends (a party among '
            + 'each end\'s organisations, or the team or forum itself in `covers`). Reported on the receiving end, once per '
            + 'referral. A referral to a non-statutory actor whose only part is to take referrals is left to '
            + '`referral-only-partner`, which already says it is party to no agreement.',
        why: 'The multi-agency hub of seed 002 brings agencies into one office so that they share information and '
            + 'follow common assessment pathways; a referral across organisations that share neither a record nor an '
            + 'agreement to share one is where people are asked to tell their story again (seed 001).',
        seed: '002',
        failing: `actor Police "Police force" { sector statutory }
actor Refuge "Domestic abuse charity" { sector third }
arrangement Safety "Community safety partnership" {
  partners Police
  forum Board "Safety board" { kind board voting Police advisory Refuge }
  system Crime "Crime records" { owner Police }
  system Cases "Charity case system" { owner Refuge }
  referral Police -> Refuge
}
`,
        passing: `actor Police "Police force" { sector statutory }
actor Refuge "Domestic abuse charity" { sector third }
arrangement Safety "Community safety partnership" {
  partners Police
  forum Board "Safety board" { kind board voting Police advisory Refuge }
  system Crime "Crime records" { owner Police }
  system Cases "Charity case system" { owner Refuge }
  referral Police -> Refuge
  agreement Sharing "Information sharing protocol" { between Police, Refuge covers Crime, Cases }
}
`,
        fix: 'Model how the information travels: a system both ends use, a `link` between their systems, or an '
            + 'information sharing agreement that names both. If it travels some way the model does not show, suppress '
            + 'with `// joinery-ignore referral-without-shared-information: <reason>` on the line before the receiving '
            + 'actor or team.'
    },
    check(model, report) {
        for (const found of referralInformation(model)) {
            if (found.path) continue;
            const { to, from } = found;
            if (isActor(to) && isNonStatutory(to) && takesOnlyReferrals(model.partOf(to))) continue;
            const name = titleOf(to);
            report({
                node: to,
                message: `${name} receives referrals from ${titleOf(from)} in ${model.title}, but `
                    + `${titles(found.toOrganisations)} and ${titles(found.fromOrganisations)} share no system, link or agreement: `
                    + 'the person\'s information does not follow them, and they tell their story again. '
                    + 'Give both ends a shared or linked system, or an information sharing agreement that names both.',
                related: [{ node: found.referral, message: `the referral from ${titleOf(from)} to ${name}` }]
            });
        }
    }
};
