import { MultiMap, type AstNode } from 'langium';
import type { Actor, Forum, Team } from '../generated/ast.js';
import { KeyedLists } from './keyed-lists.js';

/** What a route runs between (LANGUAGE.md, "Routes"). */
export type RouteNode = Actor | Team | Forum;

export interface RouteEdge {
    from: RouteNode;
    to: RouteNode;
    /**
     * How the route arises: a channel, a forum membership, a chair without a seat, a
     * `reports to`, scrutiny (the committee to what it scrutinises) or `has regard to`
     * (the strategy's forum to the one that must consider it).
     */
    via: 'channel' | 'voting' | 'advisory' | 'chair' | 'reports to' | 'scrutiny' | 'regard';
    /** The declaration that makes the route, for related locations. */
    source: AstNode;
}

/**
 * The directed graph of channels, forum memberships, chairs, `reports to`, scrutiny
 * and `has regard to` edges over the whole workspace (docs/language.md, "Routes"). Every query is one breadth-first search: linear in the edges it
 * visits.
 */
export class RoutesGraph {
    private readonly outgoing: KeyedLists<RouteNode, RouteEdge>;
    private readonly incoming: KeyedLists<RouteNode, RouteEdge>;

    /** `earlier`: the graph of the last model, its lists taken over to be written again where documents changed (`rewrite`). */
    constructor(earlier?: RoutesGraph) {
        this.outgoing = new KeyedLists(earlier?.outgoing);
        this.incoming = new KeyedLists(earlier?.incoming);
    }

    /** Whether no newer graph took this one's lists over (analysis/keyed-lists.ts): the only one a new model can start from. */
    get isNewest(): boolean {
        return this.outgoing.isNewest && this.incoming.isNewest;
    }

    /** While a graph is built from nothing. */
    add(edge: RouteEdge): void {
        this.outgoing.add(edge.from, edge);
        this.incoming.add(edge.to, edge);
    }

    /**
     * Puts the changed documents' edges for those they made before (`before`: the
     * edges of changed and gone documents in the last graph; `now`: the changed
     * documents' edges, in file order). An edge belongs to the file of its source.
     */
    rewrite(before: ReadonlyArray<readonly RouteEdge[]>, now: ReadonlyArray<{ order: number; edges: readonly RouteEdge[] }>,
        documentOrder: (node: AstNode) => number, changed: (node: AstNode) => boolean): void {
        const edgeOrder = (edge: RouteEdge) => documentOrder(edge.source), edgeChanged = (edge: RouteEdge) => changed(edge.source);
        for (const [lists, end] of [[this.outgoing, 'from'], [this.incoming, 'to']] as const) {
            const keysBefore = before.flatMap(edges => edges.map(edge => edge[end]));
            lists.rewrite(keysBefore, now.map(({ order, edges }) => ({ order, lists: new MultiMap(edges.map(edge => [edge[end], edge])) })), edgeOrder, edgeChanged);
        }
    }

    edgesFrom(node: RouteNode): readonly RouteEdge[] {
        return this.outgoing.get(node);
    }

    edgesTo(node: RouteNode): readonly RouteEdge[] {
        return this.incoming.get(node);
    }

    /** Every node from which at least one of `targets` is reachable; a target reaches itself. */
    reaching(targets: Iterable<RouteNode>): Set<RouteNode> {
        const seen = new Set<RouteNode>(targets);
        const queue = [...seen];
        for (let i = 0; i < queue.length; i++) {
            for (const edge of this.edgesTo(queue[i])) {
                if (!seen.has(edge.from)) {
                    seen.add(edge.from);
                    queue.push(edge.from);
                }
            }
        }
        return seen;
    }

    /**
     * For every node that reaches one of `targets`, the first edge of a shortest
     * route there (undefined for a target itself): one backward search serves every
     * start, so a report can show each actor's route in time linear in the graph.
     */
    firstStepsTowards(targets: Iterable<RouteNode>): Map<RouteNode, RouteEdge | undefined> {
        const steps = new Map<RouteNode, RouteEdge | undefined>();
        const queue: RouteNode[] = [];
        for (const target of targets) {
            if (!steps.has(target)) {
                steps.set(target, undefined);
                queue.push(target);
            }
        }
        for (let i = 0; i < queue.length; i++) {
            for (const edge of this.edgesTo(queue[i])) {
                if (steps.has(edge.from)) continue;
                steps.set(edge.from, edge);
                queue.push(edge.from);
            }
        }
        return steps;
    }

    /** The shortest route from `start` to any of `targets` (an empty route when it is one). */
    routeTo(start: RouteNode, targets: ReadonlySet<RouteNode>): RouteEdge[] | undefined {
        if (targets.has(start)) return [];
        const cameBy = new Map<RouteNode, RouteEdge>();
        const queue: RouteNode[] = [start];
        const seen = new Set<RouteNode>(queue);
        for (let i = 0; i < queue.length; i++) {
            for (const edge of this.edgesFrom(queue[i])) {
                if (seen.has(edge.to)) continue;
                seen.add(edge.to);
                cameBy.set(edge.to, edge);
                if (targets.has(edge.to)) return unwind(cameBy, edge.to);
                queue.push(edge.to);
            }
        }
        return undefined;
    }
}

function unwind(cameBy: Map<RouteNode, RouteEdge>, end: RouteNode): RouteEdge[] {
    const route: RouteEdge[] = [];
    for (let edge = cameBy.get(end); edge; edge = cameBy.get(edge.from)) route.unshift(edge);
    return route;
}
