import type { AstNode, Reference } from 'langium';
import {
    isActor, isTeam,
    type Actor, type Arrangement, type Forum, type Service, type System, type Team
} from '../generated/ast.js';

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

/** "Organisation" in RULES.md: an actor of kind organisation (the default). */
export function isOrganisation(actor: Actor): boolean {
    return (actor.kind ?? 'organisation') === 'organisation';
}

export function isNonStatutory(actor: Actor): boolean {
    return actor.sector === 'third' || actor.sector === 'independent' || actor.sector === 'community';
}

export function staffOf(team: Team): Actor[] {
    return unique(resolved(team.staff));
}

export function staffOrganisations(team: Team): Actor[] {
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

/** Voting and advisory members: who "takes part" in or "sits" on a forum. */
export function forumMembers(forum: Forum): Actor[] {
    return unique([...forum.voting.map(seat => seat.actor.ref).filter(isDefined), ...resolved(forum.advisory)]);
}

export function votingMembers(forum: Forum): Actor[] {
    return unique(forum.voting.map(seat => seat.actor.ref).filter(isDefined));
}

export function isBoard(forum: Forum): boolean {
    return forum.kind === 'board';
}

/** The actors that deliver a service, a delivering team counting as its staff (RULES.md). */
export function deliveringActors(service: Service): Actor[] {
    const actors: Actor[] = [];
    for (const deliverer of resolved(service.deliveredBy)) {
        if (isActor(deliverer)) actors.push(deliverer);
        else if (isTeam(deliverer)) for (const actor of staffOf(deliverer)) actors.push(actor);
    }
    return unique(actors);
}

export function deliveringTeams(service: Service): Team[] {
    return resolved(service.deliveredBy).filter(isTeam);
}

/** Only teams use systems: a service's systems are those of the teams that deliver it. */
export function systemsOfService(service: Service): System[] {
    return unique(deliveringTeams(service).flatMap(systemsOf));
}

export function arrangementPartners(arrangement: Arrangement): Actor[] {
    return unique(resolved(arrangement.partners));
}

export function isDefined<T>(value: T | undefined): value is T {
    return value !== undefined;
}
