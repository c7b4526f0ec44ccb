import { titleOf } from '../analysis/membership.js';
import type { GapRule } from './rule.js';

/** Money handed to the partnership to decide on, rather than kept by one organisation. */
const SHARED_KINDS = new Set(['pooled', 'delegated', 'aligned']);

export const budgetWithoutBoard: GapRule = {
    id: 'budget-without-board',
    type: 'structural',
    defaultSeverity: 'warning',
    description: 'A pooled, delegated or aligned budget has no holder answerable to a board, or no board controls it.',
    docs: {
        what: 'A budget of kind `pooled`, `delegated` or `aligned` needs a `held by` (a forum or actor) with a route '
            + 'to a `board` forum, and a board that controls it: one that names it in `controls`, or the board that '
            + 'holds it (held by a board, that board controls it).',
        why: 'In the Lanarkshire partnerships, spending was delegated to joint boards so that money could follow joint '
            + 'decisions; funding arrangements are part of structural integration. Shared money that nobody answerable '
            + 'to a board decides on is delegated without accountability.',
        seed: '001',
        failing: `actor NHS "Health board" { sector statutory }
actor Council "Council" { sector statutory }
arrangement North "North partnership" {
  partners NHS, Council
  forum IJB "Joint board" { kind board voting NHS, Council }
  forum Finance "Finance group" { kind planning voting NHS, Council }
  budget Pool "Integrated budget" { kind pooled from NHS 40m, Council 12m held by Finance }
}
`,
        passing: `actor NHS "Health board" { sector statutory }
actor Council "Council" { sector statutory }
arrangement North "North partnership" {
  partners NHS, Council
  forum IJB "Joint board" { kind board voting NHS, Council }
  forum Finance "Finance group" { kind planning voting NHS, Council reports to IJB }
  budget Pool "Integrated budget" { kind pooled from NHS 40m, Council 12m held by IJB }
}
`,
        fix: 'Have the budget held by the board that decides it, or name a holder with a route to a board (a forum '
            + 'that `reports to` one) and add the budget to a board\'s `controls`. If the money is governed outside the model, suppress with '
            + '`// joinery-ignore budget-without-board: <reason>` on the line before the budget.'
    },
    check(model, report) {
        const { workspace } = model;
        for (const budget of model.budgets) {
            if (!budget.kind || !SHARED_KINDS.has(budget.kind)) continue;
            const missing: string[] = [];
            const holder = budget.heldBy?.ref;
            if (!holder) missing.push('nobody holds it (no `held by`)');
            else if (!workspace.reachesAnyBoard.has(holder)) missing.push(`its holder, ${titleOf(holder)}, has no route to a board`);
            if (workspace.boardsControlling(budget).length === 0) missing.push('no board `controls` it');
            if (missing.length === 0) continue;
            report({
                node: budget,
                message: `${titleOf(budget)}, a budget of kind ${budget.kind}, has no accountable decision-maker: ${missing.join(', and ')}. `
                    + 'Have it held by a board (or by a forum or actor with a route to one) and controlled by a board.',
                related: holder ? [{ node: holder, message: `holds ${titleOf(budget)}` }] : []
            });
        }
    }
};
