import {
    isBudget, isForum,
    type Budget, type BudgetTerm, type Direction, type Forum, type Fundable, type Party
} from '../generated/ast.js';
import { parseAmount } from '../language/quantities.js';
import { MultiMap } from 'langium';
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

/** One pass over the budgets and directions of the whole workspace (chains may cross arrangements). */
export function buildMoneyFlows(budgets: Iterable<Budget>, directions: Iterable<Direction>): MoneyFlows {
    const into = new MultiMap<Budget, Allocation>();
    const outOf = new MultiMap<Budget, Allocation>();
    /** Each allocation by where it goes, then where it comes from: the same step is noted once. */
    const known = new Map<Budget, Map<Budget, Allocation>>();
    const note = (from: Budget, to: Budget, amount: number | undefined) => {
        if (from === to) return;
        let toHere = known.get(to);
        if (!toHere) known.set(to, toHere = new Map());
        const existing = toHere.get(from);
        if (existing) {
            if (existing.amount === undefined && amount !== undefined) existing.amount = amount;
            return;
        }
        const allocation: Allocation = amount === undefined ? { from, to } : { from, to, amount };
        toHere.set(from, allocation);
        into.add(to, allocation);
        outOf.add(from, allocation);
    };
    for (const budget of budgets) {
        for (const contribution of budget.contributions) {
            const source = contribution.source.ref;
            if (isBudget(source)) note(source, budget, contribution.amount === undefined ? undefined : parseAmount(contribution.amount));
        }
        for (const recipient of resolved(budget.funds)) if (isBudget(recipient)) note(budget, recipient, undefined);
    }
    const spending = new MultiMap<Budget, Direction>();
    const issued = new MultiMap<Forum, Direction>();
    const received = new MultiMap<Party, Direction>();
    for (const direction of directions) {
        const budget = direction.budget?.ref, from = direction.from?.ref, to = direction.to?.ref;
        if (budget) spending.add(budget, direction);
        if (from) issued.add(from, direction);
        if (to) received.add(to, direction);
    }
    return {
        allocationsTo: budget => into.get(budget),
        allocationsFrom: budget => outOf.get(budget),
        directionsSpending: budget => spending.get(budget),
        directionsFrom: forum => issued.get(forum),
        directionsTo: party => received.get(party)
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
