import { code, esc } from './html-parts.js';
import type { DocsUri } from './html-findings.js';
import type { IntegrationProfile } from './integration-profile.js';
import type { DimensionScore, MaturityProfile } from './maturity.js';
import { maturityRadarSvg, type RadarSeries } from './maturity-radar.js';

/**
 * The derived maturity profile: the radar beside a table that says, for each
 * dimension, what the model shows, what the next point needs and which findings
 * stand in the way. `before` is the profile at the last review, when compared.
 */
export function maturitySection(profile: IntegrationProfile, docsUri: DocsUri, before?: MaturityProfile): string {
    const series: RadarSeries[] = [{ id: 'now', label: before ? 'now' : 'this model', profile: profile.maturity }];
    if (before) series.push({ id: 'before', label: 'at the last review', profile: before });
    const rows = profile.maturity.dimensions.map((d, i) => row(d, profile.name, docsUri, before?.dimensions[i])).join('');
    return `<section class="maturity" id="maturity-${esc(profile.name)}"><h3>Maturity profile <span class="muted">· SCIROCCO Exchange's twelve dimensions, derived from the model</span></h3>
<p class="muted">Each dimension scores 0 to 5: the highest step of its ladder that the model shows, with every step below it (docs/maturity.md states each step). Derived from the model, not self-assessed: a dimension the language cannot see is marked "not shown by the model", not scored.</p>
<div class="maturity-layout">
<figure class="radar">${maturityRadarSvg(series, `Maturity profile of ${profile.title}`, `radar-${profile.name}`)}</figure>
${scoreTable(profile.maturity, before)}
</div>
<h4>How each score is derived</h4>
<table class="maturity-table"><colgroup><col class="c-dimension"><col class="c-score"><col class="c-shows"><col class="c-next"><col class="c-findings"></colgroup><thead><tr><th scope="col">Dimension</th><th scope="col">Score</th><th scope="col">What the model shows</th><th scope="col">What the next point needs</th><th scope="col">Findings behind it</th></tr></thead>
<tbody>${rows}</tbody></table>
</section>`;
}

/** Beside the radar: the twelve scores at a glance. */
function scoreTable(maturity: MaturityProfile, before?: MaturityProfile): string {
    const rows = maturity.dimensions.map((d, i) => {
        const was = before?.dimensions[i];
        return `<tr><th scope="row">${esc(d.name)}</th><td class="score">${d.score === undefined ? 'not shown by the model' : `${d.score} of 5`}</td>${before ? `<td class="score">${was?.score === undefined ? 'not shown' : `${was.score} of 5`}</td>` : ''}</tr>`;
    }).join('');
    return `<table class="maturity-scores"><thead><tr><th scope="col">Dimension</th><th scope="col">${before ? 'Now' : 'Score'}</th>${before ? '<th scope="col">At the last review</th>' : ''}</tr></thead><tbody>${rows}</tbody></table>`;
}

function row(d: DimensionScore, arrangement: string, docsUri: DocsUri, before?: DimensionScore): string {
    const change = before && before.score !== d.score ? ` <span class="muted">(was ${before.score ?? 'not shown'})</span>` : '';
    if (d.score === undefined) {
        return `<tr data-dimension="${esc(d.id)}"><th scope="row">${esc(d.name)}</th><td class="score not-shown">not shown by the model${change}</td><td colspan="3">${code(d.notShown ?? '')}</td></tr>`;
    }
    const met = d.steps.filter(s => s.level <= d.score!);
    const next = d.steps.find(s => s.level === d.score! + 1);
    const shows = met.length ? `<ul>${met.map(s => `<li>✓ ${s.level}: ${code(s.needs)}${evidence(s.evidence)}</li>`).join('')}</ul>` : '<p>Nothing on this ladder yet.</p>';
    const needs = next ? `<p>✗ ${next.level}: ${code(next.needs)}</p>${evidence(next.evidence, 'Not yet:')}` : '<p>All five steps are shown.</p>';
    const findings = findingsBehind(d, arrangement, docsUri);
    return `<tr data-dimension="${esc(d.id)}" data-score="${d.score}"><th scope="row">${esc(d.name)}</th><td class="score"><strong>${d.score}</strong> of 5${change}</td><td>${shows}</td><td>${needs}</td><td>${findings}</td></tr>`;
}

/** The findings of the dimension's rules, one line per rule and element ("on the arrangement" for whole-arrangement ones). */
function findingsBehind(d: DimensionScore, arrangement: string, docsUri: DocsUri): string {
    if (d.findings.length === 0) return '<p class="muted">None.</p>';
    const lines = new Map<string, { rule: string; where: string; n: number; suppressed: boolean }>();
    for (const f of d.findings) {
        const where = !f.element || f.element === arrangement ? 'the arrangement' : f.element;
        const key = `${f.rule} ${where} ${f.suppressed}`;
        const line = lines.get(key);
        if (line) line.n++; else lines.set(key, { rule: f.rule, where, n: 1, suppressed: f.suppressed });
    }
    return `<ul>${[...lines.values()].map(line => {
        const docs = docsUri(line.rule);
        const rule = docs ? `<a href="${esc(docs)}">${esc(line.rule)}</a>` : esc(line.rule);
        const where = line.where === 'the arrangement' ? 'the arrangement' : `<code>${esc(line.where)}</code>`;
        return `<li>${rule} on ${where}${line.n > 1 ? ` (${line.n})` : ''}${line.suppressed ? ' <span class="muted">(accepted risk)</span>' : ''}</li>`;
    }).join('')}</ul>`;
}

function evidence(items: readonly string[], lead = ''): string {
    if (items.length === 0) return '';
    const shown = items.slice(0, 4).map(esc).join('; ');
    return `<div class="evidence">${lead ? `${lead} ` : ''}${shown}${items.length > 4 ? `; and ${items.length - 4} more` : ''}</div>`;
}
