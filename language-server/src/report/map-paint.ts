import type { MapNode } from './integration-graph.js';

/**
 * The map's look as SVG presentation attributes rather than a stylesheet: a scene
 * then draws the same wherever it lands (an .svg file, the HTML report, a webview
 * whose Content-Security-Policy allows no inline style).
 */
export const PAINT_ATTRIBUTES = [
    'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'font-size', 'font-weight', 'letter-spacing'
] as const;
export type Paint = Partial<Record<typeof PAINT_ATTRIBUTES[number], string>>;

export const FONT_FAMILY = '"Segoe UI", "Helvetica Neue", Arial, "DejaVu Sans", sans-serif';

/** Per sector: a light card fill, its border, and the solid colour of charts. */
export const SECTOR_COLOURS: Record<string, { fill: string; stroke: string; solid: string }> = {
    government: { fill: '#ede9fe', stroke: '#6d28d9', solid: '#7c3aed' },
    statutory: { fill: '#dbeafe', stroke: '#1d4ed8', solid: '#2563eb' },
    third: { fill: '#dcfce7', stroke: '#15803d', solid: '#16a34a' },
    independent: { fill: '#fef3c7', stroke: '#b45309', solid: '#d97706' },
    community: { fill: '#fce7f3', stroke: '#be185d', solid: '#db2777' }
};

export const GAP_RED = '#dc2626';

export type LineStyle = 'vote' | 'advisory' | 'channel' | 'reports' | 'referral' | 'claim' | 'money' | 'work' | 'link' | 'unlinked';

/**
 * Each style differs from the others by its dash pattern or its width, and most
 * lines carry a label too, so that no line's meaning rests on its colour alone
 * (WCAG 1.4.1): a map printed in grey still reads.
 */
export const LINE_PAINT: Record<LineStyle, { colour: string; width: string; dash?: string }> = {
    vote: { colour: '#0f172a', width: '2.6' },
    advisory: { colour: '#475569', width: '1.5', dash: '5 3' },
    channel: { colour: '#1d4ed8', width: '1.7' },
    reports: { colour: '#334155', width: '1.6', dash: '9 3 2 3' },
    referral: { colour: '#7c3aed', width: '1.5', dash: '2 3' },
    claim: { colour: '#64748b', width: '1.3', dash: '1 4' },
    money: { colour: '#a16207', width: '1.7', dash: '12 4' },
    work: { colour: '#94a3b8', width: '1.1' },
    link: { colour: '#0f766e', width: '2.4' },
    unlinked: { colour: GAP_RED, width: '2.5', dash: '7 5' }
};

export function linePaint(style: LineStyle): Paint {
    const line = LINE_PAINT[style];
    return { fill: 'none', stroke: line.colour, 'stroke-width': line.width, ...(line.dash ? { 'stroke-dasharray': line.dash } : {}) };
}

/** A node's card: its kind and sector, and its gaps drawn over them. */
export function cardPaint(node: MapNode): Paint {
    let paint: Paint = { fill: '#ffffff', stroke: '#64748b', 'stroke-width': '1.2' };
    const sector = node.sector && SECTOR_COLOURS[node.sector];
    if (sector) paint = { ...paint, fill: sector.fill, stroke: sector.stroke };
    else if (node.kind === 'forum') paint = node.isBoard ? { fill: '#f1f5f9', stroke: '#0f172a', 'stroke-width': '3' } : { ...paint, stroke: '#334155', 'stroke-width': '1.6' };
    else if (node.kind === 'budget') paint = { ...paint, fill: '#fefce8', stroke: '#a16207' };
    else if (node.kind === 'system') paint = { ...paint, fill: '#f8fafc', stroke: '#0f766e' };
    else paint = { ...paint, fill: '#f8fafc', stroke: '#94a3b8' };
    if (node.elsewhere) paint['stroke-dasharray'] = '2 3';
    if (node.withoutVoice) paint = { ...paint, stroke: GAP_RED, 'stroke-width': '3.5' };
    if (node.unlinked) paint = { ...paint, stroke: GAP_RED, 'stroke-width': '2.5', 'stroke-dasharray': '7 4' };
    return paint;
}

export const TEXT_PAINT: Record<'kind' | 'title' | 'badge' | 'note' | 'band-title' | 'band-level' | 'line-label' | 'gap-label' | 'legend', Paint> = {
    kind: { 'font-size': '10', fill: '#475569', 'letter-spacing': '0.4' },
    title: { 'font-size': '12', 'font-weight': '600', fill: '#0f172a' },
    badge: { 'font-size': '10.5', 'font-weight': '700', fill: '#b91c1c' },
    note: { 'font-size': '10', fill: '#475569' },
    'band-title': { 'font-size': '13', 'font-weight': '700', fill: '#1e293b' },
    'band-level': { 'font-size': '11', fill: '#64748b', 'letter-spacing': '0.6' },
    'line-label': { 'font-size': '10', fill: '#334155' },
    'gap-label': { 'font-size': '10', 'font-weight': '700', fill: '#b91c1c' },
    legend: { 'font-size': '11', fill: '#334155' }
};
