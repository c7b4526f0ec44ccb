import { MultiMap } from 'langium';
import { isActor, type Budget, type Party } from '../generated/ast.js';
import { isBody, isMultiOrganisationTeam, staffOrganisations, titleOf } from '../analysis/membership.js';
import type { GapRule } from './rule.js';
import { titles } from './wording.js';

export const separateBudgetsInTeam: GapRule = {
    id: 'separate-budgets-in-team',
    type: 'structural',
    defaultSeverity: 'warning',
    description: 'A team with staff from two or more organisations runs on separate budgets only.',
    docs: {
        what: 'A team whose staff come from two or more organisations (of kind `organisation` or `network`, or bodies) is reported when every budget that `funds` it '
            + 'is of kind `separate`, or when no budget funds it while one of its staff organisations holds a '
            + '`separate` budget (so each employer pays its own staff).',
        why: 'Practitioners in the Lanarkshire study named separate budgets as a standing obstacle to working together, '
            + 'and expected each profession to guard its own budget more closely as money tightened.',
        seed: '001',
        failing: `actor NHS "Health board" { sector statutory }
actor Council "Council" { sector statutory }
arrangement North "North partnership" {
  partners NHS, Council
  budget Health "Health budget" { kind separate from NHS 10m held by NHS funds Rehab }
  team Rehab "Rehabilitation team" { staff NHS, Council }
}
`,
        passing: `actor NHS "Health board" { sector statutory }
actor Council "Council" { sector statutory }
arrangement North "North partnership" {
  partners NHS, Council
  budget Health "Health budget" { kind aligned from NHS 10m held by NHS funds Rehab }
  team Rehab "Rehabilitation team" { staff NHS, Council }
}
`,
        fix: 'Fund the team from a `pooled`, `aligned` or `delegated` budget (add it to that budget\'s `funds`). If the '
            + 'team is deliberately run on each employer\'s budget, suppress with '
            + '`// joinery-ignore separate-budgets-in-team: <reason>` on the line before the team.'
    },
    check(model, report) {
        const separateHeld = new MultiMap<Party, Budget>();
        for (const budget of model.budgets) {
            const holder = budget.heldBy?.ref;
            if (budget.kind === 'separate' && (isActor(holder) || isBody(holder))) separateHeld.add(holder, budget);
        }
        for (const team of model.teams) {
            if (!isMultiOrganisationTeam(team)) continue;
            const name = titleOf(team);
            const organisations = staffOrganisations(team);
            const funding = model.budgetsFunding(team);
            if (funding.length > 0 && funding.every(budget => budget.kind === 'separate')) {
                report({
                    node: team,
                    message: `${name} has staff from ${titles(organisations)} but is funded only by separate budgets `
                        + `(${titles(funding)}). Fund it from a pooled, aligned or delegated budget.`,
                    related: funding.map(budget => ({ node: budget, message: `a separate budget funding ${name}` }))
                });
                continue;
            }
            const holders = organisations.filter(organisation => separateHeld.get(organisation).length > 0);
            if (funding.length === 0 && holders.length > 0) {
                const budgets = holders.flatMap(holder => separateHeld.get(holder));
                report({
                    node: team,
                    message: `${name} has staff from ${titles(organisations)} but no budget funds it, while ${titles(holders)} `
                        + `${holders.length === 1 ? 'holds' : 'hold'} ${budgets.length === 1 ? 'a separate budget' : 'separate budgets'} (${titles(budgets)}). `
                        + 'Fund the team from a pooled, aligned or delegated budget.',
                    related: budgets.map(budget => ({ node: budget, message: `a separate budget held by a staff organisation of ${name}` }))
                });
            }
        }
    }
};
