// Which nodes and lines of a map a filter keeps. Plain data in and out, so the
// webview, the playground and the tests share it.
import type { IntegrationMapView } from '../../../language-server/src/server/integration-map-protocol.js';

export interface MapFilter {
    /** A board's id: keep it, its members and every route that reaches it. */
    board?: string;
    /** A sector: keep its actors and every route that leaves them. */
    sector?: string;
    hideSystems?: boolean;
}

/** The lines along which a voice travels (LANGUAGE.md, "Routes"): seats, channels, `reports to`. */
const ROUTE_KINDS = new Set(['voting', 'advisory', 'channel', 'reports to']);

export function visibleParts(graph: IntegrationMapView['graph'], filter: MapFilter): { nodes: Set<string>; edges: Set<string> } {
    let nodes = new Set(graph.nodes.map(node => node.id));
    let edges = graph.edges;
    const routes = graph.edges.filter(edge => ROUTE_KINDS.has(edge.kind));
    if (filter.board) {
        const reaching = walk([filter.board], routes, edge => edge.to, edge => edge.from);
        nodes = intersect(nodes, reaching);
        edges = edges.filter(edge => ROUTE_KINDS.has(edge.kind) && reaching.has(edge.from) && reaching.has(edge.to));
    }
    if (filter.sector) {
        const starts = graph.nodes.filter(node => node.kind === 'actor' && node.sector === filter.sector).map(node => node.id);
        const reached = walk(starts, routes, edge => edge.from, edge => edge.to);
        nodes = intersect(nodes, reached);
        edges = edges.filter(edge => ROUTE_KINDS.has(edge.kind) && reached.has(edge.from) && reached.has(edge.to));
    }
    if (filter.hideSystems) {
        for (const node of graph.nodes) if (node.kind === 'system') nodes.delete(node.id);
    }
    return { nodes, edges: new Set(edges.filter(edge => nodes.has(edge.from) && nodes.has(edge.to)).map(edge => edge.id)) };
}

/** Every node reachable from `starts` along `edges`, stepping from `here(edge)` to `next(edge)`. */
function walk(starts: string[], edges: IntegrationMapView['graph']['edges'], here: (edge: { from: string; to: string }) => string, next: (edge: { from: string; to: string }) => string): Set<string> {
    const seen = new Set(starts);
    const queue = [...starts];
    while (queue.length > 0) {
        const at = queue.shift()!;
        for (const edge of edges) {
            if (here(edge) !== at || seen.has(next(edge))) continue;
            seen.add(next(edge));
            queue.push(next(edge));
        }
    }
    return seen;
}

function intersect(a: Set<string>, b: Set<string>): Set<string> {
    return new Set([...a].filter(id => b.has(id)));
}

/** "1 error", "2 errors": the summary counts in words. */
export function count(n: number, word: string, plural = `${word}s`): string {
    return `${n} ${n === 1 ? word : plural}`;
}
