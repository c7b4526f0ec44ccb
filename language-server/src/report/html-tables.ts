import { count, listing } from '../rules/wording.js';
import { formatAmount, share } from './figures.js';
import { code, esc } from './html-parts.js';
import { VOICE_WORDS, type ActorVoice, type IntegrationProfile } from './integration-profile.js';
import { powerChartSvg } from './power-chart.js';

/** The stage ladder beside the power map: how far the arrangement joins up, and who gets what. */
export function stageAndPower(profile: IntegrationProfile): string {
    return `<div class="columns">
<section class="ladder"><h3>Stage of joining-up</h3>${stageLadder(profile)}</section>
<section class="power"><h3>Power map</h3>${powerTable(profile)}
<figure>${powerChartSvg(profile.power, `Power map of ${profile.title}`, `power-${profile.name}`)}</figure></section>
</div>`;
}

/** Who has a voice and who holds the money, in full. */
export function voiceAndMoneyTables(profile: IntegrationProfile): string {
    return `<h3>Who has a voice</h3>
${voiceTable(profile.voices)}
<h3>Who holds the money</h3>
${budgetTable(profile)}`;
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
    return `<p class="muted">Stages of joining-up (seed 004). 6a, 6b, 6c and 7 each build on 5; 6a may skip 3 to 5 when a lead agency has taken the work over. ✓ marks what the model shows, ✗ what it does not.</p><ol class="stage-ladder">${rungs}</ol>`;
}

function powerTable(profile: IntegrationProfile): string {
    const rows = profile.power.map(p => `<tr data-sector="${esc(p.sector)}"><th scope="row"><span class="swatch swatch-${esc(p.sector)}"></span>${esc(p.sector)}</th>`
        + `<td>${p.votingSeats}</td><td>${share(p.budgetShare)}</td><td>${p.servicesDelivered} <span class="muted">(${share(p.serviceShare)})</span></td></tr>`).join('');
    const { totals } = profile;
    return `<table class="power-table"><thead><tr><th scope="col">Sector</th><th scope="col">Voting seats on boards</th><th scope="col">Budget control</th><th scope="col">Services delivered</th></tr></thead>
<tbody>${rows}</tbody><tfoot><tr><th scope="row">All</th><td>${totals.votingSeats}</td><td>${totals.budget === undefined ? count(totals.budgets, 'budget') : esc(formatAmount(totals.budget))}</td><td>${count(totals.services, 'service')}</td></tr></tfoot></table>
<p class="muted">A board's budget is split by its voting seats${profile.budgetsWeighted ? '; budgets weighted by amount' : '; budgets counted equally (not every budget states an amount)'}. A service counts once for each sector that delivers it.</p>
${actorPowerTable(profile)}`;
}

/** The same figures per actor, so that one member with a vote does not stand for a sector whose deliverers have none. */
function actorPowerTable(profile: IntegrationProfile): string {
    if (profile.actorPower.length === 0) return '';
    const rows = profile.actorPower.map(p => `<tr data-actor="${esc(p.name)}"><th scope="row">${esc(p.title)}</th><td>${esc(p.sector ?? '')}</td>`
        + `<td>${p.votingSeats}</td><td>${share(p.budgetShare)}</td><td>${p.servicesDelivered} <span class="muted">(${share(p.serviceShare)})</span></td></tr>`).join('');
    return `<table class="power-table power-actors"><thead><tr><th scope="col">Actor</th><th scope="col">Sector</th><th scope="col">Voting seats on boards</th><th scope="col">Budget control</th><th scope="col">Services delivered</th></tr></thead>
<tbody>${rows}</tbody></table>
<p class="muted">Per actor: a service counts once for each actor that delivers it, a delivering team as its staff.</p>`;
}

function voiceTable(voices: ActorVoice[]): string {
    const rows = voices.map(v => `<tr class="${v.withoutVoice ? 'gap-row' : ''}"><th scope="row">${esc(v.title)}</th><td>${esc(v.sector ?? '')}</td>`
        + `<td>${v.votes || ''}</td><td>${v.withoutVoice ? '<strong class="gap">no voice at any board</strong>' : esc(VOICE_WORDS[v.voice])}</td>`
        + `<td>${v.voice === 'route' ? `${esc(v.through.join(' → '))} → ${esc(v.board ?? '')}` : v.voice !== 'none' ? esc(v.board ?? '') : ''}</td>`
        + `<td>${esc(listing(v.budgetsHeld))}</td></tr>`).join('');
    return `<table class="voice-table"><thead><tr><th scope="col">Actor</th><th scope="col">Sector</th><th scope="col">Votes</th><th scope="col">Voice</th><th scope="col">Route to the board</th><th scope="col">Budgets held</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function budgetTable(profile: IntegrationProfile): string {
    if (profile.budgets.length === 0) return '<p>No budget in the model.</p>';
    const rows = profile.budgets.map(b => `<tr><th scope="row">${esc(b.title)}</th><td>${esc(b.kind ?? '')}</td><td>${b.amount === undefined ? '' : esc(formatAmount(b.amount))}</td>`
        + `<td>${b.heldBy ? esc(b.heldBy) : '<span class="gap">nobody</span>'}</td><td>${esc(listing(b.controlledBy))}</td><td>${esc(listing(b.funds))}</td></tr>`).join('');
    return `<table class="budget-table"><thead><tr><th scope="col">Budget</th><th scope="col">Kind</th><th scope="col">Amount</th><th scope="col">Held by</th><th scope="col">Controlled by a board</th><th scope="col">Funds</th></tr></thead><tbody>${rows}</tbody></table>`;
}
