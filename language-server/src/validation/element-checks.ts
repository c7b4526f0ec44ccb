import type { AstNode, Reference, ValidationAcceptor } from 'langium';
import { isActor, isForum, type Budget, type Channel, type Direction, type Forum } from '../generated/ast.js';
import { malformedAmount, parseAmount, validDate } from '../language/quantities.js';

/**
 * Checks of what v2 added (docs/language.md): a forum's members and chairs, a
 * budget's holder and term, a direction's parts, a named channel's ends. Each
 * message says what is wrong in the analyst's words.
 */

export function checkForum(forum: Forum, accept: ValidationAcceptor): void {
    if (forum.sector && !forum.body) {
        accept('error', `\`sector\` on a forum is for a body: add \`body\` if ${forum.name} is a legal body (an IJB, an ICB, a joint committee), or leave its sector to its members`,
            { node: forum, property: 'sector', code: 'semantic' });
    }
    checkMembersOnce(forum, accept);
    const voters = new Set(forum.voting.map(seat => seat.actor.ref));
    for (const property of ['chair', 'viceChair'] as const) {
        const chair = forum[property]?.ref;
        if (!chair || voters.has(chair) || (isActor(chair) && chair.kind === 'role')) continue;
        const word = property === 'chair' ? 'chair' : 'vice-chair';
        accept('error', `The ${word} of ${forum.name} must be one of its voting members, or an actor of kind role; ${chair.name} is neither`,
            { node: forum, property, code: 'semantic' });
    }
    forum.scrutinises.forEach((reference, index) => {
        if (reference.ref === forum) accept('error', `${forum.name} cannot scrutinise itself`, { node: forum, property: 'scrutinises', index, code: 'semantic' });
    });
    forum.regardTo.forEach((reference, index) => {
        if (reference.ref === forum) accept('error', `${forum.name} cannot have regard to itself`, { node: forum, property: 'regardTo', index, code: 'semantic' });
    });
}

/** A member is listed once in each list. */
function checkMembersOnce(forum: Forum, accept: ValidationAcceptor): void {
    const lists = [
        { property: 'voting', word: 'voting', references: forum.voting.map(seat => seat.actor) },
        { property: 'advisoryByLaw', word: 'advisory by law', references: forum.advisoryByLaw },
        { property: 'advisory', word: 'advisory', references: forum.advisory }
    ] as const;
    for (const { property, word, references } of lists) {
        const firstIn = new Map<AstNode, string>();
        references.forEach((reference: Reference, index: number) => {
            const member = reference.ref;
            if (!member) return;
            const first = firstIn.get(member);
            if (first === undefined) {
                firstIn.set(member, word);
                return;
            }
            // A member both voting and advisory is valid v1 (conformance case parser): only a list naming it twice is reported.
            const name = (member as { name?: string }).name;
            const message = `${name} is listed twice in \`${word}\` of ${forum.name}: list each member once`;
            if (property === 'voting') accept('error', message, { node: forum.voting[index], property: 'actor', code: 'semantic' });
            else accept('error', message, { node: forum, property, index, code: 'semantic' });
        });
    }
}

export function checkBudget(budget: Budget, accept: ValidationAcceptor): void {
    if (budget.extraHolders.length > 0) {
        accept('error', `A budget is held by one forum or actor, the one that decides its spending: write \`held by ${budget.heldBy?.$refText ?? 'Board'}\`; `
            + 'those who pay in go in `from`, and a board\'s members in its `voting`',
            { node: budget, property: 'extraHolders', index: 0, code: 'semantic' });
    }
    if (budget.term === 'recurrent' && budget.termEnds) {
        accept('error', 'A recurrent budget has no end date: write `term recurrent`, or `term fixed until` the date it ends',
            { node: budget, property: 'termEnds', code: 'semantic' });
    } else if (budget.term === 'fixed' && !budget.termEnds) {
        accept('error', 'A fixed-term budget needs the date it ends: `term fixed until 2027-03-31`', { node: budget, property: 'term', code: 'semantic' });
    }
    if (budget.termEnds) checkDate(budget, 'termEnds', budget.termEnds, accept);
    budget.contributions.forEach(contribution => {
        if (contribution.source.ref === budget) {
            accept('error', `Budget ${budget.name} cannot be allocated from itself`, { node: contribution, property: 'source', code: 'semantic' });
        }
    });
    budget.funds.forEach((reference, index) => {
        if (reference.ref === budget) accept('error', `Budget ${budget.name} cannot fund itself`, { node: budget, property: 'funds', index, code: 'semantic' });
    });
}

export function checkDirection(direction: Direction, accept: ValidationAcceptor): void {
    const from = direction.from?.ref;
    if (!direction.from || !direction.to) {
        const missing = [direction.from ? undefined : '`from` (the board that issues it)', direction.to ? undefined : '`to` (the partner it directs)'].filter(Boolean);
        accept('error', `Direction ${direction.name} needs ${missing.join(' and ')}`, { node: direction, property: 'name', code: 'semantic' });
    }
    if (isForum(from) && from.kind !== 'board') {
        accept('error', `A direction is issued by a board; ${from.name} is a forum of kind ${from.kind ?? '(none)'}`,
            { node: direction, property: 'from', code: 'semantic' });
    }
    if (direction.amount !== undefined && parseAmount(direction.amount) === undefined) {
        accept('error', malformedAmount(direction.amount), { node: direction, property: 'amount', code: 'semantic' });
    }
    if (direction.review) checkDate(direction, 'review', direction.review, accept);
}

/** `channel Report { from IJB to Ministers }` names its ends in its body; `channel A -> B` before it. */
export function checkNamedChannel(channel: Channel, accept: ValidationAcceptor): void {
    if (channel.name === undefined) return;
    if (!channel.from || !channel.to) {
        const missing = [channel.from ? undefined : '`from`', channel.to ? undefined : '`to`'].filter(Boolean);
        accept('error', `Channel ${channel.name} needs ${missing.join(' and ')}: where it starts and where it ends`,
            { node: channel, property: 'name', code: 'semantic' });
    }
}

/** A date the grammar read as YYYY-MM-DD that must also be a day that exists (2027-02-30 is not). */
export function checkDate(node: AstNode, property: string, text: string, accept: ValidationAcceptor): void {
    if (!validDate(text)) {
        accept('error', `'${text}' is not a date: write a real date as YYYY-MM-DD (2027-03-31)`, { node, property, code: 'semantic' });
    }
}
