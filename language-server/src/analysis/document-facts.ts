import type { AstNode, LangiumDocument } from 'langium';
import {
    isActor, isAgreement, isArrangement, isBudget, isChannel, isDirection, isForum, isGoal, isIndicator, isLink, isSystem, isTeam,
    type Actor, type Agreement, type Arrangement, type Budget, type Coverable, type Direction, type Forum, type Goal, type Holder,
    type Indicator, type Link, type Model, type Party, type Steward, type System, type Team
} from '../generated/ast.js';
import { forumMembers, isBoard, resolved, unique, votingMembers } from './membership.js';
import type { RouteEdge } from './routes.js';
import { KeyedLists, Pairs } from './keyed-lists.js';

const INDEXES = [
    'controlledBy', 'budgetsHeldBy', 'indicatorsMeasuring', 'goalsOwnedBy', 'agreementsCovering', 'teamsUsing', 'linksTouching',
    'forumsOf', 'scrutinisedBy', 'regardedBy', 'fundedBy', 'drawnOnBy', 'directionsSpending', 'directionsFrom', 'directionsTo'
] as const;

/** Who refers to an element, indexed once so that every question is a map look-up. */
export class ElementIndex {
    /** The boards that name a budget in `controls`. */
    readonly controlledBy: KeyedLists<Budget, Forum>;
    readonly budgetsHeldBy: KeyedLists<Holder, Budget>;
    readonly indicatorsMeasuring: KeyedLists<Goal, Indicator>;
    readonly goalsOwnedBy: KeyedLists<Steward, Goal>;
    readonly agreementsCovering: KeyedLists<Coverable, Agreement>;
    readonly teamsUsing: KeyedLists<System, Team>;
    readonly linksTouching: KeyedLists<System, Link>;
    readonly forumsOf: KeyedLists<Party, Forum>;
    readonly scrutinisedBy: KeyedLists<Forum | Actor, Forum>;
    readonly regardedBy: KeyedLists<Forum, Forum | Actor>;
    /** The budgets whose `funds` name a budget (once for each time they name it). */
    readonly fundedBy: KeyedLists<Budget, Budget>;
    /** The budgets with a contribution `from` a budget (once for each such contribution). */
    readonly drawnOnBy: KeyedLists<Budget, Budget>;
    readonly directionsSpending: KeyedLists<Budget, Direction>;
    readonly directionsFrom: KeyedLists<Forum, Direction>;
    readonly directionsTo: KeyedLists<Party, Direction>;

    /** `earlier`: the index of the last model, its lists taken over to be written again where documents changed (`rewrite`). */
    constructor(earlier?: ElementIndex) {
        this.controlledBy = new KeyedLists(earlier?.controlledBy);
        this.budgetsHeldBy = new KeyedLists(earlier?.budgetsHeldBy);
        this.indicatorsMeasuring = new KeyedLists(earlier?.indicatorsMeasuring);
        this.goalsOwnedBy = new KeyedLists(earlier?.goalsOwnedBy);
        this.agreementsCovering = new KeyedLists(earlier?.agreementsCovering);
        this.teamsUsing = new KeyedLists(earlier?.teamsUsing);
        this.linksTouching = new KeyedLists(earlier?.linksTouching);
        this.forumsOf = new KeyedLists(earlier?.forumsOf);
        this.scrutinisedBy = new KeyedLists(earlier?.scrutinisedBy);
        this.regardedBy = new KeyedLists(earlier?.regardedBy);
        this.fundedBy = new KeyedLists(earlier?.fundedBy);
        this.drawnOnBy = new KeyedLists(earlier?.drawnOnBy);
        this.directionsSpending = new KeyedLists(earlier?.directionsSpending);
        this.directionsFrom = new KeyedLists(earlier?.directionsFrom);
        this.directionsTo = new KeyedLists(earlier?.directionsTo);
    }

    /** Whether no newer index took this one's lists over (analysis/keyed-lists.ts). */
    get isNewest(): boolean {
        return INDEXES.every(name => this[name].isNewest);
    }

    /**
     * Puts the changed documents' facts for those they gave before (`before`:
     * the facts of changed and gone documents in the last model; `now`: the
     * changed documents' facts, in file order).
     */
    rewrite(before: readonly DocumentFacts[], now: ReadonlyArray<{ order: number; facts: DocumentFacts }>,
        documentOrder: (node: AstNode) => number, changed: (node: AstNode) => boolean): void {
        for (const name of INDEXES) {
            const lists = this[name] as KeyedLists<unknown, AstNode>;
            const keysBefore = before.flatMap(facts => (facts.index[name] as Pairs<unknown, AstNode>).keys());
            lists.rewrite(keysBefore, now.map(({ order, facts }) => ({ order, lists: (facts.index[name] as Pairs<unknown, AstNode>).byKey() })), documentOrder, changed);
        }
    }
}

type IndexPairs = { [Name in typeof INDEXES[number]]: ElementIndex[Name] extends KeyedLists<infer K, infer V> ? Pairs<K, V> : never };

/**
 * What one document adds to the workspace model: its actors and arrangements, the
 * routes and boards it declares, the systems it links, and
 * who its elements refer to. Each list keeps the order of the document, so that
 * adding every document's facts in file order makes the model a walk of the whole
 * workspace would. The facts depend only on the document and the nodes its
 * references resolve to: the analysis keeps them for a document that did not
 * change (analysis/document-changes.ts).
 */
export class DocumentFacts {
    readonly actors: Actor[] = [];
    readonly arrangements: Arrangement[] = [];
    readonly boards: Forum[] = [];
    readonly routes: RouteEdge[] = [];
    /** Linked systems, two by two. */
    readonly systemLinks: System[] = [];
    readonly index: IndexPairs = {
        controlledBy: new Pairs(), budgetsHeldBy: new Pairs(), indicatorsMeasuring: new Pairs(), goalsOwnedBy: new Pairs(),
        agreementsCovering: new Pairs(), teamsUsing: new Pairs(), linksTouching: new Pairs(), forumsOf: new Pairs(),
        scrutinisedBy: new Pairs(), regardedBy: new Pairs(), fundedBy: new Pairs(), drawnOnBy: new Pairs(),
        directionsSpending: new Pairs(), directionsFrom: new Pairs(), directionsTo: new Pairs()
    };

    /** Adds the pairs to an index built from nothing. */
    indexInto(index: ElementIndex): void {
        for (const name of INDEXES) (this.index[name] as Pairs<unknown, unknown>).into(index[name]);
    }
}

/** Walks one document's declarations. */
export function documentFacts(document: LangiumDocument): DocumentFacts {
    const facts = new DocumentFacts();
    for (const declaration of (document.parseResult.value as Model).declarations ?? []) {
        if (isActor(declaration)) {
            facts.actors.push(declaration);
            addRegard(declaration, facts);
        }
        if (!isArrangement(declaration)) continue;
        facts.arrangements.push(declaration);
        for (const element of declaration.elements) {
            if (isForum(element)) addForum(element, facts);
            else if (isChannel(element)) {
                const from = element.from?.ref, to = element.to?.ref;
                if (from && to) facts.routes.push({ from, to, via: 'channel', source: element });
            } else if (isLink(element)) {
                const from = element.from.ref, to = element.to.ref;
                if (isSystem(from) && isSystem(to)) facts.systemLinks.push(from, to);
            }
            noteReferences(element, facts.index);
        }
    }
    return facts;
}

function addForum(forum: Forum, facts: DocumentFacts): void {
    if (isBoard(forum)) {
        facts.boards.push(forum);
        for (const budget of resolved(forum.controls)) {
            if (isBudget(budget)) facts.index.controlledBy.add(budget, forum);
        }
    }
    const routes = facts.routes;
    for (const seat of forum.voting) {
        const member = seat.actor.ref;
        if (member) routes.push({ from: member, to: forum, via: 'voting', source: seat });
    }
    for (const references of [forum.advisory, forum.advisoryByLaw]) {
        for (const reference of references) {
            if (reference.ref) routes.push({ from: reference.ref, to: forum, via: 'advisory', source: forum });
        }
    }
    const members = forumMembers(forum);
    for (const member of members) facts.index.forumsOf.add(member, forum);
    // A chair who holds no seat (a role) still reaches the forum it chairs.
    const voters = new Set(votingMembers(forum));
    for (const chair of unique([forum.chair?.ref, forum.viceChair?.ref])) {
        if (chair && !voters.has(chair) && !members.includes(chair)) routes.push({ from: chair, to: forum, via: 'chair', source: forum });
    }
    const parent = forum.reportsTo?.ref;
    if (parent) routes.push({ from: forum, to: parent, via: 'reports to', source: forum });
    // Scrutiny: the committee can require answers of what it scrutinises.
    for (const subject of unique(resolved(forum.scrutinises))) {
        if (subject === forum) continue;
        routes.push({ from: forum, to: subject, via: 'scrutiny', source: forum });
        facts.index.scrutinisedBy.add(subject, forum);
    }
    addRegard(forum, facts);
}

/** `has regard to`: the strategy's forum (a goal's owner) reaches the one that must consider it. */
function addRegard(decider: Forum | Actor, facts: DocumentFacts): void {
    for (const target of unique(resolved(decider.regardTo))) {
        const author = isGoal(target) ? target.owner?.ref : target;
        if (!author || author === decider) continue;
        facts.routes.push({ from: author, to: decider, via: 'regard', source: decider });
        if (isForum(author)) facts.index.regardedBy.add(author, decider);
    }
}

function noteReferences(element: Arrangement['elements'][number], index: IndexPairs): void {
    if (isBudget(element)) {
        const holder = element.heldBy?.ref;
        if (holder) index.budgetsHeldBy.add(holder, element);
        for (const contribution of element.contributions) {
            const source = contribution.source.ref;
            if (isBudget(source)) index.drawnOnBy.add(source, element);
        }
        for (const recipient of resolved(element.funds)) if (isBudget(recipient)) index.fundedBy.add(recipient, element);
    } else if (isDirection(element)) {
        const budget = element.budget?.ref, from = element.from?.ref, to = element.to?.ref;
        if (budget) index.directionsSpending.add(budget, element);
        if (from) index.directionsFrom.add(from, element);
        if (to) index.directionsTo.add(to, element);
    } else if (isIndicator(element)) {
        for (const goal of unique(resolved(element.measures))) index.indicatorsMeasuring.add(goal, element);
    } else if (isGoal(element)) {
        const owner = element.owner?.ref;
        if (owner) index.goalsOwnedBy.add(owner, element);
    } else if (isAgreement(element)) {
        for (const covered of unique(resolved(element.covers))) index.agreementsCovering.add(covered, element);
    } else if (isTeam(element)) {
        for (const system of unique(resolved(element.uses))) index.teamsUsing.add(system, element);
    } else if (isLink(element)) {
        for (const system of unique([element.from.ref, element.to.ref].filter(isSystem))) index.linksTouching.add(system, element);
    }
}
