import type { AstNode, LangiumDocument } from 'langium';
import { AstUtils, MultiMap } from 'langium';
import {
    isActor, isAgreement, isArrangement, isBudget, isChannel, isDirection, isForum, isGoal, isIndicator, isLink, isSystem, isTeam,
    type Actor, type Agreement, type Arrangement, type Budget, type Coverable, type Direction, type Forum, type Goal, type Holder,
    type Indicator, type Link, type Model, type Party, type Steward, type System, type Team
} from '../generated/ast.js';
import { Involvement } from './involvement.js';
import { forumMembers, isBoard, isMultiOrganisationTeam, resolved, systemsOf, unique, votingMembers } from './membership.js';
import { boardHolding, buildMoneyFlows, type MoneyFlows } from './money.js';
import { RoutesGraph, type RouteNode } from './routes.js';
import { UnionFind } from './union-find.js';
import { systemUsersIn, type SystemUse } from './system-use.js';

/**
 * What the workspace as a whole shows, built once per workspace build in one pass
 * over every declaration: the routes graph, which systems are linked, which boards
 * control which budgets, and the order of declarations. Facts about one element
 * (who holds a budget, what measures a goal, what covers a system) are gathered
 * here too, because another arrangement may name that element (`Arrangement.Element`).
 */
export interface WorkspaceModel {
    /** Documents in workspace file order (paths sorted). */
    documents: LangiumDocument[];
    arrangements: Arrangement[];
    routes: RoutesGraph;
    /** Every node with a route to some board anywhere in the workspace. */
    reachesAnyBoard: ReadonlySet<RouteNode>;
    /** Every node with a route to a board of this arrangement (computed once per arrangement). */
    reachingBoardsOf(arrangement: Arrangement): ReadonlySet<RouteNode>;
    /** Which actors each arrangement involves, and which no arrangement does. */
    involvement: Involvement;
    /** Whether a chain of links (direction ignored) joins two systems. */
    linked(a: System, b: System): boolean;
    /** One system standing for every system a chain of links joins to this one: equal for linked systems. */
    linkGroup(system: System): System;
    /**
     * Whether a team with staff from two or more organisations uses no system, or
     * systems that no chain of links joins into one group.
     */
    lacksSharedSystem(team: Team): boolean;
    /** The boards that control a budget: those that name it in `controls`, and the board that holds it. */
    boardsControlling(budget: Budget): readonly Forum[];
    /** A number that orders declarations by file, then position ("later-declared"). */
    declarationOrder(node: AstNode): number;
    /** The budgets whose `held by` names this forum or actor. */
    budgetsHeldBy(holder: Holder): readonly Budget[];
    /** The indicators that measure a goal. */
    indicatorsMeasuring(goal: Goal): readonly Indicator[];
    /** The goals whose `owner` is this actor, team or forum. */
    goalsOwnedBy(owner: Steward): readonly Goal[];
    /** The agreements that cover a system, team or service. */
    agreementsCovering(element: Coverable): readonly Agreement[];
    /** The teams that use a system. */
    teamsUsing(system: System): readonly Team[];
    /** The links with a system at either end. */
    linksTouching(system: System): readonly Link[];
    /** The forums a party sits on, as a voting or advisory member. */
    forumsOf(party: Party): readonly Forum[];
    /** The forums that scrutinise a forum or actor. */
    scrutinisedBy(subject: Forum | Actor): readonly Forum[];
    /** The forums and actors that must have regard to a forum (or to a goal it owns). */
    regardedBy(forum: Forum): ReadonlyArray<Forum | Actor>;
    /** Allocation chains between budgets, and directions. */
    money: MoneyFlows;
    /** Who uses each system (its owner, its `users` or its teams' staff, and the owners of linked systems). */
    systemUse: SystemUse;
}

/**
 * `earlier`: the model of the last build, and which nodes sit in documents that
 * changed since (analysis/document-changes.ts): what depends only on unchanged
 * documents is taken from it rather than worked out again.
 */
export function buildWorkspaceModel(unsorted: Iterable<LangiumDocument>, earlier?: { model: WorkspaceModel; changed(node: AstNode): boolean }): WorkspaceModel {
    const documents = [...unsorted].sort((a, b) => compareText(a.uri.path, b.uri.path));
    const documentIndex = new Map(documents.map((document, index) => [document, index]));
    const arrangements: Arrangement[] = [];
    const actors: Actor[] = [];
    const routes = new RoutesGraph();
    const boards: Forum[] = [];
    const systemGroups = new UnionFind<System>();
    const facts = new ElementFacts();
    const budgets: Budget[] = [];
    const directions: Direction[] = [];

    for (const document of documents) {
        const model = document.parseResult.value as Model;
        for (const declaration of model.declarations ?? []) {
            if (isActor(declaration)) {
                actors.push(declaration);
                addRegard(declaration, routes, facts);
            }
            if (!isArrangement(declaration)) continue;
            arrangements.push(declaration);
            for (const element of declaration.elements) {
                if (isForum(element)) addForum(element, routes, boards, facts);
                else if (isChannel(element)) {
                    const from = element.from?.ref, to = element.to?.ref;
                    if (from && to) routes.add({ from, to, via: 'channel', source: element });
                } else if (isLink(element)) {
                    const from = element.from.ref, to = element.to.ref;
                    if (isSystem(from) && isSystem(to)) systemGroups.join(from, to);
                } else if (isBudget(element)) budgets.push(element);
                else if (isDirection(element)) directions.push(element);
                facts.note(element);
            }
        }
    }
    // `held by` a board means that board controls the budget.
    for (const budget of budgets) {
        const board = boardHolding(budget);
        if (board && !facts.boardsControlling.get(budget).includes(board)) facts.boardsControlling.add(budget, board);
    }
    const lacking = new Map<Team, boolean>();
    const reachingBoards = new Map<Arrangement, ReadonlySet<RouteNode>>();
    return {
        documents,
        arrangements,
        routes,
        reachesAnyBoard: routes.reaching(boards),
        reachingBoardsOf: arrangement => {
            let reaching = reachingBoards.get(arrangement);
            if (!reaching) {
                reaching = routes.reaching(arrangement.elements.filter(isForum).filter(isBoard));
                reachingBoards.set(arrangement, reaching);
            }
            return reaching;
        },
        involvement: new Involvement(arrangements, actors, earlier && { involvement: earlier.model.involvement, unchanged: arrangement => !earlier.changed(arrangement) }),
        linked: (a, b) => systemGroups.sameGroup(a, b),
        linkGroup: system => systemGroups.root(system),
        lacksSharedSystem: team => {
            let lacks = lacking.get(team);
            if (lacks === undefined) {
                const systems = systemsOf(team);
                lacks = isMultiOrganisationTeam(team)
                    && (systems.length === 0 || !systems.every(system => systemGroups.sameGroup(systems[0], system)));
                lacking.set(team, lacks);
            }
            return lacks;
        },
        boardsControlling: budget => facts.boardsControlling.get(budget),
        declarationOrder: node => {
            const document = AstUtils.getDocument(node);
            return (documentIndex.get(document) ?? documents.length) * 1e10 + (node.$cstNode?.offset ?? 0);
        },
        budgetsHeldBy: holder => facts.budgetsHeldBy.get(holder),
        indicatorsMeasuring: goal => facts.indicatorsMeasuring.get(goal),
        goalsOwnedBy: owner => facts.goalsOwnedBy.get(owner),
        agreementsCovering: element => facts.agreementsCovering.get(element),
        teamsUsing: system => facts.teamsUsing.get(system),
        linksTouching: system => facts.linksTouching.get(system),
        forumsOf: party => facts.forumsOf.get(party),
        scrutinisedBy: subject => facts.scrutinisedBy.get(subject),
        regardedBy: forum => facts.regardedBy.get(forum),
        money: buildMoneyFlows(budgets, directions),
        systemUse: systemUsersIn(facts.teamsUsing, facts.linksTouching)
    };
}

function addForum(forum: Forum, routes: RoutesGraph, boards: Forum[], facts: ElementFacts): void {
    if (isBoard(forum)) {
        boards.push(forum);
        for (const budget of resolved(forum.controls)) {
            if (isBudget(budget)) facts.boardsControlling.add(budget, forum);
        }
    }
    for (const seat of forum.voting) {
        const member = seat.actor.ref;
        if (member) routes.add({ from: member, to: forum, via: 'voting', source: seat });
    }
    for (const reference of [...forum.advisory, ...forum.advisoryByLaw]) {
        if (reference.ref) routes.add({ from: reference.ref, to: forum, via: 'advisory', source: forum });
    }
    const members = forumMembers(forum);
    for (const member of members) facts.forumsOf.add(member, forum);
    // A chair who holds no seat (a role) still reaches the forum it chairs.
    const voters = new Set(votingMembers(forum));
    for (const chair of unique([forum.chair?.ref, forum.viceChair?.ref])) {
        if (chair && !voters.has(chair) && !members.includes(chair)) routes.add({ from: chair, to: forum, via: 'chair', source: forum });
    }
    const parent = forum.reportsTo?.ref;
    if (parent) routes.add({ from: forum, to: parent, via: 'reports to', source: forum });
    // Scrutiny: the committee can require answers of what it scrutinises.
    for (const subject of unique(resolved(forum.scrutinises))) {
        if (subject === forum) continue;
        routes.add({ from: forum, to: subject, via: 'scrutiny', source: forum });
        facts.scrutinisedBy.add(subject, forum);
    }
    addRegard(forum, routes, facts);
}

/** `has regard to`: the strategy's forum (a goal's owner) reaches the one that must consider it. */
function addRegard(decider: Forum | Actor, routes: RoutesGraph, facts: ElementFacts): void {
    for (const target of unique(resolved(decider.regardTo))) {
        const author = isGoal(target) ? target.owner?.ref : target;
        if (!author || author === decider) continue;
        routes.add({ from: author, to: decider, via: 'regard', source: decider });
        if (isForum(author)) facts.regardedBy.add(author, decider);
    }
}

/** Who refers to an element, indexed once so that every question is a map look-up. */
class ElementFacts {
    readonly boardsControlling = new MultiMap<Budget, Forum>();
    readonly budgetsHeldBy = new MultiMap<Holder, Budget>();
    readonly indicatorsMeasuring = new MultiMap<Goal, Indicator>();
    readonly goalsOwnedBy = new MultiMap<Steward, Goal>();
    readonly agreementsCovering = new MultiMap<Coverable, Agreement>();
    readonly teamsUsing = new MultiMap<System, Team>();
    readonly linksTouching = new MultiMap<System, Link>();
    readonly forumsOf = new MultiMap<Party, Forum>();
    readonly scrutinisedBy = new MultiMap<Forum | Actor, Forum>();
    readonly regardedBy = new MultiMap<Forum, Forum | Actor>();

    note(element: AstNode): void {
        if (isBudget(element)) {
            const holder = element.heldBy?.ref;
            if (holder) this.budgetsHeldBy.add(holder, element);
        } else if (isIndicator(element)) {
            for (const goal of unique(resolved(element.measures))) this.indicatorsMeasuring.add(goal, element);
        } else if (isGoal(element)) {
            const owner = element.owner?.ref;
            if (owner) this.goalsOwnedBy.add(owner, element);
        } else if (isAgreement(element)) {
            for (const covered of unique(resolved(element.covers))) this.agreementsCovering.add(covered, element);
        } else if (isTeam(element)) {
            for (const system of unique(resolved(element.uses))) this.teamsUsing.add(system, element);
        } else if (isLink(element)) {
            for (const system of unique([element.from.ref, element.to.ref].filter(isSystem))) this.linksTouching.add(system, element);
        }
    }
}

function compareText(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
