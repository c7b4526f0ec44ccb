import { describeStage } from '../analysis/stage-support.js';
import { count } from '../rules/wording.js';
import { formatAmount, share } from './figures.js';
import { code, esc, severityCounts } from './html-parts.js';
import { countBySeverity, FINDING_GROUPS, type ActorVoice, type IntegrationProfile } from './integration-profile.js';

/**
 * The summary a board reads first: voice, votes and money as three separate
 * facts (reaching a board is not voting on it, and neither is controlling its
 * money), then the stage and the findings.
 */
export function glanceCards(profile: IntegrationProfile): string {
    return `<h3 class="glance-heading">At a glance</h3>
<div class="glance">
${voiceCard(profile)}
${votesCard(profile)}
${moneyCard(profile)}
${stageCard(profile)}
${findingsCard(profile)}
</div>`;
}

function voiceCard(profile: IntegrationProfile): string {
    const { voice } = profile.facts;
    const named = (voices: ActorVoice[]) => voices.map(v => esc(v.title)).join(', ');
    const of = (kind: ActorVoice['voice']) => profile.voices.filter(v => v.voice === kind);
    const silenced = profile.voices.filter(v => v.withoutVoice);
    const rows = [
        of('sits').length ? `<li><strong>Sit on a board without a vote:</strong> ${named(of('sits'))}</li>` : '',
        of('channel').length ? `<li><strong>Have a channel to a board:</strong> ${named(of('channel'))}</li>` : '',
        of('route').length ? `<li><strong>Reach a board through others:</strong> ${named(of('route'))}</li>` : '',
        silenced.length ? `<li class="gap"><strong>No voice at any board:</strong> ${named(silenced)}</li>` : ''
    ].filter(Boolean).join('');
    const headline = voice.nonStatutory === 0
        ? '<p class="headline">No third-sector, independent or community actor takes part</p>'
        : `<p class="headline${silenced.length ? ' gap' : ''}">${voice.nonStatutoryReaching} of ${count(voice.nonStatutory, 'non-statutory actor')} ${voice.nonStatutory === 1 ? 'reaches' : 'reach'} a board</p>`;
    return `<div class="card glance-voice"><h4>Who reaches a board</h4>${headline}
<p>${voice.reaching} of ${count(voice.involved, 'involved actor')} ${voice.involved === 1 ? 'has' : 'have'} a route to a board. A route is a voice, not a vote.</p>${rows ? `<ul>${rows}</ul>` : ''}</div>`;
}

function votesCard(profile: IntegrationProfile): string {
    const { votes } = profile.facts;
    if (votes.seats === 0) return '<div class="card glance-votes"><h4>Who votes</h4><p class="headline gap">No board has voting members</p></div>';
    const outside = votes.outsideStatutory;
    const headline = outside === 0
        ? `All ${count(votes.seats, 'vote')} are held by the statutory sector`
        : `${outside} of ${count(votes.seats, 'vote')} (${share(outside / votes.seats)}) sit outside the statutory sector`;
    const voters = votes.voters.map(v => `<li>${esc(v.title)} <span class="muted">(${esc(v.sector ?? 'no sector')})</span>: <span class="figure">${count(v.seats, 'vote')}</span></li>`).join('');
    return `<div class="card glance-votes"><h4>Who votes</h4><p class="headline${outside === 0 ? ' gap' : ''}">${headline}</p>
<p>Share of votes outside the statutory sector: <strong class="figure" data-share="votes">${share(votes.seats ? outside / votes.seats : 0)}</strong>.</p><ul>${voters}</ul></div>`;
}

function moneyCard(profile: IntegrationProfile): string {
    const { money } = profile.facts;
    if (money.budgets === 0) return '<div class="card glance-money"><h4>Who controls the money</h4><p class="headline">No budget in the model</p></div>';
    const total = profile.totals.budget === undefined ? count(profile.totals.budgets, 'budget') : `${formatAmount(profile.totals.budget)} across ${count(profile.totals.budgets, 'budget')}`;
    const top = money.bySector[0];
    const headline = top ? `The ${esc(top.sector)} sector controls ${share(top.share)}` : 'No budget has a holder with a say';
    const bySector = money.bySector.map(p => `${esc(p.sector)} ${share(p.share)}`).join(', ');
    const held = profile.budgets.map(b => `<li>${esc(b.title)}${b.amount === undefined ? '' : ` <span class="figure">${formatAmount(b.amount)}</span>`}: ${b.heldBy ? `held by ${esc(b.heldBy)}` : '<span class="gap">held by nobody</span>'}</li>`).join('');
    return `<div class="card glance-money"><h4>Who controls the money</h4><p class="headline">${headline}</p>
<p>of ${esc(total)}${profile.budgetsWeighted ? ', weighted by amount' : ', counted equally'}${bySector ? ` (${bySector})` : ''}. Share controlled outside the statutory sector: <strong class="figure" data-share="money">${share(money.outsideStatutory)}</strong>.${money.unplaced > 0 ? ` <span class="gap">${share(money.unplaced)} is held by nobody with a vote.</span>` : ''}</p><ul>${held}</ul></div>`;
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
    const accepted = profile.accepted.length ? `<p>${count(profile.accepted.length, 'finding')} accepted as a risk (suppressed with a reason, or baselined).</p>` : '';
    return `<div class="card glance-findings"><h4>Findings</h4><p class="headline">${severityCounts(counts)}</p>
<ul>${byType.map(g => `<li>${g.heading}: ${g.n}</li>`).join('')}</ul>${accepted}</div>`;
}
