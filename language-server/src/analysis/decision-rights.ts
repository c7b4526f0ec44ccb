import type { Actor, Channel, Forum } from '../generated/ast.js';

/**
 * What the model says of a forum's decision rights and instruments, for the
 * statutory profiles. Each answer is either known (the model says it, or says
 * nothing where it could) or not modelled: the language cannot say it yet, so a
 * profile's requirement about it is "not checked" rather than unmet.
 *
 * Issue 14 adds chairs, directions and reports from forums to the language; once
 * it lands, each function below reads them and answers `known` (see
 * docs/profiles.md, "Requirements the model cannot show yet").
 */
export type ModelFact<T> = { known: true; value: T } | { known: false; why: string };

export interface ForumChair {
    chair?: Actor;
    viceChair?: Actor;
}

/** Who chairs the forum (and who is vice-chair). */
export function forumChair(_forum: Forum): ModelFact<ForumChair> {
    return { known: false, why: 'the language cannot name a chair or vice-chair yet' };
}

export interface Direction {
    /** The partner directed to carry out functions. */
    to: Actor;
}

/** The directions a board issues to its partners (the integration joint board's instrument). */
export function directionsOf(_board: Forum): ModelFact<Direction[]> {
    return { known: false, why: 'the language cannot state directions yet' };
}

/** The reporting channels that start at the forum itself (an annual performance report). */
export function reportsFrom(_forum: Forum): ModelFact<Channel[]> {
    return { known: false, why: 'a channel cannot start at a forum yet' };
}

/** Whether the model marks a member non-voting by law (as distinct from by choice). */
export function nonVotingByLaw(_forum: Forum, _actor: Actor): ModelFact<boolean> {
    return { known: false, why: 'the language cannot mark a member non-voting by law yet' };
}
