import type { DecisionRule, Forum, Party } from '../generated/ast.js';
import { seatsHeld } from '../language/quantities.js';
import { isDefined, resolved, unique } from './membership.js';

/** Who decides in a forum, and how: its seats, its members without a vote, its chair. */
export interface DecisionRights {
    forum: Forum;
    /** Voting members with their seats (a member listed twice counts once, with the seats of its first entry). */
    seats: ReadonlyArray<{ member: Party; seats: number }>;
    /** Members without a vote by the arrangement's choice (`advisory`). */
    advisoryByChoice: readonly Party[];
    /** Members without a vote because the law gives them none (`advisory by law`). */
    advisoryByLaw: readonly Party[];
    chair?: Party;
    viceChair?: Party;
    /** `vote` unless the forum says it decides by consensus. */
    decidesBy: DecisionRule;
}

export function decisionRights(forum: Forum): DecisionRights {
    const seen = new Set<Party>();
    const seats: Array<{ member: Party; seats: number }> = [];
    for (const seat of forum.voting) {
        const member = seat.actor.ref;
        if (!member || seen.has(member)) continue;
        seen.add(member);
        seats.push({ member, seats: seatsHeld(seat.seats) });
    }
    return {
        forum,
        seats,
        advisoryByChoice: unique(resolved(forum.advisory)),
        advisoryByLaw: unique(resolved(forum.advisoryByLaw)),
        chair: forum.chair?.ref,
        viceChair: forum.viceChair?.ref,
        decidesBy: forum.decidesBy ?? 'vote'
    };
}

/** Whether the law (as the model states it) gives this member no vote on the forum. */
export function lawForbidsVote(forum: Forum, member: Party): boolean {
    return forum.advisoryByLaw.some(reference => reference.ref === member);
}

/**
 * How a forum's say over a budget it holds is shared among its voting members: by
 * seats when it decides by vote, equally when it decides by consensus (each member
 * can block a decision). Shares sum to 1, or the list is empty when nobody votes.
 */
export function sayOverDecisions(forum: Forum): Array<{ member: Party; share: number }> {
    const { seats, decidesBy } = decisionRights(forum);
    const weights = seats.map(s => ({ member: s.member, weight: decidesBy === 'consensus' ? 1 : s.seats }));
    const total = weights.reduce((sum, w) => sum + w.weight, 0);
    return total > 0 ? weights.map(w => ({ member: w.member, share: w.weight / total })) : [];
}

/** The chair and vice-chair, where given. */
export function chairs(forum: Forum): Party[] {
    return unique([forum.chair?.ref, forum.viceChair?.ref].filter(isDefined));
}
