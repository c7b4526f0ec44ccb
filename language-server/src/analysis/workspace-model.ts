import type { AstNode, LangiumDocument } from 'langium';
import { AstUtils } from 'langium';
import {
    isForum,
    type Actor, type Agreement, type Arrangement, type Budget, type Coverable, type Forum, type Goal, type Holder,
    type Indicator, type Link, type Party, type Steward, type System, type Team
} from '../generated/ast.js';
import { documentFacts, ElementIndex, type DocumentFacts } from './document-facts.js';
import { Involvement } from './involvement.js';
import { isBoard, isDefined, isMultiOrganisationTeam, systemsOf } from './membership.js';
import { boardHolding, moneyFlowsOf, type MoneyFlows } from './money.js';
import { documentOf, topLevelOf } from './document-changes.js';
import { RoutesGraph, type RouteNode } from './routes.js';
import { UnionFind } from './union-find.js';
import { systemUsersIn, type SystemUse } from './system-use.js';

/**
 * What the workspace as a whole shows, built once per workspace build from every
 * document's facts (analysis/document-facts.ts): the routes graph, which systems are linked, which boards
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
    readonly reachesAnyBoard: ReadonlySet<RouteNode>;
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
    /** A number that orders declarations by file, then position ("later-declared"); the same for a node while its top-level declaration reads as it did. */
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
    readonly money: MoneyFlows;
    /** Who uses each system (its owner, its `users` or its teams' staff, and the owners of linked systems). */
    systemUse: SystemUse;
}

/** What a build after an edit starts from. */
export interface EarlierModel {
    /** The last model. */
    model: WorkspaceModel;
    /** Whether a node sits in a document that changed since (analysis/document-changes.ts). */
    changed(node: AstNode): boolean;
    /**
     * The documents whose facts are not those the last model was built from
     * (changed, new or gone), each with its facts then (none for a new one).
     * Without it the model is built from nothing.
     */
    replaced?: ReadonlyMap<LangiumDocument, DocumentFacts | undefined>;
}

/** Each model's index, for the next build to start from. */
const indexes = new WeakMap<WorkspaceModel, ElementIndex>();

/** Beyond this share of the documents replaced, writing their lists again saves nothing over building from nothing. */
const REWRITE_SHARE = 0.25;

/**
 * `earlier`: what depends only on unchanged documents is taken from the last
 * model rather than worked out again (the lists of who refers to what, the
 * routes, the involved actors). `factsOf`: what a document adds (by default,
 * walked afresh); the analysis keeps unchanged documents' facts from build to build.
 */
export function buildWorkspaceModel(unsorted: Iterable<LangiumDocument>, earlier?: EarlierModel,
    factsOf: (document: LangiumDocument) => DocumentFacts = documentFacts): WorkspaceModel {
    const documents = [...unsorted].sort((a, b) => compareText(a.uri.path, b.uri.path));
    const documentIndex = new Map(documents.map((document, index) => [document, index]));
    const arrangements: Arrangement[] = [];
    const actors: Actor[] = [];
    const boards: Forum[] = [];
    const systemGroups = new UnionFind<System>();
    // Each document's facts in file order: the order a walk of the whole workspace meets them.
    const documentsFacts: DocumentFacts[] = [];
    for (const document of documents) documentsFacts.push(factsOf(document));
    for (const declared of documentsFacts) {
        append(actors, declared.actors);
        append(arrangements, declared.arrangements);
        append(boards, declared.boards);
        for (let i = 0; i < declared.systemLinks.length; i += 2) systemGroups.join(declared.systemLinks[i], declared.systemLinks[i + 1]);
    }
    // Made by functions of their own, so that the model's closures cannot hold the model before it.
    const { facts, routes } = listsOf(documentsFacts, documentIndex, earlier);
    const involvement = involvementSince(arrangements, actors, earlier);
    const model = modelOf({ documents, documentIndex, arrangements, boards, systemGroups, facts, routes, involvement });
    indexes.set(model, facts);
    return model;
}

/** The lists of who refers to what and the routes: written into the last model's where few documents changed, else from every document. */
function listsOf(documentsFacts: readonly DocumentFacts[], documentIndex: ReadonlyMap<LangiumDocument, number>, earlier: EarlierModel | undefined): { facts: ElementIndex; routes: RoutesGraph } {
    const replaced = earlier?.replaced;
    const earlierIndex = earlier && replaced && replaced.size <= documentIndex.size * REWRITE_SHARE ? indexes.get(earlier.model) : undefined;
    if (earlier && replaced && earlierIndex?.isNewest && earlier.model.routes.isNewest) {
        const facts = new ElementIndex(earlierIndex);
        const routes = new RoutesGraph(earlier.model.routes);
        const before = [...replaced.values()].filter(isDefined);
        const now = [...replaced.keys()].filter(document => documentIndex.has(document))
            .map(document => ({ order: documentIndex.get(document)!, facts: documentsFacts[documentIndex.get(document)!] }))
            .sort((a, b) => a.order - b.order);
        const order = (node: AstNode) => documentIndex.get(documentOf(node)!) ?? -1;
        const changed = (node: AstNode) => replaced.has(documentOf(node)!);
        facts.rewrite(before, now, order, changed);
        routes.rewrite(before.map(declared => declared.routes), now.map(({ order, facts }) => ({ order, edges: facts.routes })), order, changed);
        return { facts, routes };
    }
    const facts = new ElementIndex();
    const routes = new RoutesGraph();
    for (const declared of documentsFacts) {
        for (const edge of declared.routes) routes.add(edge);
        declared.indexInto(facts);
    }
    return { facts, routes };
}

function involvementSince(arrangements: readonly Arrangement[], actors: readonly Actor[], earlier: EarlierModel | undefined): Involvement {
    return new Involvement(arrangements, actors, earlier && { involvement: earlier.model.involvement, unchanged: arrangement => !earlier.changed(arrangement) });
}

interface ModelParts {
    documents: LangiumDocument[];
    documentIndex: ReadonlyMap<LangiumDocument, number>;
    arrangements: Arrangement[];
    boards: readonly Forum[];
    systemGroups: UnionFind<System>;
    facts: ElementIndex;
    routes: RoutesGraph;
    involvement: Involvement;
}

function modelOf({ documents, documentIndex, arrangements, boards, systemGroups, facts, routes, involvement }: ModelParts): WorkspaceModel {
    const lacking = new Map<Team, boolean>();
    const reachingBoards = new Map<Arrangement, ReadonlySet<RouteNode>>();
    const controlling = new Map<Budget, readonly Forum[]>();
    let reachesAnyBoard: ReadonlySet<RouteNode> | undefined;
    let money: MoneyFlows | undefined;
    const model: WorkspaceModel = {
        documents,
        arrangements,
        routes,
        get reachesAnyBoard() {
            return reachesAnyBoard ??= routes.reaching(boards);
        },
        reachingBoardsOf: arrangement => {
            let reaching = reachingBoards.get(arrangement);
            if (!reaching) {
                reaching = routes.reaching(arrangement.elements.filter(isForum).filter(isBoard));
                reachingBoards.set(arrangement, reaching);
            }
            return reaching;
        },
        involvement,
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
        boardsControlling: budget => {
            let found = controlling.get(budget);
            if (!found) {
                // `held by` a board means that board controls the budget, after those that name it in `controls`.
                const named = facts.controlledBy.get(budget), holder = boardHolding(budget);
                found = holder && !named.includes(holder) ? [...named, holder] : named;
                controlling.set(budget, found);
            }
            return found;
        },
        declarationOrder: node => {
            // By file, top-level declaration, then place within it: an edit of one declaration leaves the others' numbers alone.
            const top = topLevelOf(node);
            const within = (node.$cstNode?.offset ?? 0) - (top.$cstNode?.offset ?? 0);
            return (documentIndex.get(AstUtils.getDocument(node)) ?? documents.length) * 1e11 + (top.$containerIndex ?? 0) * 1e6 + within;
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
        get money() {
            return money ??= moneyFlowsOf(facts, budget => documentIndex.has(AstUtils.getDocument(budget)), budget => model.declarationOrder(budget));
        },
        systemUse: systemUsersIn(facts.teamsUsing, facts.linksTouching)
    };
    return model;
}

/** `push(...items)` without passing a file of thousands of actors as arguments. */
function append<T>(list: T[], items: readonly T[]): void {
    for (const item of items) list.push(item);
}

function compareText(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
