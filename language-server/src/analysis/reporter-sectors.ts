import { isActor, isForum, type Sector, type Steward } from '../generated/ast.js';
import { forumMembers, staffOf, unique, votingMembers } from './membership.js';

/**
 * The sectors whose view an indicator's reporter gives: an actor its own; a team
 * the sectors of its staff; a forum those of its voting members (of all its
 * members when none votes). A board whose voters are all statutory reports as
 * the statutory sector does. Empty when the reporter has no sector or members.
 */
export function reporterSectors(reporter: Steward | undefined): Sector[] {
    if (reporter === undefined) return [];
    if (isActor(reporter)) return reporter.sector ? [reporter.sector] : [];
    const members = isForum(reporter)
        ? (votingMembers(reporter).length > 0 ? votingMembers(reporter) : forumMembers(reporter))
        : staffOf(reporter);
    return unique(members.flatMap(member => member.sector ? [member.sector] : []));
}
