import {
    isBudget, isForum,
    type Budget, type BudgetTerm, type Direction, type Forum, type Fundable, type Party
} from '../generated/ast.js';
import { parseAmount } from '../language/quantities.js';
import { isBoard, isDefined, resolved, unique } from './membership.js';

/**
 * Money that flows: budgets allocated from other budgets (`from` a budget, or
 * `funds` a budget: the same allocation seen from either end), directions that a
 * board issues with money from a budget, and each budget's term.
 */

/** One step of an allocation chain: money from one budget to another. */
export interface Allocation {
    from: Budget;
    to: Budget;
    /** The amount, when the receiving budget's `from` states it. */
    amount?: number;
}

export interface MoneyFlows {
    /** The budgets a budget is allocated from (its parents in the chain). */
    allocationsTo(budget: Budget): readonly Allocation[];
    /** The budgets a budget allocates to (its children in the chain). */
    allocationsFrom(budget: Budget): readonly Allocation[];
    /** The directions that spend money from a budget. */
    directionsSpending(budget: Budget): readonly Direction[];
    /** The directions a forum issues. */
    directionsFrom(forum: Forum): readonly Direction[];
    /** The directions to a party. */
    directionsTo(party: Party): readonly Direction[];
}

/** Who draws on a budget and what directions spend, as the workspace model indexes them. */
export interface MoneyLists {
    /** The budgets whose `funds` name a budget. */
    fundedBy: Lists<Budget, Budget>;
    /** The budgets with a contribution `from` a budget. */
    drawnOnBy: Lists<Budget, Budget>;
    directionsSpending: Lists<Budget, Direction>;
    directionsFrom: Lists<Forum, Direction>;
    directionsTo: Lists<Party, Direction>;
}

interface Lists<K, V> {
    get(key: K): readonly V[];
}

/**
 * The money flows of a workspace, each budget's allocations worked out when first
 * asked for (chains may cross arrangements). An allocation is one step from one
 * budget to another, noted when the receiving budget names the other in `from` or
 * the giving one names it in `funds`; both ends list it in the order a pass over
 * the workspace's budgets in declaration order first meets it, each budget's
 * contributions before its `funds`. `inWorkspace` says whether a budget is one of
 * the workspace's (only those are passed over), `declarationOrder` its place.
 */
export function moneyFlowsOf(lists: MoneyLists, inWorkspace: (budget: Budget) => boolean, declarationOrder: (budget: Budget) => number): MoneyFlows {
    const allocations = new Map<Budget, Map<Budget, Allocation>>();
    const into = new Map<Budget, readonly Allocation[]>();
    const outOf = new Map<Budget, readonly Allocation[]>();
    const allocation = (from: Budget, to: Budget): Allocation => {
        let fromHere = allocations.get(from);
        if (!fromHere) allocations.set(from, fromHere = new Map());
        let found = fromHere.get(to);
        if (!found) {
            // The first amount the receiving budget states for it that reads as one, if any.
            let amount: number | undefined;
            for (const contribution of inWorkspace(to) ? to.contributions : []) {
                if (amount === undefined && contribution.source.ref === from && contribution.amount !== undefined) amount = parseAmount(contribution.amount);
            }
            found = amount === undefined ? { from, to } : { from, to, amount };
            fromHere.set(to, found);
        }
        return found;
    };
    /** When the pass first meets the step: the budget it is at, then the place within it. */
    const firstMet = (from: Budget, to: Budget): [number, number] => {
        const candidates: Array<[number, number]> = [];
        const fromContribution = inWorkspace(to) ? to.contributions.findIndex(c => c.source.ref === from) : -1;
        if (fromContribution >= 0) candidates.push([declarationOrder(to), fromContribution]);
        const inFunds = inWorkspace(from) ? resolved(from.funds).indexOf(to) : -1;
        if (inFunds >= 0) candidates.push([declarationOrder(from), from.contributions.length + inFunds]);
        return candidates.reduce((first, next) => next[0] < first[0] || (next[0] === first[0] && next[1] < first[1]) ? next : first);
    };
    const inOrder = (steps: ReadonlyArray<[Budget, Budget]>): Allocation[] => steps
        .map(([from, to]) => ({ step: allocation(from, to), met: firstMet(from, to) }))
        .sort((a, b) => a.met[0] - b.met[0] || a.met[1] - b.met[1])
        .map(({ step }) => step);
    return {
        allocationsTo: budget => {
            let found = into.get(budget);
            if (!found) {
                const own = inWorkspace(budget) ? budget.contributions.map(c => c.source.ref).filter(isBudget) : [];
                const givers = unique([...own, ...lists.fundedBy.get(budget)]).filter(giver => giver !== budget);
                into.set(budget, found = inOrder(givers.map(giver => [giver, budget])));
            }
            return found;
        },
        allocationsFrom: budget => {
            let found = outOf.get(budget);
            if (!found) {
                const own = inWorkspace(budget) ? resolved(budget.funds).filter(isBudget) : [];
                const receivers = unique([...own, ...lists.drawnOnBy.get(budget)]).filter(receiver => receiver !== budget);
                outOf.set(budget, found = inOrder(receivers.map(receiver => [budget, receiver])));
            }
            return found;
        },
        directionsSpending: budget => lists.directionsSpending.get(budget),
        directionsFrom: forum => lists.directionsFrom.get(forum),
        directionsTo: party => lists.directionsTo.get(party)
    };
}

/** The sum of a budget's stated contributions (from parties and from budgets), or undefined when it states none. */
export function contributedAmount(budget: Budget): number | undefined {
    const amounts = budget.contributions.map(c => c.amount === undefined ? undefined : parseAmount(c.amount)).filter(isDefined);
    return amounts.length > 0 ? amounts.reduce((sum, a) => sum + a, 0) : undefined;
}

/**
 * What a budget keeps to decide itself: its contributions less what it allocates on
 * to other budgets among `within` (so that money allocated down a chain is counted
 * once, where it is finally decided). Undefined when it states no amount.
 */
export function retainedAmount(budget: Budget, flows: MoneyFlows, within: ReadonlySet<Budget>): number | undefined {
    const total = contributedAmount(budget);
    if (total === undefined) return undefined;
    const passedOn = flows.allocationsFrom(budget).filter(a => within.has(a.to)).reduce((sum, a) => sum + (a.amount ?? 0), 0);
    return Math.max(0, total - passedOn);
}

/** A budget's term: `recurrent`, or `fixed` with the date it ends. */
export interface Term {
    kind: BudgetTerm;
    /** `YYYY-MM-DD`, for a fixed term. */
    ends?: string;
}

export function termOf(budget: Budget): Term | undefined {
    return budget.term ? { kind: budget.term, ...(budget.termEnds ? { ends: budget.termEnds } : {}) } : undefined;
}

/** What a direction funds: its services and teams, and the party it directs. */
export function fundedByDirection(direction: Direction): Fundable[] {
    return unique([...resolved(direction.directs), direction.to?.ref].filter(isDefined));
}

/** The board that holds a budget (`held by` a board means that board controls it), if any. */
export function boardHolding(budget: Budget): Forum | undefined {
    const holder = budget.heldBy?.ref;
    return isForum(holder) && isBoard(holder) ? holder : undefined;
}
