import type { SectorPower } from '../analysis/power-map.js';
import { share } from './figures.js';
import { SECTOR_COLOURS } from './map-paint.js';
import { escapeMarkup } from './markup.js';


const WIDTH = 560, BAR_LEFT = 150, BAR_WIDTH = 390, ROW = 34, BAR_HEIGHT = 20;

/**
 * The power map as three 100% bars (voting seats, budget control, services
 * delivered), one colour per sector: who decides, who holds the money, who does
 * the work, side by side.
 */
export function powerChartSvg(power: readonly SectorPower[], caption: string): string {
    const rows: Array<{ label: string; values: Array<{ sector: string; value: number; text: string }> }> = [
        { label: 'Voting seats on boards', values: power.map(p => ({ sector: p.sector, value: p.votingSeats, text: String(p.votingSeats) })) },
        { label: 'Budget control', values: power.map(p => ({ sector: p.sector, value: p.budgetShare, text: share(p.budgetShare) })) },
        { label: 'Services delivered', values: power.map(p => ({ sector: p.sector, value: p.servicesDelivered, text: String(p.servicesDelivered) })) }
    ];
    const height = rows.length * ROW + 40;
    const parts = [`<svg class="power-chart" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${escapeMarkup(caption)}">`];
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
            parts.push(`<rect x="${x.toFixed(1)}" y="${y}" width="${width.toFixed(1)}" height="${BAR_HEIGHT}" fill="${SECTOR_COLOURS[value.sector].solid}"><title>${escapeMarkup(`${value.sector}: ${value.text}`)}</title></rect>`);
            if (width >= 34) parts.push(`<text x="${(x + width / 2).toFixed(1)}" y="${y + 14}" text-anchor="middle" class="chart-value">${escapeMarkup(value.text)}</text>`);
            x += width;
        }
    });
    const legendY = rows.length * ROW + 22;
    power.forEach((p, i) => {
        const x = BAR_LEFT + i * 80;
        parts.push(`<rect x="${x}" y="${legendY - 10}" width="12" height="12" rx="2" fill="${SECTOR_COLOURS[p.sector].solid}"/>`);
        parts.push(`<text x="${x + 16}" y="${legendY}" class="chart-legend">${escapeMarkup(p.sector)}</text>`);
    });
    parts.push('</svg>');
    return parts.join('');
}
