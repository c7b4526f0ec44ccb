import type { AstNode, LangiumDocument } from 'langium';
import { AstUtils } from 'langium';
import {
    isActor, isAgreement, isArrangement, isBudget, isChannel, isForum, isGoal, isIndicator, isLink, isSystem, isTeam,
    type Actor, type Agreement, type Arrangement, type Budget, type Coverable, type Forum, type Goal, type Holder,
    type Indicator, type Link, type Model, type Steward, type System, type Team
} from '../generated/ast.js';
import { Involvement } from './involvement.js';
import { ListIndex } from './list-index.js';
import { forumMembers, isBoard, isMultiOrganisationTeam, resolved, systemsOf, unique } from './membership.js';
import { RoutesGraph, type RouteNode } from './routes.js';

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
    /** The boards that `controls` a budget. */
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
    /** The forums an actor sits on, as a voting or advisory member. */
    forumsOf(actor: Actor): readonly Forum[];
}

export function buildWorkspaceModel(unsorted: Iterable<LangiumDocument>): WorkspaceModel {
    const documents = [...unsorted].sort((a, b) => compareText(a.uri.path, b.uri.path));
    const documentIndex = new Map(documents.map((document, index) => [document, index]));
    const arrangements: Arrangement[] = [];
    const actors: Actor[] = [];
    const routes = new RoutesGraph();
    const boards: Forum[] = [];
    const systemGroups = new SystemGroups();
    const facts = new ElementFacts();

    for (const document of documents) {
        const model = document.parseResult.value as Model;
        for (const declaration of model.declarations ?? []) {
            if (isActor(declaration)) actors.push(declaration);
            if (!isArrangement(declaration)) continue;
            arrangements.push(declaration);
            for (const element of declaration.elements) {
                if (isForum(element)) addForum(element, routes, boards, facts);
                else if (isChannel(element)) {
                    const from = element.from.ref, to = element.to.ref;
                    if (from && to) routes.add({ from, to, via: 'channel', source: element });
                } else if (isLink(element)) {
                    const from = element.from.ref, to = element.to.ref;
                    if (isSystem(from) && isSystem(to)) systemGroups.join(from, to);
                }
                facts.note(element);
            }
        }
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
        involvement: new Involvement(arrangements, actors),
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
        forumsOf: actor => facts.forumsOf.get(actor)
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
    forum.advisory.forEach(reference => {
        if (reference.ref) routes.add({ from: reference.ref, to: forum, via: 'advisory', source: forum });
    });
    for (const member of forumMembers(forum)) facts.forumsOf.add(member, forum);
    const parent = forum.reportsTo?.ref;
    if (parent) routes.add({ from: forum, to: parent, via: 'reports to', source: forum });
}

/** Who refers to an element, indexed once so that every question is a map look-up. */
class ElementFacts {
    readonly boardsControlling = new ListIndex<Budget, Forum>();
    readonly budgetsHeldBy = new ListIndex<Holder, Budget>();
    readonly indicatorsMeasuring = new ListIndex<Goal, Indicator>();
    readonly goalsOwnedBy = new ListIndex<Steward, Goal>();
    readonly agreementsCovering = new ListIndex<Coverable, Agreement>();
    readonly teamsUsing = new ListIndex<System, Team>();
    readonly linksTouching = new ListIndex<System, Link>();
    readonly forumsOf = new ListIndex<Actor, Forum>();

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

/** Union-find over systems joined by links: near-constant time per query. */
class SystemGroups {
    private readonly parent = new Map<System, System>();

    join(a: System, b: System): void {
        const rootA = this.root(a), rootB = this.root(b);
        if (rootA !== rootB) this.parent.set(rootA, rootB);
    }

    sameGroup(a: System, b: System): boolean {
        return a === b || this.root(a) === this.root(b);
    }

    root(system: System): System {
        let root = system;
        for (let next = this.parent.get(root); next; next = this.parent.get(root)) root = next;
        for (let node = system; node !== root;) {
            const next = this.parent.get(node)!;
            this.parent.set(node, root);
            node = next;
        }
        return root;
    }
}

function compareText(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
