import type { Link, Party, Service, System, Team } from '../generated/ast.js';
import { comparableText } from '../language/free-text.js';
import { deliveringTeams, isDefined, isOrganisation, resolved, staffOrganisations, systemsOf, unique } from './membership.js';

/** Who uses each system, as the model states it or, failing that, as v1 inferred it. */
export interface SystemUse {
    /**
     * The organisations whose people use a system: its owner; the parties in its
     * `users` or, when it names none, the staff organisations of every team that
     * uses it; and the owners of the systems linked to it.
     */
    usersOf(system: System): readonly Party[];
    /** Whether the system states its users (`users`) rather than leaving them to be inferred from teams. */
    statesUsers(system: System): boolean;
}

/** Lists by system, as the workspace model keeps them. */
interface BySystem<V> {
    get(system: System): readonly V[];
}

export function systemUsersIn(teamsUsing: BySystem<Team>, linksTouching: BySystem<Link>): SystemUse {
    const users = new Map<System, Party[]>();
    return {
        usersOf: system => {
            let found = users.get(system);
            if (!found) {
                const stated = resolved(system.users);
                const declared = system.users.length > 0 ? stated : teamsUsing.get(system).flatMap(staffOrganisations);
                const linkedOwners = linksTouching.get(system).flatMap(link => [link.from.ref?.owner?.ref, link.to.ref?.owner?.ref]);
                found = unique([system.owner?.ref, ...declared, ...linkedOwners].filter(isDefined).filter(isOrganisation));
                users.set(system, found);
            }
            return found;
        },
        statesUsers: system => system.users.length > 0
    };
}

/**
 * The groups of systems a service's delivering teams use together. Teams that
 * declare different areas (each council's front office for its own residents) do
 * not work together; a team without an area works with every one of them.
 */
export function systemsUsedTogether(service: Service): System[][] {
    const teams = deliveringTeams(service);
    const everywhere = teams.filter(team => team.area === undefined);
    const byArea = new Map<string, Team[]>();
    for (const team of teams) {
        if (team.area === undefined) continue;
        const area = comparableText(team.area);
        const list = byArea.get(area);
        if (list) list.push(team); else byArea.set(area, [team]);
    }
    const groups = byArea.size === 0 ? [everywhere] : [...byArea.values()].map(local => [...local, ...everywhere]);
    return groups.map(group => unique(group.flatMap(systemsOf))).filter(systems => systems.length > 0);
}
