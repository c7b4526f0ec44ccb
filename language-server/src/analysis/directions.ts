import {
    isActor, isForum, isParty, isService, isTeam,
    type Agreement, type Budget, type Direction, type Forum, type Fundable, type Party
} from '../generated/ast.js';
import type { ArrangementModel } from './arrangement-model.js';
import { deliveringActors, isBoard, resolved, staffOf, unique } from './membership.js';

/**
 * A budget that a board hands back to the partners who put the money in, so that
 * something must say what each is to deliver with it: directions, or, where the law
 * uses none (a section 75 pooled fund in England, an inter-authority agreement
 * between councils), an agreement.
 */
export interface DirectedAllocation {
    budget: Budget;
    board: Forum;
    /** What the budget funds that its contributors deliver, staff, or are. */
    toContributors: Fundable[];
    /** The contributors that receive the money back. */
    contributors: Party[];
    /** The directions that spend this budget (an IJB's instrument: docs/language.md, `direction`). */
    directions: readonly Direction[];
    /** Whether the board gives directions for any other budget: then the model expects them for this one too. */
    boardUsesDirections: boolean;
    /**
     * Partnership agreements that cover the budget or what it funds for its contributors: every contributor it
     * returns to, and at least two, are parties.
     */
    agreements: Agreement[];
}

/**
 * Every pooled or delegated budget of the arrangement held by a board that funds
 * something its own contributors deliver, unless the partners are merged or a
 * lead agency delivers. Linear in the budgets, what they fund and the agreements
 * that cover it. Contributors are parties (actors and bodies); money allocated
 * from another budget is not a contributor's to be handed back. needs: a profile
 * (issue 15) may expect directions whatever agreements say.
 */
export function allocationsToContributors(model: ArrangementModel): DirectedAllocation[] {
    const allocations: DirectedAllocation[] = [];
    // A merged organisation spends its own money; a lead agency delivers under its partnership agreement (seed 004, 6a and 7).
    if (model.arrangement.merged || model.arrangement.lead) return allocations;
    for (const budget of model.budgets) {
        if (budget.kind !== 'pooled' && budget.kind !== 'delegated') continue;
        const board = budget.heldBy?.ref;
        if (!isForum(board) || !isBoard(board)) continue;
        const contributors = new Set(budget.contributions.map(c => c.source.ref).filter(isParty));
        const toContributors: Fundable[] = [];
        const receiving = new Set<Party>();
        for (const funded of unique(resolved(budget.funds))) {
            const hands = recipientsOf(funded).filter(actor => contributors.has(actor));
            if (hands.length === 0) continue;
            toContributors.push(funded);
            hands.forEach(actor => receiving.add(actor));
        }
        if (toContributors.length === 0) continue;
        // A partnership agreement, not a supplier's contract: every contributor the money returns to is a party,
        // and so are at least two contributors. An agreement may cover the budget itself (a section 75 agreement).
        const needed = Math.min(2, contributors.size);
        const covering = [budget, ...toContributors.filter(funded => !isActor(funded))];
        const agreements = unique(covering.flatMap(covered => model.workspace.agreementsCovering(covered)))
            .filter(agreement => {
                const parties = new Set(resolved(agreement.between));
                return [...receiving].every(actor => parties.has(actor)) && [...contributors].filter(actor => parties.has(actor)).length >= needed;
            });
        const given = model.workspace.money.directionsFrom(board);
        allocations.push({
            budget, board, toContributors, contributors: [...receiving],
            directions: model.workspace.money.directionsSpending(budget),
            boardUsesDirections: given.some(direction => direction.budget?.ref !== budget),
            agreements
        });
    }
    return allocations;
}

/** Who the money reaches: a party itself, a team's staff, a service's deliverers (a delivering team as its staff). */
function recipientsOf(funded: Fundable): Party[] {
    if (isParty(funded)) return [funded];
    if (isTeam(funded)) return staffOf(funded);
    if (isService(funded)) return deliveringActors(funded);
    return [];
}
