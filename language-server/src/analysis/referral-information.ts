import { MultiMap } from 'langium';
import { isForum, isTeam, type Agreement, type Party, type Referral, type System } from '../generated/ast.js';
import type { ArrangementModel } from './arrangement-model.js';
import { forumMembers, isOrganisation, resolved, staffOf, systemsOf, unique } from './membership.js';
import type { RouteNode } from './routes.js';

/** How a person's information can follow them from one end of a referral to the other. */
export type InformationPath = 'same organisation' | 'shared system' | 'linked systems' | 'agreement';

export interface ReferralInformation {
    referral: Referral;
    from: RouteNode;
    to: RouteNode;
    /** The organisations at each end: an actor or body itself, a team's staff, a forum's members. */
    fromOrganisations: Party[];
    toOrganisations: Party[];
    /** The first path found, in the order above; undefined when nothing connects the two ends. */
    path?: InformationPath;
}

/**
 * Every referral of the arrangement between organisations (both ends have one:
 * an actor of kind organisation or network or a body; a team with such staff; a
 * forum, such as a MARAC, with such members), with how, if at all, the
 * information can follow the person (seed 002: a hub shares information so that
 * people need not repeat their story). Linear in the referrals, their ends'
 * systems and the agreements that name or cover an end.
 */
export function referralInformation(model: ArrangementModel): ReferralInformation[] {
    // Who uses each system of the arrangement: its owner, its `users` (or its teams' staff), the owners of linked systems.
    const used = new MultiMap<Party, System>();
    for (const system of model.systems) {
        for (const user of model.workspace.systemUse.usersOf(system)) used.add(user, system);
    }
    const found: ReferralInformation[] = [];
    for (const referral of model.referrals) {
        const from = referral.from?.ref, to = referral.to?.ref;
        if (!from || !to) continue;
        const fromOrganisations = organisationsAt(from), toOrganisations = organisationsAt(to);
        if (fromOrganisations.length === 0 || toOrganisations.length === 0) continue;
        const fromSystems = systemsAt(from, fromOrganisations, model, used), toSystems = systemsAt(to, toOrganisations, model, used);
        const group = (systems: Set<System>) => new Set([...systems].map(model.workspace.linkGroup));
        const fromSide = new Set(fromOrganisations);
        found.push({
            referral, from, to, fromOrganisations, toOrganisations,
            path: toOrganisations.some(party => fromSide.has(party)) ? 'same organisation'
                : intersects(fromSystems, toSystems) ? 'shared system'
                    : intersects(group(fromSystems), group(toSystems)) ? 'linked systems'
                        : [...agreementsAt(from, fromOrganisations, model)].some(agreement => reaches(agreement, to, toOrganisations)) ? 'agreement'
                            : undefined
        });
    }
    return found;
}

/** The organisations at one end of a referral: an organisation or body itself, a team's staff, a forum's members. */
export function organisationsAt(end: RouteNode): Party[] {
    if (isTeam(end)) return staffOf(end).filter(isOrganisation);
    if (isForum(end) && !end.body) return forumMembers(end).filter(isOrganisation);
    return isOrganisation(end) ? [end] : [];
}

/** Where an end keeps its records: a team's systems; an actor's teams' systems; the systems its organisations own or use. */
function systemsAt(end: RouteNode, organisations: readonly Party[], model: ArrangementModel, used: MultiMap<Party, System>): Set<System> {
    const systems = new Set<System>(organisations.flatMap(party => used.get(party)));
    if (isTeam(end)) systemsOf(end).forEach(system => systems.add(system));
    else model.partOf(end).teams.forEach(team => systemsOf(team).forEach(system => systems.add(system)));
    return systems;
}

/** The agreements that name one of an end's organisations as a party, or cover the end itself (a team, a forum). */
function agreementsAt(end: RouteNode, organisations: readonly Party[], model: ArrangementModel): Set<Agreement> {
    const agreements = new Set<Agreement>(organisations.flatMap(party => model.partOf(party).agreements));
    if (isTeam(end) || isForum(end)) model.workspace.agreementsCovering(end).forEach(agreement => agreements.add(agreement));
    return agreements;
}

function reaches(agreement: Agreement, end: RouteNode, organisations: readonly Party[]): boolean {
    const parties = new Set(unique(resolved(agreement.between)));
    return organisations.some(party => parties.has(party)) || resolved(agreement.covers).some(covered => covered === end);
}

function intersects<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
    for (const item of a) if (b.has(item)) return true;
    return false;
}
