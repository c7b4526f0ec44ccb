import { escapeMarkup as esc } from './markup.js';
import type { MaturityProfile } from './maturity.js';

export interface RadarSeries {
    /** `now` or `before`: for tests and the legend. */
    id: string;
    label: string;
    profile: MaturityProfile;
}

const WIDTH = 640, CX = 320, CY = 215, R = 150, LEVELS = 5;
/** Line and point per series, told apart by dash and shape as well as colour. */
const LOOK = [
    { colour: '#1d4ed8', dash: '', shape: 'circle', words: 'solid line, round points' },
    { colour: '#9a3412', dash: '6 4', shape: 'square', words: 'dashed line, square points' }
];

/**
 * The twelve dimensions on a radar, SVG with no script: one axis per dimension,
 * rings at 1 to 5, a line through each series' scores. A dimension the model
 * cannot show has a dashed axis, "not shown" in its label and no point, and the
 * line breaks there rather than pretend it is a zero.
 */
export function maturityRadarSvg(series: readonly RadarSeries[], title: string, idPrefix: string): string {
    const dimensions = series[0]?.profile.dimensions ?? [];
    const n = dimensions.length;
    const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / n;
    const at = (i: number, r: number) => ({ x: CX + r * Math.cos(angle(i)), y: CY + r * Math.sin(angle(i)) });
    const height = CY + R + 78 + series.length * 20;
    const description = series.map(s => `${s.label}: ${s.profile.dimensions.map(d => `${d.name} ${d.score ?? 'not shown by the model'}`).join('; ')}`).join('. ');
    const parts = [`<svg class="maturity-radar" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="${idPrefix}-title ${idPrefix}-desc">`,
        `<title id="${idPrefix}-title">${esc(title)}</title><desc id="${idPrefix}-desc">${esc(description)}</desc>`];
    for (let level = 1; level <= LEVELS; level++) {
        const ring = dimensions.map((_, i) => at(i, (R * level) / LEVELS)).map(p => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
        parts.push(`<polygon points="${ring}" fill="none" stroke="#cbd5e1" stroke-width="${level === LEVELS ? 1.4 : 0.8}"/>`);
        const label = at(0, (R * level) / LEVELS);
        parts.push(`<text x="${(label.x + 7).toFixed(1)}" y="${(label.y + 12).toFixed(1)}" class="radar-level">${level}</text>`);
    }
    dimensions.forEach((dimension, i) => {
        const end = at(i, R);
        const shown = dimension.score !== undefined;
        parts.push(`<line x1="${CX}" y1="${CY}" x2="${end.x.toFixed(1)}" y2="${end.y.toFixed(1)}" stroke="${shown ? '#94a3b8' : '#cbd5e1'}" stroke-width="1"${shown ? '' : ' stroke-dasharray="3 3"'}/>`);
        parts.push(axisLabel(i, dimension.name, shown, at(i, R + 16), angle(i)));
    });
    series.forEach((s, index) => {
        const look = LOOK[index % LOOK.length];
        const points = s.profile.dimensions.map((d, i) => d.score === undefined ? undefined : at(i, (R * d.score) / LEVELS));
        const segments: string[] = [];
        points.forEach((p, i) => {
            const next = points[(i + 1) % n];
            if (p && next) segments.push(`M${p.x.toFixed(1)} ${p.y.toFixed(1)} L${next.x.toFixed(1)} ${next.y.toFixed(1)}`);
        });
        parts.push(`<g class="radar-series" data-series="${esc(s.id)}"><path d="${segments.join(' ')}" fill="none" stroke="${look.colour}" stroke-width="2.4"${look.dash ? ` stroke-dasharray="${look.dash}"` : ''}/>`);
        s.profile.dimensions.forEach((d, i) => {
            const p = points[i];
            if (!p) return;
            const mark = look.shape === 'circle'
                ? `<circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="4.5"`
                : `<rect x="${(p.x - 4).toFixed(1)}" y="${(p.y - 4).toFixed(1)}" width="8" height="8"`;
            parts.push(`${mark} fill="${look.colour}" class="radar-point" data-dimension="${esc(d.id)}" data-score="${d.score}"/>`);
        });
        parts.push('</g>');
        const y = CY + R + 82 + index * 20;
        parts.push(`<line x1="40" y1="${y - 4}" x2="76" y2="${y - 4}" stroke="${look.colour}" stroke-width="2.4"${look.dash ? ` stroke-dasharray="${look.dash}"` : ''}/>`);
        parts.push(`<text x="84" y="${y}" class="radar-legend">${esc(`${s.label} (${look.words})`)}</text>`);
    });
    parts.push('</svg>');
    return parts.join('');
}

/** A dimension's name outside the rim, on one or two lines, anchored away from the centre. */
function axisLabel(i: number, name: string, shown: boolean, p: { x: number; y: number }, theta: number): string {
    const cos = Math.cos(theta), sin = Math.sin(theta);
    const anchor = cos > 0.2 ? 'start' : cos < -0.2 ? 'end' : 'middle';
    const words = `${name}${shown ? '' : ' (not shown)'}`.split(' ');
    const lines: string[] = [];
    for (const word of words) {
        if (lines.length && lines[lines.length - 1].length + word.length < 16) lines[lines.length - 1] += ` ${word}`;
        else lines.push(word);
    }
    const top = p.y + (sin < -0.2 ? -(lines.length - 1) * 13 : sin > 0.2 ? 10 : 4 - ((lines.length - 1) * 13) / 2);
    const spans = lines.map((line, k) => `<tspan x="${p.x.toFixed(1)}" y="${(top + k * 13).toFixed(1)}">${esc(line)}</tspan>`).join('');
    return `<text class="radar-axis${shown ? '' : ' not-shown'}" text-anchor="${anchor}" data-axis="${i}">${spans}</text>`;
}
