import type { MapEdgeKind, MapNode } from './integration-graph.js';
import { visibleText } from '../language/visible-text.js';
import { GUTTER, wrap, type EdgeLine, type MapLayout, type NodeBox } from './map-layout.js';
import { cardPaint, GAP_RED, LINE_PAINT, linePaint, SECTOR_COLOURS, TEXT_PAINT, type LineStyle, type Paint } from './map-paint.js';

/**
 * The integration map as plain shapes with their paint: the CLI writes it out as
 * SVG text and the editor's webview builds it with DOM calls, so both draw the
 * same picture and no model text is ever parsed as markup. Plain JSON, so it can
 * be posted to a webview. `class` names say what a shape is, for tests and tools.
 */
export type SceneItem =
    | { type: 'rect'; x: number; y: number; width: number; height: number; rx?: number; class?: string; paint: Paint }
    | { type: 'text'; x: number; y: number; text: string; class?: string; paint: Paint; anchor?: 'middle' }
    | { type: 'path'; d: string; class?: string; paint: Paint; marker?: string; markerStart?: string }
    | { type: 'group'; class: string; items: SceneItem[]; nodeId?: string; edgeId?: string; tooltip?: string };

export interface Scene {
    width: number;
    height: number;
    /** Arrowheads, one per line style; ids are unique per scene so several maps can share a page. */
    markers: Array<{ id: string; colour: string }>;
    items: SceneItem[];
    /** Accessible name of the picture. */
    title: string;
}

const LINE_STYLE: Record<MapEdgeKind, LineStyle> = {
    voting: 'vote', advisory: 'advisory', channel: 'channel', 'reports to': 'reports', referral: 'referral',
    scrutinises: 'reports', 'has regard to': 'reports',
    represents: 'claim', contributes: 'money', holds: 'money', controls: 'money', funds: 'money', directs: 'money',
    staffs: 'work', delivers: 'work', uses: 'work', owns: 'work', link: 'link', unlinked: 'unlinked'
};

export function drawMap(layout: MapLayout, idPrefix: string): Scene {
    const scene = drawRaw(layout, idPrefix);
    // Model text shown as it reads, in the SVG and in the editor's webview alike: controls and bidi controls visibly.
    return { ...scene, title: visibleText(scene.title), items: scene.items.map(visibleItem) };
}

function visibleItem(item: SceneItem): SceneItem {
    if (item.type === 'text') return { ...item, text: visibleText(item.text) };
    if (item.type === 'group') return { ...item, items: item.items.map(visibleItem), ...(item.tooltip === undefined ? {} : { tooltip: visibleText(item.tooltip) }) };
    return item;
}

function drawRaw(layout: MapLayout, idPrefix: string): Scene {
    const markerId = (style: LineStyle) => `${idPrefix}-arrow-${style}`;
    const width = Math.ceil(Math.max(layout.width, 900));
    const touches = sectorsTouching(layout);
    const items: SceneItem[] = [];
    const titleLines = new Map(layout.bands.map(band => [band, wrap(band.title, BAND_TITLE_CHARS, 3)]));
    layout.bands.forEach((band, index) => {
        items.push({
            type: 'group', class: `band band-${band.level}`, items: [
                { type: 'rect', x: 0, y: band.y, width, height: band.height, class: 'band-fill', paint: { fill: index % 2 ? '#eef2f7' : '#f8fafc' } },
                // The domain's name in the gutter, wrapped so that it never runs under a card.
                ...titleLines.get(band)!.map((text, line): SceneItem => ({ type: 'text', x: 12, y: band.y + 22 + line * 15, text, class: 'band-title', paint: TEXT_PAINT['band-title'] })),
                { type: 'text', x: 12, y: band.y + 38 + (titleLines.get(band)!.length - 1) * 15, text: `${band.level.toUpperCase()} LEVEL`, class: 'band-level', paint: TEXT_PAINT['band-level'] }
            ]
        });
    });
    items.push({ type: 'rect', x: GUTTER - 8, y: 0, width: 1, height: layout.height, class: 'gutter-rule', paint: { fill: '#cbd5e1' } });
    if (layout.notice) items.push({ type: 'group', class: 'notice', items: [{ type: 'text', x: GUTTER, y: 30, text: layout.notice, class: 'notice', paint: TEXT_PAINT['gap-label'] }] });
    for (const line of layout.lines) items.push(drawLine(line, markerId, touches));
    for (const box of layout.boxes) items.push(drawBox(box, touches));
    const legend = drawLegend(layout, width, markerId);
    for (const item of legend.items) items.push(item);
    return {
        width,
        height: Math.ceil(legend.bottom),
        markers: (Object.keys(LINE_PAINT) as LineStyle[]).map(style => ({ id: markerId(style), colour: LINE_PAINT[style].colour })),
        items,
        title: `Integration map of ${layout.graph.title}`
    };
}

/**
 * For each node, the sectors of the actors it is or is joined to; for each edge,
 * the sectors of its actor ends: a report's sector filter shows one sector's
 * actors with what they connect to, by class alone.
 */
function sectorsTouching(layout: MapLayout): { nodes: Map<string, Set<string>>; edges: Map<string, Set<string>> } {
    const sectorOf = new Map(layout.graph.nodes.filter(node => node.sector).map(node => [node.id, node.sector!]));
    const nodes = new Map(layout.graph.nodes.map(node => [node.id, new Set(node.sector ? [node.sector] : [])]));
    const edges = new Map<string, Set<string>>();
    for (const edge of layout.graph.edges) {
        const ends = [sectorOf.get(edge.from), sectorOf.get(edge.to)].filter(sector => sector !== undefined);
        edges.set(edge.id, new Set(ends));
        for (const sector of ends) {
            nodes.get(edge.from)?.add(sector);
            nodes.get(edge.to)?.add(sector);
        }
    }
    return { nodes, edges };
}

function touchClasses(sectors: ReadonlySet<string> | undefined): string {
    return [...sectors ?? []].map(sector => ` touches-${sector}`).join('');
}

function drawLine(line: EdgeLine, markerId: (style: LineStyle) => string, touches: ReturnType<typeof sectorsTouching>): SceneItem {
    const { edge } = line;
    const style = LINE_STYLE[edge.kind];
    const items: SceneItem[] = [{
        type: 'path', d: pathOf(line.points), class: 'line', paint: linePaint(style),
        ...(edge.kind === 'unlinked' ? {} : { marker: markerId(style) }),
        ...(edge.twoWay ? { markerStart: markerId(style) } : {})
    }];
    if (line.label) {
        const { x, y, width, height, text } = line.label;
        items.push({ type: 'rect', x: round(x), y: round(y), width: round(width), height: round(height), rx: 3, class: 'label-back', paint: { fill: '#ffffff', 'fill-opacity': '0.92' } });
        const paint = edge.unlinked ? TEXT_PAINT['gap-label'] : style === 'vote' ? { ...TEXT_PAINT['line-label'], 'font-weight': '700', fill: '#0f172a' }
            : style === 'money' ? { ...TEXT_PAINT['line-label'], fill: '#854d0e' } : TEXT_PAINT['line-label'];
        items.push({ type: 'text', x: round(x + width / 2), y: round(y + height - 3.5), text, class: 'line-label', paint, anchor: 'middle' });
    }
    return { type: 'group', class: `edge edge-${edge.kind.replace(' ', '-')}${edge.unlinked ? ' gap' : ''}${touchClasses(touches.edges.get(edge.id))}`, edgeId: edge.id, tooltip: edge.description, items };
}

function drawBox(box: NodeBox, touches: ReturnType<typeof sectorsTouching>): SceneItem {
    const { node } = box;
    const items: SceneItem[] = [{ type: 'rect', x: round(box.x), y: round(box.y), width: box.width, height: box.height, rx: node.kind === 'actor' ? 10 : 3, class: 'card', paint: cardPaint(node) }];
    let y = box.y + 6;
    for (const line of box.lines) {
        y += line.role === 'title' ? 15 : line.role === 'badge' ? 14 : 13;
        const text = line.role === 'kind' ? line.text.toUpperCase() : line.text;
        items.push({ type: 'text', x: round(box.x + 10), y: round(y - 3.5), text, class: `card-${line.role}`, paint: TEXT_PAINT[line.role] });
    }
    return { type: 'group', class: nodeClasses(node) + touchClasses(touches.nodes.get(node.id)), nodeId: node.id, tooltip: tooltipOf(node), items };
}

function nodeClasses(node: MapNode): string {
    return ['node', `node-${node.kind}`,
        node.sector ? `sector-${node.sector}` : '',
        node.isBoard ? 'board' : '',
        node.withoutVoice ? 'gap no-voice' : '',
        node.unlinked ? 'gap unlinked' : '',
        node.elsewhere ? 'elsewhere' : ''
    ].filter(Boolean).join(' ');
}

function tooltipOf(node: MapNode): string {
    const lines = [`${node.kind} ${node.name}: ${node.title}`, ...(node.detail ? [node.detail] : [])];
    if (node.kind === 'actor') lines.push(node.hasVoice ? 'Has a route to a board of the arrangement' : 'No route to any board of the arrangement');
    for (const finding of node.findings) lines.push(`${finding.severity} (${finding.rule}): ${finding.message}`);
    return lines.join('\n');
}

/** A domain's name in the gutter (13-unit bold, 150 units wide) fits this many characters a line. */
const BAND_TITLE_CHARS = 18;

/** Generous average glyph width of the legend's 11-unit text, so that no label is cut whatever the font. */
const LEGEND_CHAR = 6.6;

/**
 * A key to the line styles, the gaps and the sector colours, under the map, in
 * rows that wrap at the map's width so that no label runs off its edge.
 */
function drawLegend(layout: MapLayout, width: number, markerId: (style: LineStyle) => string): { items: SceneItem[]; bottom: number } {
    const top = layout.height;
    const items: SceneItem[] = [];
    // Only what this map draws: a key to lines and boxes it does not have would only be read.
    const styles = new Set(layout.lines.map(line => LINE_STYLE[line.edge.kind]));
    const nodes = layout.graph.nodes;
    const right = width - 16;
    let x = GUTTER, y = top + 22;
    const place = (entryWidth: number) => {
        if (x > GUTTER && x + entryWidth > right) {
            x = GUTTER;
            y += 22;
        }
        const at = { x, y };
        x += entryWidth + 18;
        return at;
    };
    const lines: Array<[LineStyle, string]> = [
        ['vote', 'voting seat'], ['advisory', 'advisory seat'], ['channel', 'channel'], ['reports', 'reports to'],
        ['money', 'money'], ['claim', 'claims to represent'], ['referral', 'referral'], ['work', 'staffs, delivers, uses, owns'],
        ['link', 'linked systems'], ['unlinked', 'not linked (gap)']
    ];
    for (const [style, text] of lines.filter(([style]) => styles.has(style))) {
        const at = place(36 + text.length * LEGEND_CHAR);
        items.push({ type: 'path', d: `M${at.x} ${at.y} L${at.x + 30} ${at.y}`, class: `legend-line legend-${style}`, paint: linePaint(style), ...(style === 'unlinked' ? {} : { marker: markerId(style) }) });
        items.push({ type: 'text', x: at.x + 36, y: at.y + 4, text, class: 'legend-text', paint: TEXT_PAINT.legend });
    }
    if (x > GUTTER) x = right; // the boxes start a row of their own
    // Each swatch has a class, so that the editor's dark and high-contrast themes (map-style.ts) can repaint it.
    const boxes: Array<{ text: string; paint: Paint; swatch: string }> = [
        ...(nodes.some(node => node.withoutVoice) ? [{ text: 'no voice at any board (gap, badge ✗)', swatch: 'legend-gap', paint: { fill: '#ffffff', stroke: GAP_RED, 'stroke-width': '3' } }] : []),
        ...(nodes.some(node => node.isBoard) ? [{ text: 'board (heavy border)', swatch: 'legend-board', paint: { fill: '#f1f5f9', stroke: '#0f172a', 'stroke-width': '3' } }] : []),
        ...Object.entries(SECTOR_COLOURS).filter(([sector]) => nodes.some(node => node.sector === sector))
            .map(([sector, colours]) => ({ text: `${sector} (named on the card)`, swatch: `sector-${sector}`, paint: { fill: colours.fill, stroke: colours.stroke, 'stroke-width': '1.5' } }))
    ];
    for (const box of boxes) {
        const at = place(24 + box.text.length * LEGEND_CHAR);
        items.push({ type: 'rect', x: at.x, y: at.y - 8, width: 18, height: 14, rx: 4, class: `legend-swatch ${box.swatch}`, paint: box.paint });
        items.push({ type: 'text', x: at.x + 24, y: at.y + 4, text: box.text, class: 'legend-text', paint: TEXT_PAINT.legend });
    }
    return { items, bottom: y + 16 };
}

/** ELK's spline routes come as cubic Bézier control points (start, then three per segment); shorter ones as straight lines. */
function pathOf(points: ReadonlyArray<{ x: number; y: number }>): string {
    const at = (p: { x: number; y: number }) => `${round(p.x)} ${round(p.y)}`;
    if (points.length === 0) return '';
    const [start, ...rest] = points;
    if (rest.length % 3 === 0) {
        const segments: string[] = [];
        for (let i = 0; i < rest.length; i += 3) segments.push(`C${at(rest[i])} ${at(rest[i + 1])} ${at(rest[i + 2])}`);
        return `M${at(start)} ${segments.join(' ')}`;
    }
    return `M${at(start)} ${rest.map(p => `L${at(p)}`).join(' ')}`;
}

function round(value: number): number {
    return Math.round(value * 10) / 10;
}
