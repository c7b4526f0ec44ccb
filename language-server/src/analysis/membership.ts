import type { AstNode, Reference } from 'langium';
import {
    isActor, isForum, isTeam,
    type Arrangement, type Delivery, type DeliveryBasis, type Forum, type Logic, type Party, type Sector,
    type Service, type System, type Team
} from '../generated/ast.js';

export type { Party } from '../generated/ast.js';

/** The targets of a list of references that resolved; an unresolved one counts as absent (LANGUAGE.md). */
export function resolved<T extends AstNode>(references: ReadonlyArray<Reference<T>> | undefined): T[] {
    const targets: T[] = [];
    for (const reference of references ?? []) {
        const target = reference.ref;
        if (target) targets.push(target);
    }
    return targets;
}

export function unique<T>(items: Iterable<T>): T[] {
    return [...new Set(items)];
}

/** The title an analyst gave, or the name. */
export function titleOf(node: { name?: string; title?: string }): string {
    return node.title ?? node.name ?? '(unnamed)';
}

/** A forum that is also a legal body (an IJB, an ICB, a joint committee): it can act as a party. */
export function isBody(node: unknown): node is Forum {
    return isForum(node) && node.body;
}

/**
 * "Organisation" in the rules: an actor of kind organisation (the default) or
 * network (GP practices, the local voluntary sector), or a body. Roles and people
 * are not organisations.
 */
export function isOrganisation(party: Party): boolean {
    if (isForum(party)) return party.body;
    const kind = party.kind ?? 'organisation';
    return kind === 'organisation' || kind === 'network';
}

/**
 * A party's sector. A body's is the one it declares, or else the one all its voting
 * members share (none when they differ): a board of statutory members is statutory.
 */
export function sectorOf(party: Party): Sector | undefined {
    return isActor(party) ? party.sector : bodySector(party, new Set());
}

function bodySector(forum: Forum, seen: Set<Forum>): Sector | undefined {
    if (forum.sector || seen.has(forum)) return forum.sector;
    seen.add(forum);
    let shared: Sector | undefined;
    for (const member of votingMembers(forum)) {
        const sector = isActor(member) ? member.sector : bodySector(member, seen);
        if (sector === undefined || (shared !== undefined && sector !== shared)) return undefined;
        shared = sector;
    }
    return shared;
}

export function isNonStatutory(party: Party): boolean {
    const sector = sectorOf(party);
    return sector === 'third' || sector === 'independent' || sector === 'community';
}

/** A body declares no logics. */
export function logicsOf(party: Party): readonly Logic[] {
    return isActor(party) ? party.logics : [];
}

export function staffOf(team: Team): Party[] {
    return unique(resolved(team.staff));
}

export function staffOrganisations(team: Team): Party[] {
    return staffOf(team).filter(isOrganisation);
}

/** A team with staff from two or more organisations: the joint working the structural rules look at. */
export function isMultiOrganisationTeam(team: Team): boolean {
    return staffOrganisations(team).length >= 2;
}

/** The information systems a team uses. */
export function systemsOf(team: Team): System[] {
    return unique(resolved(team.uses));
}

/** Voting and advisory members (by choice or by law): who "takes part" in or "sits" on a forum. */
export function forumMembers(forum: Forum): Party[] {
    return unique([...votingMembers(forum), ...resolved(forum.advisory), ...resolved(forum.advisoryByLaw)]);
}

export function votingMembers(forum: Forum): Party[] {
    return unique(forum.voting.map(seat => seat.actor.ref).filter(isDefined));
}

export function isBoard(forum: Forum): boolean {
    return forum.kind === 'board';
}

/** Who delivers a service, and on what footing, for the deliveries whose deliverer resolved. */
export function deliveriesOf(service: Service): Array<{ deliverer: Party | Team; basis?: DeliveryBasis; delivery: Delivery }> {
    const deliveries: Array<{ deliverer: Party | Team; basis?: DeliveryBasis; delivery: Delivery }> = [];
    for (const delivery of service.deliveredBy) {
        const deliverer = delivery.deliverer.ref;
        if (deliverer) deliveries.push({ deliverer, basis: delivery.basis, delivery });
    }
    return deliveries;
}

/** The parties and teams named in `delivered by`. */
export function deliverersOf(service: Service): Array<Party | Team> {
    return unique(deliveriesOf(service).map(d => d.deliverer));
}

/** The parties that deliver a service, a delivering team counting as its staff (RULES.md). */
export function deliveringActors(service: Service): Party[] {
    const actors: Party[] = [];
    for (const deliverer of deliverersOf(service)) {
        if (isTeam(deliverer)) actors.push(...staffOf(deliverer));
        else actors.push(deliverer);
    }
    return unique(actors);
}

/**
 * The parties that deliver a service as partners: not under contract or for fees
 * (a delivering team counts as its staff, who are never contractors).
 */
export function partnerDeliverers(service: Service): Party[] {
    const actors: Party[] = [];
    for (const { deliverer, basis } of deliveriesOf(service)) {
        if (isTeam(deliverer)) actors.push(...staffOf(deliverer));
        else if (basis === undefined) actors.push(deliverer);
    }
    return unique(actors);
}

export function deliveringTeams(service: Service): Team[] {
    return deliverersOf(service).filter(isTeam);
}

export function arrangementPartners(arrangement: Arrangement): Party[] {
    return unique(resolved(arrangement.partners));
}

export function isDefined<T>(value: T | undefined): value is T {
    return value !== undefined;
}
