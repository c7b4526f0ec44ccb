import { AstUtils, MultiMap } from 'langium';
import {
    isArrangement, isForum, isParty, isService, isTeam,
    type Arrangement, type Budget, type Forum, type Party, type Service, type Team
} from '../generated/ast.js';
import type { ArrangementModel } from './arrangement-model.js';
import { isBoard, resolved, unique } from './membership.js';
import { fundedByDirection } from './money.js';

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
    funders: Party[];
}

/** One entry per host, in the order first met; linear in the budgets, what they fund and the directions that spend them. */
export function hostedFunding(model: ArrangementModel): HostedFunding[] {
    const byHost = new Map<Arrangement, { hosted: Set<Team | Service>; budgets: Set<Budget>; funders: Set<Party> }>();
    for (const budget of model.budgets) {
        // What it funds: by `funds`, and by a direction that spends it (docs/language.md, `direction`).
        const funded = [...resolved(budget.funds), ...model.workspace.money.directionsSpending(budget).flatMap(fundedByDirection)];
        const hosted = unique(funded).filter((funded): funded is Team | Service => isTeam(funded) || isService(funded));
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
    const boards = new MultiMap<Arrangement, Forum>();
    for (const host of byHost.keys()) host.elements.filter(isForum).filter(isBoard).forEach(board => boards.add(host, board));
    return [...byHost].map(([host, entry]) => ({
        host, hostBoards: [...boards.get(host)], hosted: [...entry.hosted], budgets: [...entry.budgets], funders: [...entry.funders]
    }));
}

/** Its contributing parties (actors and bodies; money from another budget is that budget's), else its holder. */
function fundersOf(budget: Budget): Party[] {
    const contributors = budget.contributions.map(c => c.source.ref).filter(isParty);
    if (contributors.length > 0) return contributors;
    const holder = budget.heldBy?.ref;
    return isParty(holder) ? [holder] : [];
}
