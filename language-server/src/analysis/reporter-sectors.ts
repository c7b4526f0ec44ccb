import { isActor, isForum, type Forum, type Party, type Sector, type Steward } from '../generated/ast.js';
import { forumMembers, staffOf, unique, votingMembers } from './membership.js';

/**
 * The sectors whose view an indicator's reporter gives: an actor its own; a team
 * the sectors of its staff; a forum its own sector when it is a body that states
 * one, else those of its voting members (of all its members when none votes). A
 * member that is a body counts as the sectors of its own voting members, so an ICB
 * with primary care among its voters is not the statutory sector alone. A board
 * whose voters are all statutory reports as the statutory sector does. Empty when
 * the reporter has no sector or members.
 */
export function reporterSectors(reporter: Steward | undefined): Sector[] {
    if (reporter === undefined) return [];
    if (isActor(reporter)) return reporter.sector ? [reporter.sector] : [];
    if (isForum(reporter)) return forumSectors(reporter, new Set());
    return unique(staffOf(reporter).flatMap(member => partySectors(member, new Set())));
}

function forumSectors(forum: Forum, seen: Set<Forum>): Sector[] {
    if (forum.sector) return [forum.sector];
    if (seen.has(forum)) return [];
    seen.add(forum);
    const voters = votingMembers(forum);
    const members = voters.length > 0 ? voters : forumMembers(forum);
    return unique(members.flatMap(member => partySectors(member, seen)));
}

function partySectors(party: Party, seen: Set<Forum>): Sector[] {
    if (isActor(party)) return party.sector ? [party.sector] : [];
    return forumSectors(party, seen);
}
