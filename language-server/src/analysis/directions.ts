import { isActor, isForum, isService, isTeam, type Actor, type Agreement, type Budget, type Forum, type Fundable } from '../generated/ast.js';
import type { ArrangementModel } from './arrangement-model.js';
import { deliveringActors, isBoard, resolved, staffOf, unique } from './membership.js';

/**
 * A board's formal instruction to a partner to deliver services with money from
 * one of its budgets: the instrument of a Scottish integration joint board (Public
 * Bodies (Joint Working) (Scotland) Act 2014, sections 26 to 28).
 */
export interface Direction {
    board: Forum;
    to: Actor;
    budget?: Budget;
}

/**
 * The directions a board gives. needs: the `direction` declaration (issue 14, item 4;
 * docs/language.md, "direction"): read each `direction` of the workspace whose
 * `from` is this board. Until it exists no model can state a direction, so every
 * board gives none.
 */
export function directionsFrom(_board: Forum): readonly Direction[] {
    return [];
}

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
    contributors: Actor[];
    /** The board's directions for this budget. */
    directions: readonly Direction[];
    /** Whether the board gives directions for any other budget: then the model expects them for this one too. */
    boardUsesDirections: boolean;
    /** Partnership agreements that cover what it funds for its contributors: every contributor it returns to, and at least two, are parties. */
    agreements: Agreement[];
}

/**
 * Every pooled or delegated budget of the arrangement held by a board that funds
 * something its own contributors deliver, unless the partners are merged or a
 * lead agency delivers. Linear in the budgets, what they fund and the agreements
 * that cover it. needs (v2): a board declared `body` that itself contributes
 * is spending its own money and needs no directions; a profile may expect them
 * whatever agreements say.
 */
export function allocationsToContributors(model: ArrangementModel): DirectedAllocation[] {
    const allocations: DirectedAllocation[] = [];
    // A merged organisation spends its own money; a lead agency delivers under its partnership agreement (seed 004, 6a and 7).
    if (model.arrangement.merged || model.arrangement.lead) return allocations;
    for (const budget of model.budgets) {
        if (budget.kind !== 'pooled' && budget.kind !== 'delegated') continue;
        const board = budget.heldBy?.ref;
        if (!isForum(board) || !isBoard(board)) continue;
        const contributors = new Set(budget.contributions.map(c => c.actor.ref).filter(isActor));
        const toContributors: Fundable[] = [];
        const receiving = new Set<Actor>();
        for (const funded of unique(resolved(budget.funds))) {
            const hands = recipientsOf(funded).filter(actor => contributors.has(actor));
            if (hands.length === 0) continue;
            toContributors.push(funded);
            hands.forEach(actor => receiving.add(actor));
        }
        if (toContributors.length === 0) continue;
        // A partnership agreement, not a supplier's contract: every contributor the money returns to is a party,
        // and so are at least two contributors. needs (v2): agreements that cover the budget itself.
        const needed = Math.min(2, contributors.size);
        const agreements = unique(toContributors.flatMap(funded => isActor(funded) ? [] : model.workspace.agreementsCovering(funded)))
            .filter(agreement => {
                const parties = new Set(resolved(agreement.between));
                return [...receiving].every(actor => parties.has(actor)) && [...contributors].filter(actor => parties.has(actor)).length >= needed;
            });
        const given = directionsFrom(board);
        allocations.push({
            budget, board, toContributors, contributors: [...receiving],
            directions: given.filter(direction => direction.budget === budget),
            boardUsesDirections: given.some(direction => direction.budget !== budget),
            agreements
        });
    }
    return allocations;
}

/** Who the money reaches: an actor itself, a team's staff, a service's deliverers (a delivering team as its staff). */
function recipientsOf(funded: Fundable): Actor[] {
    if (isActor(funded)) return [funded];
    if (isTeam(funded)) return staffOf(funded);
    if (isService(funded)) return deliveringActors(funded);
    return [];
}
