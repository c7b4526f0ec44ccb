import type { Actor, Budget, Forum } from '../generated/ast.js';
import type { ArrangementModel } from './arrangement-model.js';
import type { RouteNode } from './routes.js';

/** What one arrangement gives an actor: its seats, its voice and its money. */
export interface ActorProfile {
    forums: Forum[];
    /** The route to the nearest board of the arrangement; undefined when it has no voice. */
    boardRoute?: { board: Forum; through: RouteNode[] };
    budgetsHeld: Budget[];
    budgetsReceived: Budget[];
}

export function actorInArrangement(actor: Actor, model: ArrangementModel): ActorProfile | undefined {
    if (!model.involvedActors.includes(actor)) return undefined;
    const route = model.routesToBoard.has(actor) ? model.workspace.routes.routeTo(actor, new Set(model.boards)) : undefined;
    return {
        forums: [...model.partOf(actor).forums],
        boardRoute: route === undefined ? undefined
            : { board: (route.length ? route[route.length - 1].to : actor) as Forum, through: route.slice(0, -1).map(e => e.to) },
        budgetsHeld: model.budgets.filter(b => b.heldBy?.ref === actor),
        budgetsReceived: [...model.budgetsFunding(actor)]
    };
}
