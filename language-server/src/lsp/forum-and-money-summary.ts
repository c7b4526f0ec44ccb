import type { ArrangementModel } from '../analysis/arrangement-model.js';
import { decisionRights } from '../analysis/decision-rights.js';
import { isBoard, resolved, sectorOf, titleOf, unique } from '../analysis/membership.js';
import { termOf } from '../analysis/money.js';
import type { Budget, Direction, Forum } from '../generated/ast.js';
import { titles } from '../rules/wording.js';

/** Hover lines for a forum: who decides and how, where it reaches, what money it decides. */
export function forumSummary(forum: Forum, model: ArrangementModel): string[] {
    const { workspace } = model;
    const rights = decisionRights(forum);
    const sector = forum.body ? sectorOf(forum) : undefined;
    const lines = [
        fact('kind', forum.kind ?? 'not given') + (forum.body ? ` · a body${sector ? ` (sector ${sector})` : ''}: it can act as a party` : ''),
        fact('voting', forum.voting.length ? forum.voting.map(s => `${s.actor.ref ? titleOf(s.actor.ref) : s.actor.$refText} (${s.seats ?? 1})`).join(', ') : 'none'),
        fact('advisory', names(rights.advisoryByChoice))
    ];
    if (rights.advisoryByLaw.length) lines.push(fact('advisory by law (no vote by law)', names(rights.advisoryByLaw)));
    if (rights.chair || rights.viceChair || forum.decidesBy) {
        lines.push([rights.chair ? `Chair: ${titleOf(rights.chair)}` : undefined, rights.viceChair ? `vice-chair: ${titleOf(rights.viceChair)}` : undefined,
            `decides by ${rights.decidesBy}`].filter(Boolean).join(' · '));
    }
    lines.push(model.routesToBoard.has(forum) ? (forum.kind === 'board' ? 'A board: it decides' : 'Reaches a board of the arrangement')
        : '**No route** to a board of the arrangement');
    const scrutinises = resolved(forum.scrutinises), scrutinisedBy = workspace.scrutinisedBy(forum), regardedBy = workspace.regardedBy(forum);
    if (scrutinises.length) lines.push(fact('scrutinises', names(scrutinises)));
    if (scrutinisedBy.length) lines.push(fact('scrutinised by', names(scrutinisedBy)));
    if (forum.regardTo.length) lines.push(fact('has regard to', names(resolved(forum.regardTo))));
    if (regardedBy.length) lines.push(fact('must be considered by', names(regardedBy)));
    lines.push(
        fact('controls', names(unique([...resolved(forum.controls), ...(isBoard(forum) ? workspace.budgetsHeldBy(forum) : [])]))),
        fact('holds', names(workspace.budgetsHeldBy(forum))),
        fact('owns goals', names(workspace.goalsOwnedBy(forum)))
    );
    const directions = workspace.money.directionsFrom(forum);
    if (directions.length) lines.push(fact('issues directions', names(directions)));
    return lines;
}

/** Hover lines for a budget: where its money comes from and goes, who decides it, for how long. */
export function budgetSummary(budget: Budget, model: ArrangementModel): string[] {
    const { workspace } = model;
    const term = termOf(budget);
    const lines = [
        fact('kind', budget.kind ?? 'not given') + (term ? ` · term: ${term.kind}${term.ends ? ` until ${term.ends}` : ''}` : ''),
        fact('from', budget.contributions.length ? budget.contributions.map(c => `${c.source.ref ? titleOf(c.source.ref) : c.source.$refText}${c.amount ? ` ${c.amount}` : ''}`).join(', ') : 'no one'),
        fact('held by', budget.heldBy?.ref ? titleOf(budget.heldBy.ref) : 'nobody'),
        fact('controlled by boards', names(workspace.boardsControlling(budget))),
        fact('funds', names(resolved(budget.funds)))
    ];
    const onward = workspace.money.allocationsFrom(budget);
    if (onward.length) lines.push(fact('allocates to', onward.map(a => titleOf(a.to) + (a.amount === undefined ? '' : ` (${a.amount.toLocaleString('en-GB')})`)).join(', ')));
    const directions = workspace.money.directionsSpending(budget);
    if (directions.length) lines.push(fact('spent through directions', names(directions)));
    return lines;
}

export function directionSummary(direction: Direction): string[] {
    const end = (reference: { ref?: { name?: string; title?: string }; $refText: string } | undefined) =>
        reference ? (reference.ref ? titleOf(reference.ref) : reference.$refText) : 'not given';
    return [
        `From ${end(direction.from)} to ${end(direction.to)}`,
        fact('for', names(resolved(direction.directs))),
        fact('budget', end(direction.budget) + (direction.amount ? ` ${direction.amount}` : '')),
        fact('review', direction.review ?? 'not given')
    ];
}

function names(nodes: ReadonlyArray<{ name?: string; title?: string }>): string {
    return nodes.length ? titles(nodes) : 'none';
}

export function fact(label: string, value: string): string {
    return `${label[0].toUpperCase()}${label.slice(1)}: ${value}`;
}
