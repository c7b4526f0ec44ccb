import { coreServicesOfNonStatutory, fundingTerm } from '../analysis/funding-term.js';
import { titleOf } from '../analysis/membership.js';
import type { GapRule } from './rule.js';
import { titles } from './wording.js';

export const fixedTermCoreService: GapRule = {
    id: 'fixed-term-core-service',
    type: 'structural',
    defaultSeverity: 'info',
    description: 'A service people are referred to, delivered by a non-statutory actor, is funded only by fixed-term money.',
    docs: {
        what: 'A service delivered by a third-sector, independent or community actor (a delivering team counts as its '
            + 'staff) is core to the arrangement when people are referred to it: a `referral` goes to one of those '
            + 'deliverers, or to a delivering team one of them staffs. The rule fires when every budget that funds the '
            + 'service, those deliverers or its delivering teams is fixed-term money. A budget is fixed-term when its '
            + '`term` says so (`term fixed until …`) or, with no term given, when it is a '
            + '`grant`. A core service that no budget funds is left to `unfunded-provider`.',
        why: 'The Lanarkshire study heard that third-sector organisations relied upon to deliver prevention were not '
            + 'invested in, that time for the relationships the work needs was not covered by their funding agreements, '
            + 'and that a bolder approach to investment was needed. A service the statutory partners send people to, '
            + 'paid for by grants that end, can stop while the referrals keep coming.',
        seed: '001',
        failing: `actor Council "Council" { sector statutory }
actor Befriend "Befriending charity" { sector third }
arrangement North "North partnership" {
  partners Council
  forum Board "Partnership board" { kind board voting Council advisory Befriend }
  budget Pilot "Loneliness pilot grant" { kind grant from Council 80k held by Council funds Visits }
  service Visits "Befriending visits" { delivered by Befriend }
  referral Council -> Befriend
}
`,
        passing: `actor Council "Council" { sector statutory }
actor Befriend "Befriending charity" { sector third }
arrangement North "North partnership" {
  partners Council
  forum Board "Partnership board" { kind board voting Council advisory Befriend controls Core }
  budget Core "Prevention budget" { kind aligned from Council 80k held by Board funds Visits }
  service Visits "Befriending visits" { delivered by Befriend }
  referral Council -> Befriend
}
`,
        fix: 'Fund the service from recurrent money (a budget with `term recurrent`, or one of another kind than `grant`), '
            + 'or say that the grant is recurrent. If its funding is secured outside the model, suppress with '
            + '`// joinery-ignore fixed-term-core-service: <reason>` on the line before the service.'
    },
    check(model, report) {
        for (const core of coreServicesOfNonStatutory(model)) {
            if (core.budgets.length === 0) continue;
            const terms = core.budgets.map(fundingTerm);
            if (!terms.every(term => term?.kind === 'fixed')) continue;
            const name = titleOf(core.service);
            const read = terms.some(term => term && !term.stated) ? ' (a grant with no `term` counts as fixed-term)' : '';
            report({
                node: core.service,
                message: `${name}, delivered by ${titles(core.deliverers)}, takes referrals in ${model.title}, but is funded only by `
                    + `fixed-term money: ${titles(core.budgets)}${read}. When the money ends the pathway stops while the referrals go on. `
                    + 'Fund it from recurrent money, or say that its funding is recurrent.',
                related: [...core.budgets.map(budget => ({ node: budget, message: `fixed-term funding of ${name}` })),
                    ...core.referrals.map(referral => ({ node: referral, message: `a referral to ${name}` }))]
            });
        }
    }
};
