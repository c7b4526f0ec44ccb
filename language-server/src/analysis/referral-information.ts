import { isActor, isTeam, type Actor, type Agreement, type Referral, type System } from '../generated/ast.js';
import type { ArrangementModel } from './arrangement-model.js';
import { ListIndex } from './list-index.js';
import { isOrganisation, resolved, staffOf, systemsOf, unique } from './membership.js';
import type { RouteNode } from './routes.js';

/** How a person's information can follow them from one end of a referral to the other. */
export type InformationPath = 'same organisation' | 'shared system' | 'linked systems' | 'agreement';

export interface ReferralInformation {
    referral: Referral;
    from: RouteNode;
    to: RouteNode;
    /** The organisations at each end: an actor itself, a team's staff. */
    fromOrganisations: Actor[];
    toOrganisations: Actor[];
    /** The first path found, in the order above; undefined when nothing connects the two ends. */
    path?: InformationPath;
}

/**
 * Every referral of the arrangement between organisations (both ends have one:
 * an actor of kind organisation or network, or a team with such staff), with how,
 * if at all, the information can follow the person (seed 002: a hub shares
 * information so that people need not repeat their story). Linear in the
 * referrals, their ends' systems and the agreements that name or cover an end.
 * needs (v2): a forum at either end (a MARAC) counts as its members and is
 * covered by agreements that cover it; a system's `users` count as using it.
 */
export function referralInformation(model: ArrangementModel): ReferralInformation[] {
    const owned = new ListIndex<Actor, System>();
    for (const system of model.systems) {
        const owner = system.owner?.ref;
        if (owner) owned.add(owner, system);
    }
    const found: ReferralInformation[] = [];
    for (const referral of model.referrals) {
        const from = referral.from.ref, to = referral.to.ref;
        if (!from || !to) continue;
        const fromOrganisations = organisationsAt(from), toOrganisations = organisationsAt(to);
        if (fromOrganisations.length === 0 || toOrganisations.length === 0) continue;
        const fromSystems = systemsAt(from, fromOrganisations, model, owned), toSystems = systemsAt(to, toOrganisations, model, owned);
        const group = (systems: Set<System>) => new Set([...systems].map(model.workspace.linkGroup));
        const fromSide = new Set(fromOrganisations);
        found.push({
            referral, from, to, fromOrganisations, toOrganisations,
            path: toOrganisations.some(actor => fromSide.has(actor)) ? 'same organisation'
                : intersects(fromSystems, toSystems) ? 'shared system'
                    : intersects(group(fromSystems), group(toSystems)) ? 'linked systems'
                        : [...agreementsAt(from, fromOrganisations, model)].some(agreement => reaches(agreement, to, toOrganisations)) ? 'agreement'
                            : undefined
        });
    }
    return found;
}

/** The organisations at one end of a referral. */
export function organisationsAt(end: RouteNode): Actor[] {
    const isOrganisationLike = (actor: Actor) => isOrganisation(actor) || actor.kind === 'network';
    if (isActor(end)) return isOrganisationLike(end) ? [end] : [];
    if (isTeam(end)) return staffOf(end).filter(isOrganisationLike);
    return [];
}

/** Where an end keeps its records: a team's systems; an actor's teams' systems; the systems its organisations own. */
function systemsAt(end: RouteNode, organisations: readonly Actor[], model: ArrangementModel, owned: ListIndex<Actor, System>): Set<System> {
    const systems = new Set<System>(organisations.flatMap(actor => owned.get(actor)));
    if (isTeam(end)) systemsOf(end).forEach(system => systems.add(system));
    else if (isActor(end)) model.partOf(end).teams.forEach(team => systemsOf(team).forEach(system => systems.add(system)));
    return systems;
}

/** The agreements that name one of an end's organisations as a party, or cover the end itself. */
function agreementsAt(end: RouteNode, organisations: readonly Actor[], model: ArrangementModel): Set<Agreement> {
    const agreements = new Set<Agreement>(organisations.flatMap(actor => model.partOf(actor).agreements));
    if (isTeam(end)) model.workspace.agreementsCovering(end).forEach(agreement => agreements.add(agreement));
    return agreements;
}

function reaches(agreement: Agreement, end: RouteNode, organisations: readonly Actor[]): boolean {
    const parties = new Set(unique(resolved(agreement.between)));
    return organisations.some(actor => parties.has(actor)) || resolved(agreement.covers).some(covered => covered === end);
}

function intersects<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
    for (const item of a) if (b.has(item)) return true;
    return false;
}
