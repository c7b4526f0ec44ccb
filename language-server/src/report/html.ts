import { describeStage } from '../analysis/stage-support.js';
import { findRule } from '../rules/registry.js';
import { count, listing } from '../rules/wording.js';
import { formatAmount, share } from './figures.js';
import { countBySeverity, FINDING_GROUPS, VOICE_WORDS, type ActorVoice, type IntegrationProfile, type ProfileFinding } from './integration-profile.js';
import type { Scene } from './map-scene.js';
import { SECTOR_COLOURS } from './map-paint.js';
import { escapeMarkup as esc } from './markup.js';
import { powerChartSvg } from './power-chart.js';
import { REPORT_CSS } from './report-style.js';
import { sceneToSvg } from './svg.js';
import { complianceSection } from './compliance-section.js';

export interface HtmlReportInput {
    arrangements: Array<{ profile: IntegrationProfile; scene: Scene }>;
    /** Findings that belong to no arrangement (model errors at top level). */
    otherFindings: ProfileFinding[];
    fileCount: number;
    version: string;
    docsUri(rule: string): string | undefined;
}

/**
 * One self-contained HTML page: inline CSS and SVG, no script, no remote
 * resource (its Content-Security-Policy forbids them). Every piece of model text
 * goes through `esc`.
 */
export function renderHtmlReport(input: HtmlReportInput): string {
    const nav = input.arrangements.map(({ profile }) => {
        const counts = countBySeverity(profile.findings);
        return `<li><a href="#${anchor(profile.name)}">${esc(profile.title)}</a> <span class="muted">${stageSummary(profile)} · ${counts.error} errors, ${counts.warning} warnings</span></li>`;
    }).join('');
    const body = input.arrangements.map(({ profile, scene }) => arrangementSection(profile, scene, input)).join('\n');
    const other = input.otherFindings.length
        ? `<section class="arrangement"><h2>Outside any arrangement</h2>${findingList(input.otherFindings, input)}</section>` : '';
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Joinery integration report</title>
<style>${REPORT_CSS}${swatches()}</style>
</head>
<body>
<header class="page-head">
<h1>Integration report</h1>
<p class="muted">${count(input.arrangements.length, 'arrangement')} from ${count(input.fileCount, 'file')} · Joinery ${esc(input.version)}</p>
${input.arrangements.length ? `<nav><ul>${nav}</ul></nav>` : '<p>No arrangement was found in these files.</p>'}
</header>
<main>
${body}
${other}
</main>
</body>
</html>
`;
}

function arrangementSection(profile: IntegrationProfile, scene: Scene, input: HtmlReportInput): string {
    return `<section class="arrangement" id="${anchor(profile.name)}" data-arrangement="${esc(profile.name)}">
<h2>${esc(profile.title)}</h2>
<p class="muted">arrangement <code>${esc(profile.name)}</code> · ${esc(profile.place)}</p>
<div class="glance">
${voiceCard(profile)}
${moneyCard(profile)}
${stageCard(profile)}
${findingsCard(profile)}
</div>
<h3>Integration map</h3>
<p class="muted">Actors, forums, budgets, teams, services and systems, layered by domain (seed 001, Table 1). Red borders: actors with no voice at any board; dashed red: systems used together but not linked. Hover over a box for its findings.</p>
<figure class="map" data-map="${esc(profile.name)}">${sceneToSvg(scene)}</figure>
<div class="columns">
<section class="ladder"><h3>Stage of joining-up</h3>${stageLadder(profile)}</section>
<section class="power"><h3>Power map</h3>${powerTable(profile)}
<figure>${powerChartSvg(profile.power, `Power map of ${profile.title}`)}</figure></section>
</div>
<h3>Who has a voice</h3>
${voiceTable(profile.voices)}
<h3>Who holds the money</h3>
${budgetTable(profile)}
${complianceSection(profile.compliance)}
<h3>Findings by integration type</h3>
${findingGroups(profile.findings, input)}
</section>`;
}

function voiceCard(profile: IntegrationProfile): string {
    const named = (voices: ActorVoice[], extra?: (v: ActorVoice) => string) => voices.map(v => `${esc(v.title)}${extra ? extra(v) : ''}`).join(', ');
    const of = (kind: ActorVoice['voice']) => profile.voices.filter(v => v.voice === kind);
    const silenced = profile.voices.filter(v => v.withoutVoice);
    const outsiders = of('none').filter(v => !v.withoutVoice);
    const rows = [
        of('votes').length ? `<li><strong>Votes:</strong> ${named(of('votes'), v => ` (${v.votes})`)}</li>` : '<li><strong>Votes:</strong> no board has voting members</li>',
        of('sits').length ? `<li><strong>Sits without a vote:</strong> ${named(of('sits'))}</li>` : '',
        of('channel').length ? `<li><strong>Has a channel to a board:</strong> ${named(of('channel'))}</li>` : '',
        of('route').length ? `<li><strong>Reaches a board through others:</strong> ${named(of('route'))}</li>` : '',
        silenced.length ? `<li class="gap"><strong>No voice at any board:</strong> ${named(silenced)}</li>` : '',
        outsiders.length ? `<li class="muted"><strong>No route to a board</strong> (statutory or government): ${named(outsiders)}</li>` : ''
    ].filter(Boolean).join('');
    const nonStatutory = profile.voices.filter(v => v.nonStatutory);
    const headline = silenced.length
        ? `<p class="headline gap">${silenced.length} of ${nonStatutory.length} non-statutory actors have no voice at a board</p>`
        : nonStatutory.length ? '<p class="headline ok">Every non-statutory actor reaches a board</p>'
            : '<p class="headline">No third-sector, independent or community actor takes part</p>';
    return `<div class="card glance-voice"><h4>Who has a voice</h4>${headline}<ul>${rows}</ul></div>`;
}

function moneyCard(profile: IntegrationProfile): string {
    if (profile.totals.budgets === 0) return '<div class="card glance-money"><h4>Who holds the money</h4><p class="headline">No budget in the model</p></div>';
    const holders = [...profile.power].filter(p => p.budgetShare > 0).sort((a, b) => b.budgetShare - a.budgetShare);
    const top = holders[0];
    const total = profile.totals.budget === undefined ? count(profile.totals.budgets, 'budget') : `${formatAmount(profile.totals.budget)} across ${count(profile.totals.budgets, 'budget')}`;
    const headline = top ? `The ${esc(top.sector)} sector controls ${share(top.budgetShare)}` : 'No budget has a holder with a say';
    const rest = holders.slice(1).map(p => `${esc(p.sector)} ${share(p.budgetShare)}`);
    const held = profile.budgets.map(b => `<li>${esc(b.title)}${b.amount === undefined ? '' : ` <span class="figure">${formatAmount(b.amount)}</span>`}: ${b.heldBy ? `held by ${esc(b.heldBy)}` : '<span class="gap">held by nobody</span>'}</li>`).join('');
    return `<div class="card glance-money"><h4>Who holds the money</h4><p class="headline">${headline}</p>
<p>of ${esc(total)}${profile.budgetsWeighted ? ', weighted by amount' : ', counted equally'}${rest.length ? `; then ${rest.join(', ')}` : ''}.</p><ul>${held}</ul></div>`;
}

function stageCard(profile: IntegrationProfile): string {
    const claimHolds = profile.claimed !== undefined && profile.missingForClaim.length === 0;
    const headline = profile.claimed === undefined
        ? `<p class="headline">Reaches ${esc(describeStage(profile.supported))}</p><p>No stage is claimed.</p>`
        : claimHolds
            ? `<p class="headline ok">Reaches ${esc(describeStage(profile.supported))}</p><p>Its claim of stage ${esc(profile.claimed)} holds.</p>`
            : `<p class="headline gap">Claims stage ${esc(profile.claimed)}, reaches stage ${esc(profile.supported)}</p><p>The model supports ${esc(describeStage(profile.supported))}. Missing for the claim:</p>`
            + `<ul>${profile.missingForClaim.map(r => `<li class="gap">${code(r.description)} <span class="muted">(stage ${esc(r.stage)})</span></li>`).join('')}</ul>`;
    return `<div class="card glance-stage"><h4>Stage of joining-up</h4>${headline}</div>`;
}

function findingsCard(profile: IntegrationProfile): string {
    const counts = countBySeverity(profile.findings);
    const byType = FINDING_GROUPS.map(g => ({ ...g, n: profile.findings.filter(f => f.type === g.type).length })).filter(g => g.n > 0);
    return `<div class="card glance-findings"><h4>Findings</h4><p class="headline">${counts.error} errors · ${counts.warning} warnings · ${counts.info} info</p>
<ul>${byType.map(g => `<li>${g.heading}: ${g.n}</li>`).join('')}</ul></div>`;
}

function stageLadder(profile: IntegrationProfile): string {
    const rungs = [...profile.stages].reverse().map(rung => {
        const classes = ['rung', rung.supported ? 'supported' : 'unsupported', rung.claimed ? 'claimed' : '', rung.stage === profile.supported ? 'reached' : ''].filter(Boolean).join(' ');
        const tags = [
            rung.stage === profile.supported ? '<span class="tag reached-tag">reached</span>' : '',
            rung.claimed ? `<span class="tag ${rung.supported ? 'ok-tag' : 'gap-tag'}">claimed</span>` : ''
        ].join('');
        const requirements = rung.requirements.map(r => `<li class="${r.met ? 'met' : 'unmet'}">${r.met ? '✓' : '✗'} ${r.skipping ? 'or, skipping 3 to 5: ' : ''}${code(r.description)}</li>`).join('')
            + (rung.blockedBy ? `<li class="unmet">✗ builds on stage ${esc(rung.blockedBy)}, which the model does not reach</li>` : '');
        return `<li class="${classes}" data-stage="${esc(rung.stage)}"><div class="rung-head"><span class="stage-id">${esc(rung.stage)}</span> ${esc(rung.name)} ${tags}</div>${requirements ? `<ul>${requirements}</ul>` : ''}</li>`;
    }).join('');
    return `<p class="muted">Stages of joining-up (seed 004). 6a, 6b, 6c and 7 each build on 5; 6a may skip 3 to 5 when a lead agency has taken the work over. Green: what the model shows.</p><ol class="stage-ladder">${rungs}</ol>`;
}

function powerTable(profile: IntegrationProfile): string {
    const rows = profile.power.map(p => `<tr data-sector="${esc(p.sector)}"><th scope="row"><span class="swatch swatch-${esc(p.sector)}"></span>${esc(p.sector)}</th>`
        + `<td>${p.votingSeats}</td><td>${share(p.budgetShare)}</td><td>${p.servicesDelivered} <span class="muted">(${share(p.serviceShare)})</span></td></tr>`).join('');
    const { totals } = profile;
    return `<table class="power-table"><thead><tr><th>Sector</th><th>Voting seats on boards</th><th>Budget control</th><th>Services delivered</th></tr></thead>
<tbody>${rows}</tbody><tfoot><tr><th scope="row">All</th><td>${totals.votingSeats}</td><td>${totals.budget === undefined ? count(totals.budgets, 'budget') : esc(formatAmount(totals.budget))}</td><td>${count(totals.services, 'service')}</td></tr></tfoot></table>
<p class="muted">A board's budget is split by its voting seats${profile.budgetsWeighted ? '; budgets weighted by amount' : '; budgets counted equally (not every budget states an amount)'}. A service counts once for each sector that delivers it.</p>
${actorPowerTable(profile)}`;
}

/** The same figures per actor, so that one member with a vote does not stand for a sector whose deliverers have none. */
function actorPowerTable(profile: IntegrationProfile): string {
    if (profile.actorPower.length === 0) return '';
    const rows = profile.actorPower.map(p => `<tr data-actor="${esc(p.name)}"><th scope="row">${esc(p.title)}</th><td>${esc(p.sector ?? '')}</td>`
        + `<td>${p.votingSeats}</td><td>${share(p.budgetShare)}</td><td>${p.servicesDelivered} <span class="muted">(${share(p.serviceShare)})</span></td></tr>`).join('');
    return `<table class="power-table power-actors"><thead><tr><th>Actor</th><th>Sector</th><th>Voting seats on boards</th><th>Budget control</th><th>Services delivered</th></tr></thead>
<tbody>${rows}</tbody></table>
<p class="muted">Per actor: a service counts once for each actor that delivers it, a delivering team as its staff.</p>`;
}

function voiceTable(voices: ActorVoice[]): string {
    const rows = voices.map(v => `<tr class="${v.withoutVoice ? 'gap-row' : ''}"><th scope="row">${esc(v.title)}</th><td>${esc(v.sector ?? '')}</td>`
        + `<td>${v.votes || ''}</td><td>${v.withoutVoice ? '<strong class="gap">no voice at any board</strong>' : esc(VOICE_WORDS[v.voice])}</td>`
        + `<td>${v.voice === 'route' ? `${esc(v.through.join(' → '))} → ${esc(v.board ?? '')}` : v.voice !== 'none' ? esc(v.board ?? '') : ''}</td>`
        + `<td>${esc(listing(v.budgetsHeld))}</td></tr>`).join('');
    return `<table class="voice-table"><thead><tr><th>Actor</th><th>Sector</th><th>Votes</th><th>Voice</th><th>Route to the board</th><th>Budgets held</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function budgetTable(profile: IntegrationProfile): string {
    if (profile.budgets.length === 0) return '<p>No budget in the model.</p>';
    const rows = profile.budgets.map(b => `<tr><th scope="row">${esc(b.title)}</th><td>${esc(b.kind ?? '')}</td><td>${b.amount === undefined ? '' : esc(formatAmount(b.amount))}</td>`
        + `<td>${b.heldBy ? esc(b.heldBy) : '<span class="gap">nobody</span>'}</td><td>${esc(listing(b.controlledBy))}</td><td>${esc(listing(b.funds))}</td></tr>`).join('');
    return `<table><thead><tr><th>Budget</th><th>Kind</th><th>Amount</th><th>Held by</th><th>Controlled by a board</th><th>Funds</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function findingGroups(findings: ProfileFinding[], input: HtmlReportInput): string {
    if (findings.length === 0) return '<p class="ok">No findings.</p>';
    return FINDING_GROUPS.map(group => {
        const inGroup = findings.filter(f => f.type === group.type);
        return `<section class="finding-group" data-type="${group.type}"><h4>${group.heading} <span class="muted">— ${group.about} · ${inGroup.length}</span></h4>`
            + (inGroup.length ? findingList(inGroup, input) : '<p class="muted">None.</p>') + '</section>';
    }).join('');
}

function findingList(findings: ProfileFinding[], input: HtmlReportInput): string {
    const items = findings.map(f => {
        const docs = input.docsUri(f.rule);
        const rule = docs ? `<a href="${esc(docs)}">${esc(f.rule)}</a>` : esc(f.rule);
        const help = findRule(f.rule);
        return `<li class="finding ${f.severity}" data-rule="${esc(f.rule)}"><span class="severity">${f.severity}</span> <span class="message">${code(f.message)}</span>`
            + `<div class="finding-meta">${rule} · ${esc(f.place)}${f.element ? ` · <code>${esc(f.element)}</code>` : ''}</div>`
            + (help ? `<details><summary>Why it matters, and how to fix it</summary><p>${code(help.docs.why)}</p><p>${code(help.docs.fix)}</p></details>` : '')
            + '</li>';
    }).join('');
    return `<ul class="findings">${items}</ul>`;
}

/** Rule docs mark keywords with backticks; show them as code, after escaping. */
function code(text: string): string {
    return esc(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

function stageSummary(profile: IntegrationProfile): string {
    return profile.claimed && profile.claimed !== profile.supported
        ? `claims stage ${esc(profile.claimed)}, reaches ${esc(profile.supported)}` : `stage ${esc(profile.supported)}`;
}

function swatches(): string {
    return Object.entries(SECTOR_COLOURS).map(([sector, colours]) => `.swatch-${sector} { background: ${colours.solid}; }`).join('\n');
}

/** Arrangement names are identifiers, so they make safe fragment ids. */
function anchor(name: string): string {
    return `arrangement-${name}`;
}
