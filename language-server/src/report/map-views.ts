import type { Forum } from '../generated/ast.js';
import type { ArrangementModel } from '../analysis/arrangement-model.js';
import { titleOf } from '../analysis/membership.js';
import { mapNodeId, type IntegrationGraph, type MapEdge, type MapEdgeKind, type MappedElement } from './integration-graph.js';

/**
 * One map of an arrangement: the whole of it, or a view that a board paper can
 * print at a size people can read (seed 001's questions, one at a time): who
 * reaches a board, where the money goes, who delivers with which systems.
 */
export interface MapView {
    /** Unique within the arrangement; safe in ids (`whole`, `board-IJB`, `money`, `delivery`). */
    id: string;
    kind: 'whole' | 'board' | 'money' | 'delivery';
    title: string;
    about: string;
    graph: IntegrationGraph;
    /**
     * Sets of node ids that belong together, in order: when the view is too large
     * for a page, it is drawn as several maps, each a run of whole groups.
     */
    groups: string[][];
    /** Nodes drawn on every part (the board a board view is about). */
    anchors: string[];
    /** What the view leaves out, in words (a board view: the involved actors with no route to it). */
    leftOut: string[];
}

// The ways a route reaches a board (analysis/routes.ts): scrutiny and regard as well as seats, channels and reports.
const ROUTE_EDGES = new Set<MapEdgeKind>(['voting', 'advisory', 'channel', 'reports to', 'scrutinises', 'has regard to']);
const MONEY_EDGES = new Set<MapEdgeKind>(['contributes', 'holds', 'controls', 'funds']);
const DELIVERY_EDGES = new Set<MapEdgeKind>(['staffs', 'delivers', 'uses', 'owns', 'link', 'unlinked', 'referral']);

/** The whole map, one view per board, the money and the delivery. */
export function buildMapViews(model: ArrangementModel, graph: IntegrationGraph): MapView[] {
    const views: MapView[] = [{
        id: 'whole', kind: 'whole', title: 'The whole arrangement',
        about: 'Actors, forums, budgets, teams, services and systems, layered by domain (seed 001, Table 1).',
        graph, groups: [], anchors: [], leftOut: []
    }];
    for (const board of model.boards) views.push(boardView(model, graph, board));
    const money = edgeView(graph, MONEY_EDGES);
    if (money.edges.length) {
        views.push({
            id: 'money', kind: 'money', title: 'Where the money goes',
            about: 'Each budget with who contributes to it, who holds it, the board that controls it and what it funds.',
            graph: money, groups: groupsAround(money, graph.nodes.filter(n => n.kind === 'budget').map(n => n.id)), anchors: [], leftOut: []
        });
    }
    const delivery = edgeView(graph, DELIVERY_EDGES);
    if (delivery.edges.length) {
        views.push({
            id: 'delivery', kind: 'delivery', title: 'Who delivers, with which systems',
            about: 'Each service with the actors and teams that deliver it, the teams\' staff and systems, the links between systems and the referrals.',
            graph: delivery, groups: deliveryGroups(delivery), anchors: [], leftOut: []
        });
    }
    return views;
}

/** A board, its members, and every route that reaches it (LANGUAGE.md, "Routes"). */
function boardView(model: ArrangementModel, graph: IntegrationGraph, board: Forum): MapView {
    const reach = model.workspace.routes.reaching([board]);
    const ids = new Set([...reach].map(node => mapNodeId(node as MappedElement, model)));
    const boardId = mapNodeId(board, model);
    const view = subgraph(graph, ids, edge => ROUTE_EDGES.has(edge.kind));
    const into = new Map<string, string[]>();
    for (const edge of view.edges) {
        const list = into.get(edge.to);
        if (list) list.push(edge.from); else into.set(edge.to, [edge.from]);
    }
    // One group per way in: a member or channel into the board, with all that reaches the board through it.
    const groups = (into.get(boardId) ?? []).map(first => {
        const group = new Set([first]);
        const queue = [first];
        for (let i = 0; i < queue.length; i++) {
            for (const from of into.get(queue[i]) ?? []) {
                if (from !== boardId && !group.has(from)) {
                    group.add(from);
                    queue.push(from);
                }
            }
        }
        return [...group];
    });
    return {
        id: `board-${board.name}`, kind: 'board', title: `Who reaches ${titleOf(board)}`,
        about: `${titleOf(board)}, its voting and advisory members, and every channel, seat, \`reports to\`, scrutiny and regard by which others reach it.`,
        graph: view, groups, anchors: [boardId],
        leftOut: model.involvedActors.filter(actor => !reach.has(actor)).map(titleOf)
    };
}

/** The nodes that edges of some kinds touch, and those edges. */
function edgeView(graph: IntegrationGraph, kinds: ReadonlySet<MapEdgeKind>): IntegrationGraph {
    const edges = graph.edges.filter(edge => kinds.has(edge.kind));
    const ids = new Set(edges.flatMap(edge => [edge.from, edge.to]));
    return { ...graph, nodes: graph.nodes.filter(node => ids.has(node.id)), edges };
}

/** The part of a graph on some nodes: those nodes, and the edges between them that `keep` accepts. */
export function subgraph(graph: IntegrationGraph, ids: ReadonlySet<string>, keep: (edge: MapEdge) => boolean = () => true): IntegrationGraph {
    return {
        ...graph,
        nodes: graph.nodes.filter(node => ids.has(node.id)),
        edges: graph.edges.filter(edge => ids.has(edge.from) && ids.has(edge.to) && keep(edge))
    };
}

/** Each centre with its neighbours. */
function groupsAround(graph: IntegrationGraph, centres: string[]): string[][] {
    return centres.map(centre => [centre, ...graph.edges.flatMap(edge => edge.from === centre ? [edge.to] : edge.to === centre ? [edge.from] : [])]);
}

/** Each service with its deliverers, and a delivering team's staff and systems (with their owners); then what is left. */
function deliveryGroups(graph: IntegrationGraph): string[][] {
    const kindOf = new Map(graph.nodes.map(node => [node.id, node.kind]));
    const around = (id: string, kinds: MapEdgeKind[]) => graph.edges.filter(edge => kinds.includes(edge.kind) && (edge.from === id || edge.to === id)).map(edge => edge.from === id ? edge.to : edge.from);
    const teamGroup = (team: string) => {
        const systems = around(team, ['uses']);
        return [team, ...around(team, ['staffs']), ...systems, ...systems.flatMap(system => around(system, ['owns']))];
    };
    const groups: string[][] = [];
    for (const service of graph.nodes.filter(node => node.kind === 'service')) {
        const deliverers = around(service.id, ['delivers']);
        groups.push([service.id, ...deliverers, ...deliverers.filter(id => kindOf.get(id) === 'team').flatMap(teamGroup)]);
    }
    const placed = new Set(groups.flat());
    for (const team of graph.nodes.filter(node => node.kind === 'team' && !placed.has(node.id))) groups.push(teamGroup(team.id));
    const grouped = new Set(groups.flat());
    for (const node of graph.nodes.filter(node => !grouped.has(node.id))) groups.push([node.id, ...around(node.id, [...DELIVERY_EDGES])]);
    return groups.map(group => [...new Set(group)]);
}
