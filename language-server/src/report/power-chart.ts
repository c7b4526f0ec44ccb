import type { SectorPower } from '../analysis/power-map.js';
import { share } from './figures.js';
import { SECTOR_COLOURS } from './map-paint.js';
import { escapeMarkup } from './markup.js';

const WIDTH = 560, BAR_LEFT = 150, BAR_WIDTH = 390, ROW = 34, BAR_HEIGHT = 20;

/** A texture per sector over its colour, so that the bars read without colour too (WCAG 1.4.1). */
const SECTOR_TEXTURE: Record<string, string> = {
    government: 'M0,8 L8,0',            // rising hatch
    statutory: '',                       // plain
    third: 'M2,2 h1 v1 h-1 z M6,6 h1 v1 h-1 z', // dots
    independent: 'M0,0 L8,8 M8,0 L0,8', // cross-hatch
    community: 'M0,4 L8,4'              // horizontal lines
};

/**
 * The power map as three 100% bars (voting seats, budget control, services
 * delivered), one colour and texture per sector: who decides, who holds the
 * money, who does the work, side by side. `idPrefix` keeps the textures' ids
 * apart when several charts share a page.
 */
export function powerChartSvg(power: readonly SectorPower[], caption: string, idPrefix = 'power'): string {
    const rows: Array<{ label: string; values: Array<{ sector: string; value: number; text: string }> }> = [
        { label: 'Voting seats on boards', values: power.map(p => ({ sector: p.sector, value: p.votingSeats, text: String(p.votingSeats) })) },
        { label: 'Budget control', values: power.map(p => ({ sector: p.sector, value: p.budgetShare, text: share(p.budgetShare) })) },
        { label: 'Services delivered', values: power.map(p => ({ sector: p.sector, value: p.servicesDelivered, text: String(p.servicesDelivered) })) }
    ];
    const fill = (sector: string) => SECTOR_TEXTURE[sector] ? `url(#${idPrefix}-${sector})` : SECTOR_COLOURS[sector].solid;
    const legendRows = Math.ceil(power.length / 3);
    const height = rows.length * ROW + 18 + legendRows * 20;
    const parts = [`<svg class="power-chart" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${escapeMarkup(caption)}">`, '<defs>'];
    for (const p of power) {
        if (!SECTOR_TEXTURE[p.sector]) continue;
        parts.push(`<pattern id="${escapeMarkup(`${idPrefix}-${p.sector}`)}" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="${SECTOR_COLOURS[p.sector].solid}"/><path d="${SECTOR_TEXTURE[p.sector]}" stroke="#ffffff" stroke-width="1.4" fill="#ffffff"/></pattern>`);
    }
    parts.push('</defs>');
    rows.forEach((row, index) => {
        const y = 8 + index * ROW;
        parts.push(`<text x="0" y="${y + 14}" class="chart-label">${escapeMarkup(row.label)}</text>`);
        const total = row.values.reduce((sum, v) => sum + v.value, 0);
        if (total <= 0) {
            parts.push(`<rect x="${BAR_LEFT}" y="${y}" width="${BAR_WIDTH}" height="${BAR_HEIGHT}" fill="#f1f5f9" stroke="#cbd5e1"/>`);
            parts.push(`<text x="${BAR_LEFT + 8}" y="${y + 14}" class="chart-empty">none in the model</text>`);
            return;
        }
        let x = BAR_LEFT;
        for (const value of row.values) {
            if (value.value <= 0) continue;
            const width = BAR_WIDTH * value.value / total;
            parts.push(`<rect x="${x.toFixed(1)}" y="${y}" width="${width.toFixed(1)}" height="${BAR_HEIGHT}" fill="${fill(value.sector)}" stroke="#ffffff" stroke-width="1"><title>${escapeMarkup(`${value.sector}: ${value.text}`)}</title></rect>`);
            const pill = 10 + value.text.length * 7;
            if (width >= pill + 4) {
                parts.push(`<rect x="${(x + width / 2 - pill / 2).toFixed(1)}" y="${y + 3}" width="${pill}" height="14" rx="3" fill="#0f172a" fill-opacity="0.78"/>`);
                parts.push(`<text x="${(x + width / 2).toFixed(1)}" y="${y + 14}" text-anchor="middle" class="chart-value">${escapeMarkup(value.text)}</text>`);
            }
            x += width;
        }
    });
    power.forEach((p, i) => {
        const x = BAR_LEFT + (i % 3) * 130, y = rows.length * ROW + 20 + Math.floor(i / 3) * 20;
        parts.push(`<rect x="${x}" y="${y - 11}" width="14" height="14" rx="2" fill="${fill(p.sector)}" stroke="#334155" stroke-width="0.6"/>`);
        parts.push(`<text x="${x + 19}" y="${y}" class="chart-legend">${escapeMarkup(p.sector)}</text>`);
    });
    parts.push('</svg>');
    return parts.join('');
}
