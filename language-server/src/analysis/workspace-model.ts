import type { AstNode, LangiumDocument } from 'langium';
import { AstUtils } from 'langium';
import {
    isArrangement, isBudget, isChannel, isForum, isLink, isSystem,
    type Arrangement, type Budget, type Forum, type Model, type System
} from '../generated/ast.js';
import { isBoard, resolved } from './membership.js';
import { RoutesGraph, type RouteNode } from './routes.js';

/**
 * What the workspace as a whole shows, built once per workspace build in one pass
 * over every declaration: the routes graph, which systems are linked, which boards
 * control which budgets, and the order of declarations.
 */
export interface WorkspaceModel {
    /** Documents in workspace file order (paths sorted). */
    documents: LangiumDocument[];
    arrangements: Arrangement[];
    routes: RoutesGraph;
    /** Every node with a route to some board anywhere in the workspace. */
    reachesAnyBoard: ReadonlySet<RouteNode>;
    /** Whether a chain of links (direction ignored) joins two systems. */
    linked(a: System, b: System): boolean;
    /** The boards that `controls` a budget. */
    boardsControlling(budget: Budget): readonly Forum[];
    /** A number that orders declarations by file, then position ("later-declared"). */
    declarationOrder(node: AstNode): number;
}

export function buildWorkspaceModel(unsorted: Iterable<LangiumDocument>): WorkspaceModel {
    const documents = [...unsorted].sort((a, b) => compareText(a.uri.path, b.uri.path));
    const documentIndex = new Map(documents.map((document, index) => [document, index]));
    const arrangements: Arrangement[] = [];
    const routes = new RoutesGraph();
    const boards: Forum[] = [];
    const systemGroups = new SystemGroups();
    const controllers = new Map<Budget, Forum[]>();

    for (const document of documents) {
        const model = document.parseResult.value as Model;
        for (const declaration of model.declarations ?? []) {
            if (!isArrangement(declaration)) continue;
            arrangements.push(declaration);
            for (const element of declaration.elements) {
                if (isForum(element)) addForum(element, routes, boards, controllers);
                else if (isChannel(element)) {
                    const from = element.from.ref, to = element.to.ref;
                    if (from && to) routes.add({ from, to, via: 'channel', source: element });
                } else if (isLink(element)) {
                    const from = element.from.ref, to = element.to.ref;
                    if (isSystem(from) && isSystem(to)) systemGroups.join(from, to);
                }
            }
        }
    }
    return {
        documents,
        arrangements,
        routes,
        reachesAnyBoard: routes.reaching(boards),
        linked: (a, b) => systemGroups.sameGroup(a, b),
        boardsControlling: budget => controllers.get(budget) ?? [],
        declarationOrder: node => {
            const document = AstUtils.getDocument(node);
            return (documentIndex.get(document) ?? documents.length) * 1e10 + (node.$cstNode?.offset ?? 0);
        }
    };
}

function addForum(forum: Forum, routes: RoutesGraph, boards: Forum[], controllers: Map<Budget, Forum[]>): void {
    if (isBoard(forum)) {
        boards.push(forum);
        for (const budget of resolved(forum.controls)) {
            if (!isBudget(budget)) continue;
            const list = controllers.get(budget);
            if (list) list.push(forum); else controllers.set(budget, [forum]);
        }
    }
    for (const seat of forum.voting) {
        const member = seat.actor.ref;
        if (member) routes.add({ from: member, to: forum, via: 'voting', source: seat });
    }
    forum.advisory.forEach(reference => {
        if (reference.ref) routes.add({ from: reference.ref, to: forum, via: 'advisory', source: forum });
    });
    const parent = forum.reportsTo?.ref;
    if (parent) routes.add({ from: forum, to: parent, via: 'reports to', source: forum });
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

    private root(system: System): System {
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
