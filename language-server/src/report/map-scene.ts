import type { MapEdgeKind, MapNode } from './integration-graph.js';
import { GUTTER, type EdgeLine, type MapLayout, type NodeBox } from './map-layout.js';
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

const LEGEND_HEIGHT = 64;

const LINE_STYLE: Record<MapEdgeKind, LineStyle> = {
    voting: 'vote', advisory: 'advisory', channel: 'channel', 'reports to': 'reports', referral: 'referral',
    scrutinises: 'reports', 'has regard to': 'reports',
    represents: 'claim', contributes: 'money', holds: 'money', controls: 'money', funds: 'money', directs: 'money',
    staffs: 'work', delivers: 'work', uses: 'work', owns: 'work', link: 'link', unlinked: 'unlinked'
};

export function drawMap(layout: MapLayout, idPrefix: string): Scene {
    const markerId = (style: LineStyle) => `${idPrefix}-arrow-${style}`;
    const items: SceneItem[] = [];
    layout.bands.forEach((band, index) => {
        items.push({
            type: 'group', class: `band band-${band.level}`, items: [
                { type: 'rect', x: 0, y: band.y, width: layout.width, height: band.height, paint: { fill: index % 2 ? '#eef2f7' : '#f8fafc' } },
                { type: 'text', x: 12, y: band.y + 22, text: band.title, class: 'band-title', paint: TEXT_PAINT['band-title'] },
                { type: 'text', x: 12, y: band.y + 38, text: `${band.level.toUpperCase()} LEVEL`, paint: TEXT_PAINT['band-level'] }
            ]
        });
    });
    items.push({ type: 'rect', x: GUTTER - 8, y: 0, width: 1, height: layout.height, paint: { fill: '#cbd5e1' } });
    if (layout.notice) items.push({ type: 'group', class: 'notice', items: [{ type: 'text', x: GUTTER, y: 30, text: layout.notice, class: 'notice', paint: TEXT_PAINT['gap-label'] }] });
    for (const line of layout.lines) items.push(drawLine(line, markerId));
    for (const box of layout.boxes) items.push(drawBox(box));
    for (const item of drawLegend(layout.height, markerId)) items.push(item);
    return {
        width: Math.ceil(Math.max(layout.width, 900)),
        height: Math.ceil(layout.height + LEGEND_HEIGHT),
        markers: (Object.keys(LINE_PAINT) as LineStyle[]).map(style => ({ id: markerId(style), colour: LINE_PAINT[style].colour })),
        items,
        title: `Integration map of ${layout.graph.title}`
    };
}

function drawLine(line: EdgeLine, markerId: (style: LineStyle) => string): SceneItem {
    const { edge } = line;
    const style = LINE_STYLE[edge.kind];
    const items: SceneItem[] = [{
        type: 'path', d: pathOf(line.points), class: 'line', paint: linePaint(style),
        ...(edge.kind === 'unlinked' ? {} : { marker: markerId(style) }),
        ...(edge.twoWay ? { markerStart: markerId(style) } : {})
    }];
    if (line.label) {
        const { x, y, width, height, text } = line.label;
        items.push({ type: 'rect', x: round(x), y: round(y), width: round(width), height: round(height), rx: 3, paint: { fill: '#ffffff', 'fill-opacity': '0.92' } });
        const paint = edge.unlinked ? TEXT_PAINT['gap-label'] : style === 'vote' ? { ...TEXT_PAINT['line-label'], 'font-weight': '700', fill: '#0f172a' }
            : style === 'money' ? { ...TEXT_PAINT['line-label'], fill: '#854d0e' } : TEXT_PAINT['line-label'];
        items.push({ type: 'text', x: round(x + width / 2), y: round(y + height - 3.5), text, class: 'line-label', paint, anchor: 'middle' });
    }
    return { type: 'group', class: `edge edge-${edge.kind.replace(' ', '-')}${edge.unlinked ? ' gap' : ''}`, edgeId: edge.id, tooltip: edge.description, items };
}

function drawBox(box: NodeBox): SceneItem {
    const { node } = box;
    const items: SceneItem[] = [{ type: 'rect', x: round(box.x), y: round(box.y), width: box.width, height: box.height, rx: node.kind === 'actor' ? 10 : 3, class: 'card', paint: cardPaint(node) }];
    let y = box.y + 6;
    for (const line of box.lines) {
        y += line.role === 'title' ? 15 : line.role === 'badge' ? 14 : 13;
        const text = line.role === 'kind' ? line.text.toUpperCase() : line.text;
        items.push({ type: 'text', x: round(box.x + 10), y: round(y - 3.5), text, class: `card-${line.role}`, paint: TEXT_PAINT[line.role] });
    }
    return { type: 'group', class: nodeClasses(node), nodeId: node.id, tooltip: tooltipOf(node), items };
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

/** A key to the line styles, the gaps and the sector colours, under the map. */
function drawLegend(top: number, markerId: (style: LineStyle) => string): SceneItem[] {
    const entries: Array<[LineStyle, string]> = [
        ['vote', 'voting seat'], ['advisory', 'advisory seat'], ['channel', 'channel'], ['reports', 'reports to'],
        ['money', 'money'], ['claim', 'claims to represent'], ['referral', 'referral'], ['work', 'staffs, delivers, uses'],
        ['link', 'linked systems'], ['unlinked', 'not linked (gap)']
    ];
    const items: SceneItem[] = [];
    const rowY = top + 22;
    let x = GUTTER;
    for (const [style, text] of entries) {
        items.push({ type: 'path', d: `M${x} ${rowY} L${x + 30} ${rowY}`, paint: linePaint(style), ...(style === 'unlinked' ? {} : { marker: markerId(style) }) });
        items.push({ type: 'text', x: x + 36, y: rowY + 4, text, paint: TEXT_PAINT.legend });
        x += 46 + text.length * 6.2;
    }
    const boxY = top + 36;
    items.push({ type: 'rect', x: GUTTER, y: boxY, width: 26, height: 16, rx: 5, paint: { fill: '#ffffff', stroke: GAP_RED, 'stroke-width': '3' } });
    items.push({ type: 'text', x: GUTTER + 32, y: boxY + 12, text: 'actor without a voice at any board (gap)', paint: TEXT_PAINT.legend });
    Object.entries(SECTOR_COLOURS).forEach(([sector, colours], i) => {
        const sx = GUTTER + 290 + i * 100;
        items.push({ type: 'rect', x: sx, y: boxY, width: 16, height: 16, rx: 4, paint: { fill: colours.fill, stroke: colours.stroke, 'stroke-width': '1.5' } });
        items.push({ type: 'text', x: sx + 21, y: boxY + 12, text: sector, paint: TEXT_PAINT.legend });
    });
    return items;
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
