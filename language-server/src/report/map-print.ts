import type { IntegrationGraph } from './integration-graph.js';
import { layOutMapSafely } from './map-worker.js';
import { drawMap, type Scene } from './map-scene.js';
import { subgraph, type MapView } from './map-views.js';

/**
 * A map's page in a board paper: A4 landscape less its margins and the map's
 * heading (report-print-style.ts sets the same sizes), in CSS pixels.
 */
export const MAP_PAGE = { width: 1031, height: 665 };
/** The least a map may be scaled on paper: its smallest text (10 units) then prints at 9 px, 6.75 pt. */
export const MIN_PRINT_SCALE = 0.9;

export interface DrawnMap {
    view: MapView;
    /** 1-based, of `parts`: a view too large for a page is drawn as several maps. */
    part: number;
    parts: number;
    /** The part of the view's graph this map draws. */
    graph: IntegrationGraph;
    scene: Scene;
    /** Whether it prints at `MIN_PRINT_SCALE` or larger on its page. */
    fitsPage: boolean;
}

/** The scale a scene prints at on a map page (1 when it is smaller than the page). */
export function printScale(scene: Pick<Scene, 'width' | 'height'>): number {
    return Math.min(1, MAP_PAGE.width / scene.width, MAP_PAGE.height / scene.height);
}

/**
 * Draws each view; a view with groups that would print smaller than legible is
 * split into runs of whole groups, halving until each part fits its page, and a
 * single group too large for a page into its branches. The whole map is drawn once, as it is: the views stand in for it on paper.
 */
export async function drawMapViews(views: readonly MapView[], idPrefix: string): Promise<DrawnMap[]> {
    const drawn: DrawnMap[] = [];
    for (const view of views) {
        const parts = view.groups.length ? await fit(view, view.groups, `${idPrefix}-${view.id}`) : [await draw(view.graph, `${idPrefix}-${view.id}`)];
        parts.forEach((part, index) => drawn.push({ view, part: index + 1, parts: parts.length, ...part }));
    }
    return drawn;
}

async function fit(view: MapView, groups: string[][], idPrefix: string): Promise<Array<{ graph: IntegrationGraph; scene: Scene; fitsPage: boolean }>> {
    const ids = new Set([...view.anchors, ...groups.flat()]);
    const part = await draw(subgraph(view.graph, ids), idPrefix);
    if (part.fitsPage) return [part];
    if (groups.length === 1) {
        // One way in too large for a page (a forum with many reporting into it): its branches, each with the way in.
        const split = branches(view.graph, groups[0]);
        return split.length > 1 ? fit(view, split, idPrefix) : [part];
    }
    const half = Math.ceil(groups.length / 2);
    return [...await fit(view, groups.slice(0, half), `${idPrefix}a`), ...await fit(view, groups.slice(half), `${idPrefix}b`)];
}

/**
 * A group (its first node the way into the board, then all that reaches it) as
 * branches: down the single chain from its first node to the first node that more
 * than one reaches, then one branch per node reaching that one, each with the chain.
 */
function branches(graph: IntegrationGraph, group: string[]): string[][] {
    const members = new Set(group);
    const into = new Map<string, string[]>();
    for (const edge of graph.edges) {
        if (!members.has(edge.from) || !members.has(edge.to) || edge.from === edge.to) continue;
        const list = into.get(edge.to);
        if (list) list.push(edge.from); else into.set(edge.to, [edge.from]);
    }
    const chain = [group[0]];
    const feeders = (node: string) => [...new Set(into.get(node) ?? [])].filter(from => !chain.includes(from));
    for (let next = feeders(group[0]); next.length === 1; next = feeders(chain[chain.length - 1])) chain.push(next[0]);
    const fork = feeders(chain[chain.length - 1]);
    if (fork.length < 2) return [group];
    return fork.map(start => {
        const branch = new Set([start]);
        const queue = [start];
        for (let i = 0; i < queue.length; i++) {
            for (const from of into.get(queue[i]) ?? []) {
                if (!chain.includes(from) && !branch.has(from)) {
                    branch.add(from);
                    queue.push(from);
                }
            }
        }
        return [...chain, ...branch];
    });
}

async function draw(graph: IntegrationGraph, idPrefix: string): Promise<{ graph: IntegrationGraph; scene: Scene; fitsPage: boolean }> {
    const scene = drawMap(await layOutMapSafely(graph), idPrefix);
    return { graph, scene, fitsPage: printScale(scene) >= MIN_PRINT_SCALE };
}
