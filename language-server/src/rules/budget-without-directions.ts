import { allocationsToContributors } from '../analysis/directions.js';
import { titleOf } from '../analysis/membership.js';
import type { GapRule } from './rule.js';
import { titles } from './wording.js';

export const budgetWithoutDirections: GapRule = {
    id: 'budget-without-directions',
    type: 'structural',
    defaultSeverity: 'info',
    description: 'A board hands a pooled or delegated budget back to its contributors with no direction or agreement saying what each delivers.',
    docs: {
        what: 'A budget of kind `pooled` or `delegated`, `held by` a board, that `funds` something its own contributors '
            + 'deliver, staff or are (the board hands the partners\' money back to them to spend), while the board gives '
            + 'no direction for it. The rule stays silent when a partnership agreement covers what the budget funds for '
            + 'them, or covers the budget itself: its parties include every contributor the '
            + 'money returns to and at least two contributors, so that a supplier\'s contract does not count (a section 75 agreement in England, an inter-authority agreement '
            + 'between councils: the instruments where the law uses no directions), unless the board gives directions '
            + 'for its other budgets, which says the model expects them for this one too. Money the board passes to '
            + 'others than its contributors (providers, charities) is not checked, nor are arrangements that are '
            + '`merged` (one organisation spends its own money) or name a `lead` agency (which delivers under its '
            + 'partnership agreement).',
        why: 'An integration joint board in Scotland employs almost no one: it must give each partner directions saying '
            + 'what to deliver with the money it pays them (Public Bodies (Joint Working) (Scotland) Act 2014, '
            + 'sections 26 to 28). Without them the pooled budget stays, in practice, the partners\' own money, funnelled '
            + 'into their own services. Seed 004 makes the pooled budget a stage of joining-up; the Lanarkshire study '
            + '(seed 001) hears that partners keep their budgets apart and protect them.',
        seed: '004',
        failing: `actor NHS "Health board" { sector statutory }
actor Council "Council" { sector statutory }
arrangement North "North partnership" {
  partners NHS, Council
  forum IJB "Integration joint board" { kind board voting NHS 4, Council 4 controls Pool }
  budget Pool "Integrated budget" { kind pooled from NHS 40m, Council 20m held by IJB funds HomeCare, Nursing }
  service HomeCare "Care at home" { delivered by Council }
  service Nursing "District nursing" { delivered by NHS }
}
`,
        passing: `actor NHS "Health board" { sector statutory }
actor Council "Council" { sector statutory }
arrangement North "North partnership" {
  partners NHS, Council
  forum IJB "Integration joint board" { kind board voting NHS 4, Council 4 controls Pool }
  budget Pool "Integrated budget" { kind pooled from NHS 40m, Council 20m held by IJB funds HomeCare, Nursing }
  service HomeCare "Care at home" { delivered by Council }
  service Nursing "District nursing" { delivered by NHS }
  agreement Scheme "Integration scheme" { between NHS, Council covers HomeCare, Nursing }
}
`,
        fix: 'Give the board\'s directions to each partner for the services the budget pays for (a `direction` '
            + 'with `budget` naming it), or, where the law uses no directions, an agreement between the contributors that covers '
            + 'what it funds. If the directions are given outside the model, suppress with '
            + '`// joinery-ignore budget-without-directions: <reason>` on the line before the budget.'
    },
    check(model, report) {
        for (const allocation of allocationsToContributors(model)) {
            if (allocation.directions.length > 0) continue;
            if (allocation.agreements.length > 0 && !allocation.boardUsesDirections) continue;
            const { budget, board } = allocation;
            report({
                node: budget,
                message: `${titleOf(board)} holds ${titleOf(budget)} (kind ${budget.kind}) and hands it back to `
                    + `${titles(allocation.contributors)}, ${allocation.contributors.length === 1 ? 'which contributes' : 'which contribute'} to it, `
                    + `for ${titles(allocation.toContributors)}, but gives no direction for it`
                    + (allocation.boardUsesDirections ? ', although it directs the partners for its other budgets'
                        : ', and no agreement with them covers it')
                    + ': nothing says what each partner must deliver with the money. '
                    + `Give ${titleOf(board)}'s directions to each partner, or an agreement that covers the budget.`,
                related: [{ node: board, message: `holds ${titleOf(budget)}` },
                    ...allocation.toContributors.map(funded => ({ node: funded, message: `funded by ${titleOf(budget)}` }))]
            });
        }
    }
};
