import type { ELK, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import { DOMAIN_LEVELS, kindLine, type DomainLevel, type IntegrationGraph, type MapEdge, type MapNode } from './integration-graph.js';

/** One line of text inside a node's card. */
export interface CardLine {
    text: string;
    role: 'kind' | 'title' | 'badge' | 'note';
}

export interface NodeBox {
    node: MapNode;
    x: number;
    y: number;
    width: number;
    height: number;
    lines: CardLine[];
}

export interface EdgeLine {
    edge: MapEdge;
    points: Array<{ x: number; y: number }>;
    label?: { text: string; x: number; y: number; width: number; height: number };
}

export interface DomainBand {
    level: DomainLevel;
    title: string;
    y: number;
    height: number;
}

/** The graph with positions: what the SVG, the report and the editor's map draw. */
export interface MapLayout {
    graph: IntegrationGraph;
    width: number;
    height: number;
    boxes: NodeBox[];
    lines: EdgeLine[];
    bands: DomainBand[];
    /** Said above the map when it is not ELK's full layout: too large to draw, or drawn simply (`map-worker.ts`). */
    notice?: string;
}

/** Room on the left for each domain's name. */
export const GUTTER = 150;
const PADDING = 16;
const TITLE_CHARS = 24;
/** Generous average glyph widths, so text fits whatever sans-serif font the viewer has. */
const CHAR_WIDTH = { title: 7.2, kind: 7.0, badge: 6.4, note: 6.2, label: 6.0 } as const;
const LINE_HEIGHT = { title: 15, kind: 13, badge: 14, note: 13 } as const;

/** Edges whose kind says all there is: drawn without a label to keep the map readable. */
const UNLABELLED = new Set<MapEdge['kind']>(['staffs', 'uses', 'delivers', 'owns', 'funds', 'reports to', 'link']);

let elk: ELK | undefined;

/**
 * Lays the graph out with ELK's layered algorithm, top to bottom, one partition
 * per domain level (macro above meso above micro, seed 001 Table 1). ELK is
 * loaded on first use, so commands that draw nothing do not pay for it.
 */
export async function layOutMap(graph: IntegrationGraph): Promise<MapLayout> {
    elk ??= await loadElk();
    const cards = new Map(graph.nodes.map(node => [node.id, cardOf(node)]));
    const root: ElkNode = {
        id: 'map',
        layoutOptions: {
            'elk.algorithm': 'layered',
            'elk.direction': 'DOWN',
            'elk.partitioning.activate': 'true',
            'elk.edgeRouting': 'SPLINES',
            'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
            'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
            'elk.spacing.nodeNode': '28',
            'elk.layered.spacing.nodeNodeBetweenLayers': '46',
            'elk.padding': `[top=${PADDING},left=${PADDING},bottom=${PADDING},right=${PADDING}]`
        },
        children: graph.nodes.map(node => ({
            id: node.id,
            ...cards.get(node.id)!.size,
            layoutOptions: { 'elk.partitioning.partition': String(DOMAIN_LEVELS.indexOf(node.layer)) }
        })),
        edges: graph.edges.map((edge): ElkExtendedEdge => ({ id: edge.id, sources: [edge.from], targets: [edge.to] }))
    };
    const laid = await elk.layout(root);
    const byId = new Map(graph.nodes.map(node => [node.id, node]));
    const edgesById = new Map(graph.edges.map(edge => [edge.id, edge]));
    const boxes: NodeBox[] = (laid.children ?? []).map(child => ({
        node: byId.get(child.id)!,
        x: (child.x ?? 0) + GUTTER, y: child.y ?? 0, width: child.width ?? 0, height: child.height ?? 0,
        lines: cards.get(child.id)!.lines
    }));
    const labels = new LabelPlacer(boxes);
    const lines: EdgeLine[] = (laid.edges ?? []).map(laidEdge => {
        const edge = edgesById.get(laidEdge.id)!;
        const section = laidEdge.sections?.[0];
        const points = (section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint] : [])
            .map(p => ({ x: p.x + GUTTER, y: p.y }));
        const label = edge.label && !UNLABELLED.has(edge.kind) ? labels.place(edge.label, curveThrough(points)) : undefined;
        return { edge, points, ...(label ? { label } : {}) };
    });
    const width = (laid.width ?? 0) + GUTTER;
    const height = laid.height ?? 0;
    return { graph, width, height, boxes, lines, bands: bandsOf(graph, boxes, height) };
}

/** Loads ELK ahead of the first map (the layout thread does, before it says it is ready). */
export async function prepareLayout(): Promise<void> {
    elk ??= await loadElk();
}

async function loadElk(): Promise<ELK> {
    // In a web worker, ELK's bundle takes the worker's `onmessage` for itself (when
    // its layout part first runs, inside the constructor); the language server's
    // connection listens there, so it is given back once ELK is made.
    const scope = globalThis as { onmessage?: unknown };
    const listener = scope.onmessage;
    try {
        const loaded = await import('elkjs/lib/elk.bundled.js') as unknown as { default?: unknown };
        // CommonJS module: its exports are the constructor, reached as `default` under ESM interop.
        const constructor = (typeof loaded.default === 'function' ? loaded.default : (loaded.default as { default?: unknown })?.default ?? loaded) as new () => ELK;
        return new constructor();
    } finally {
        if ('onmessage' in scope) scope.onmessage = listener;
    }
}

/** The drawn route: ELK's spline points (start, then three control points per cubic segment), sampled as a polyline. */
function curveThrough(points: Array<{ x: number; y: number }>): Array<{ x: number; y: number }> {
    if (points.length < 4 || (points.length - 1) % 3 !== 0) return points;
    const sampled = [points[0]];
    for (let i = 1; i + 2 < points.length; i += 3) {
        const [p0, p1, p2, p3] = [points[i - 1], points[i], points[i + 1], points[i + 2]];
        for (let step = 1; step <= 8; step++) {
            const t = step / 8, u = 1 - t;
            sampled.push({
                x: u * u * u * p0.x + 3 * u * u * t * p1.x + 3 * u * t * t * p2.x + t * t * t * p3.x,
                y: u * u * u * p0.y + 3 * u * u * t * p1.y + 3 * u * t * t * p2.y + t * t * t * p3.y
            });
        }
    }
    return sampled;
}

/**
 * Puts each label on its own line, halfway along it, or as near halfway as it
 * can without covering a node or a label already placed.
 */
class LabelPlacer {
    private readonly placed: Array<{ x: number; y: number; width: number; height: number }>;

    constructor(nodes: ReadonlyArray<{ x: number; y: number; width: number; height: number }>) {
        this.placed = nodes.map(({ x, y, width, height }) => ({ x, y, width, height }));
    }

    place(text: string, route: Array<{ x: number; y: number }>): EdgeLine['label'] {
        if (route.length < 2) return undefined;
        const width = text.length * CHAR_WIDTH.label + 8, height = 14;
        const lengths = [0];
        for (let i = 1; i < route.length; i++) lengths.push(lengths[i - 1] + Math.hypot(route[i].x - route[i - 1].x, route[i].y - route[i - 1].y));
        const total = lengths[lengths.length - 1];
        let best: { x: number; y: number; width: number; height: number } | undefined;
        for (const fraction of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.15, 0.85]) {
            const centre = pointAt(route, lengths, total * fraction);
            const box = { x: centre.x - width / 2, y: centre.y - height / 2, width, height };
            best ??= box;
            if (!this.placed.some(other => overlaps(box, other))) {
                best = box;
                break;
            }
        }
        this.placed.push(best!);
        return { text, ...best! };
    }
}

function pointAt(route: Array<{ x: number; y: number }>, lengths: number[], distance: number): { x: number; y: number } {
    let i = 1;
    while (i < lengths.length - 1 && lengths[i] < distance) i++;
    const span = lengths[i] - lengths[i - 1] || 1;
    const t = Math.min(1, Math.max(0, (distance - lengths[i - 1]) / span));
    return { x: route[i - 1].x + t * (route[i].x - route[i - 1].x), y: route[i - 1].y + t * (route[i].y - route[i - 1].y) };
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
    return a.x < b.x + b.width + 2 && b.x < a.x + a.width + 2 && a.y < b.y + b.height + 2 && b.y < a.y + a.height + 2;
}

/** A domain's band runs from its first node's top to its last node's bottom, split halfway to its neighbours. */
function bandsOf(graph: IntegrationGraph, boxes: NodeBox[], height: number): DomainBand[] {
    const spans = graph.layers
        .map(layer => {
            const inLayer = boxes.filter(box => box.node.layer === layer.level);
            if (inLayer.length === 0) return undefined;
            return { ...layer, top: inLayer.reduce((top, b) => Math.min(top, b.y), Infinity), bottom: inLayer.reduce((bottom, b) => Math.max(bottom, b.y + b.height), -Infinity) };
        })
        .filter(span => span !== undefined);
    return spans.map((span, index) => {
        const previous = spans[index - 1], next = spans[index + 1];
        const y = previous ? (previous.bottom + span.top) / 2 : 0;
        const end = next ? (span.bottom + next.top) / 2 : height;
        return { level: span.level, title: span.title, y, height: end - y };
    });
}

/** What a node's card says, and how big it must be to say it. */
function cardOf(node: MapNode): { lines: CardLine[]; size: { width: number; height: number } } {
    const lines: CardLine[] = [{ text: kindLine(node), role: 'kind' }];
    for (const text of wrap(node.title, TITLE_CHARS, 3)) lines.push({ text, role: 'title' });
    if (node.withoutVoice) lines.push({ text: '✗ no voice at a board', role: 'badge' });
    else if (node.kind === 'actor' && node.hasVoice) lines.push({ text: '✓ voice at a board', role: 'note' });
    if (node.unlinked) lines.push({ text: '✗ not linked to a system used with it', role: 'badge' });
    if (node.elsewhere) lines.push({ text: `declared in ${node.elsewhere}`, role: 'note' });
    const count = node.findings.length;
    if (count) {
        const serious = node.findings.some(f => f.severity !== 'info');
        lines.push({ text: `${serious ? '⚠' : 'ℹ'} ${count} finding${count === 1 ? '' : 's'}${serious ? '' : ' (info)'}`, role: 'note' });
    }
    const width = Math.max(130, ...lines.map(line => line.text.length * CHAR_WIDTH[line.role] + 20));
    const height = 10 + lines.reduce((sum, line) => sum + LINE_HEIGHT[line.role], 0);
    return { lines, size: { width: Math.round(width), height } };
}

/** Word-wraps a title into at most `maxLines` lines, ending in "…" when cut. */
export function wrap(text: string, width: number, maxLines: number): string[] {
    const lines: string[] = [];
    let current = '';
    for (const word of text.split(/\s+/).filter(Boolean)) {
        if (current && current.length + 1 + word.length > width) {
            lines.push(current);
            current = word;
        } else {
            current = current ? `${current} ${word}` : word;
        }
    }
    if (current) lines.push(current);
    const cut = lines.slice(0, maxLines).map(line => line.length > width ? `${line.slice(0, width - 1)}…` : line);
    if (lines.length > maxLines) cut[maxLines - 1] = `${cut[maxLines - 1].slice(0, width - 1)}…`;
    return cut.length ? cut : [''];
}

/**
 * The largest map laid out (issue 19: a `reports to` chain of 500 forums took ELK
 * 150 s, 2,000 forums ran out of memory). Real arrangements map a few dozen nodes.
 */
export const MAP_LIMITS = { nodes: 250, edges: 600 } as const;

/** Why a graph is too large to lay out, or nothing. */
export function mapTooLarge(graph: IntegrationGraph): string | undefined {
    if (graph.nodes.length <= MAP_LIMITS.nodes && graph.edges.length <= MAP_LIMITS.edges) return undefined;
    return `This map is too large to draw (${graph.nodes.length.toLocaleString('en-GB')} nodes and ${graph.edges.length.toLocaleString('en-GB')} lines; `
        + `the limit is ${MAP_LIMITS.nodes} nodes and ${MAP_LIMITS.edges} lines). The findings and tables still cover all of it.`;
}

/**
 * ELK on this thread, bounded in size only: where there are no worker threads (the
 * language server in a web worker, which is itself off the page's thread) and when
 * running from source without the bundled layout thread.
 */
export async function layOutMapHere(graph: IntegrationGraph): Promise<MapLayout> {
    const tooLarge = mapTooLarge(graph);
    return tooLarge ? noticeOnly(graph, tooLarge) : layOutMap(graph);
}

/** No map, only the notice saying why. */
export function noticeOnly(graph: IntegrationGraph, notice: string): MapLayout {
    return { graph, width: 900, height: 60, boxes: [], lines: [], bands: [], notice };
}

/**
 * A plain layered layout in linear time, for when ELK's took too long: a band per
 * domain level, its nodes in rows in model order, straight lines between them.
 */
export function simpleLayout(graph: IntegrationGraph, notice: string): MapLayout {
    const perRow = 6, gapX = 28, gapY = 46, top = 56;
    const cards = new Map(graph.nodes.map(node => [node.id, cardOf(node)]));
    const cellWidth = graph.nodes.reduce((widest, node) => Math.max(widest, cards.get(node.id)!.size.width), 130) + gapX;
    const boxes: NodeBox[] = [];
    let y = top;
    for (const level of DOMAIN_LEVELS) {
        const inLevel = graph.nodes.filter(node => node.layer === level);
        for (let start = 0; start < inLevel.length; start += perRow) {
            const row = inLevel.slice(start, start + perRow);
            const rowHeight = row.reduce((tallest, node) => Math.max(tallest, cards.get(node.id)!.size.height), 0);
            row.forEach((node, column) => {
                const card = cards.get(node.id)!;
                boxes.push({ node, x: GUTTER + PADDING + column * cellWidth, y, width: card.size.width, height: card.size.height, lines: card.lines });
            });
            y += rowHeight + gapY;
        }
    }
    const boxOf = new Map(boxes.map(box => [box.node.id, box]));
    const labels = new LabelPlacer(boxes);
    const lines: EdgeLine[] = [];
    for (const edge of graph.edges) {
        const from = boxOf.get(edge.from), to = boxOf.get(edge.to);
        if (!from || !to) continue;
        const downward = from.y <= to.y;
        const points = [
            { x: from.x + from.width / 2, y: downward ? from.y + from.height : from.y },
            { x: to.x + to.width / 2, y: downward ? to.y : to.y + to.height }
        ];
        const label = edge.label && !UNLABELLED.has(edge.kind) ? labels.place(edge.label, points) : undefined;
        lines.push({ edge, points, ...(label ? { label } : {}) });
    }
    const width = GUTTER + PADDING * 2 + Math.min(perRow, Math.max(1, graph.nodes.length)) * cellWidth;
    const height = y + PADDING;
    return { graph, width, height, boxes, lines, bands: bandsOf(graph, boxes, height), notice };
}
