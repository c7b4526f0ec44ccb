import { AstUtils } from 'langium';
import {
    isActor, isArrangement, isForum, isService, isTeam,
    type Actor, type Arrangement, type Budget, type Forum, type Service, type Team
} from '../generated/ast.js';
import type { ArrangementModel } from './arrangement-model.js';
import { ListIndex } from './list-index.js';
import { isBoard, resolved, unique } from './membership.js';

/**
 * Money of this arrangement that pays for a team or service another arrangement
 * hosts (a service one integration joint board runs for its neighbours): who puts
 * the money in, and the boards of the host that run what it pays for.
 */
export interface HostedFunding {
    host: Arrangement;
    /** The host's boards. */
    hostBoards: Forum[];
    /** The host's teams and services this arrangement's budgets fund. */
    hosted: Array<Team | Service>;
    budgets: Budget[];
    /** Who funds them: each budget's contributors, or its holder when no one is named as contributing. */
    funders: Actor[];
}

/** One entry per host, in the order first met; linear in the budgets and what they fund. */
export function hostedFunding(model: ArrangementModel): HostedFunding[] {
    const byHost = new Map<Arrangement, { hosted: Set<Team | Service>; budgets: Set<Budget>; funders: Set<Actor> }>();
    for (const budget of model.budgets) {
        const hosted = unique(resolved(budget.funds)).filter((funded): funded is Team | Service => isTeam(funded) || isService(funded));
        for (const element of hosted) {
            const host = AstUtils.getContainerOfType(element.$container, isArrangement);
            if (!host || host === model.arrangement) continue;
            let entry = byHost.get(host);
            if (!entry) byHost.set(host, entry = { hosted: new Set(), budgets: new Set(), funders: new Set() });
            entry.hosted.add(element);
            entry.budgets.add(budget);
            fundersOf(budget).forEach(funder => entry.funders.add(funder));
        }
    }
    const boards = new ListIndex<Arrangement, Forum>();
    for (const host of byHost.keys()) host.elements.filter(isForum).filter(isBoard).forEach(board => boards.add(host, board));
    return [...byHost].map(([host, entry]) => ({
        host, hostBoards: [...boards.get(host)], hosted: [...entry.hosted], budgets: [...entry.budgets], funders: [...entry.funders]
    }));
}

function fundersOf(budget: Budget): Actor[] {
    const contributors = budget.contributions.map(c => c.actor.ref).filter(isActor);
    if (contributors.length > 0) return contributors;
    const holder = budget.heldBy?.ref;
    return isActor(holder) ? [holder] : [];
}
