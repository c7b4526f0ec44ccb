import { describeStage } from '../analysis/stage-support.js';
import { count } from '../rules/wording.js';
import { share } from './figures.js';
import { anchor, esc, severityCounts, stageSummary } from './html-parts.js';
import { countBySeverity, type IntegrationProfile } from './integration-profile.js';

/** What the file says of a model that states no version or date (the day it was last changed). */
export interface SourceFacts {
    version?: string;
    date?: string;
    /** Where they come from, in words: "the day north.joinery was last changed". */
    source: string;
}

export interface CoverInput {
    profiles: Array<{ profile: IntegrationProfile; source?: SourceFacts }>;
    fileCount: number;
    version: string;
    /** The day the report is made (YYYY-MM-DD). */
    made?: string;
    /** The earlier model compared with, when there is one. */
    baseline?: string;
}

/** The model's version and date: as the model states them, else from its file, else "not stated". */
export function versionAndDate(profile: IntegrationProfile, source?: SourceFacts): { version: string; date: string; note: string } {
    const { stated } = profile;
    const fromModel = stated.version !== undefined || stated.date !== undefined;
    return {
        version: stated.version ?? source?.version ?? 'not stated',
        date: stated.date ?? source?.date ?? 'not stated',
        note: stated.version !== undefined && stated.date !== undefined ? 'as the model states them'
            : fromModel ? `as the model states them, the rest from ${source?.source ?? 'nowhere'}`
                : source ? `from ${source.source}; the model states neither (\`version\`, \`date\`)` : 'the model states neither'
    };
}

/**
 * The first page of a board paper: each arrangement with its model's version
 * and date, the three headline facts (voice, votes, money), the stage and the
 * counts. On screen it is the top of the page, with a contents list.
 */
export function coverPage(input: CoverInput): string {
    const blocks = input.profiles.map(({ profile, source }) => {
        const when = versionAndDate(profile, source);
        const { facts } = profile;
        const counts = countBySeverity(profile.findings);
        const rows: Array<[string, string]> = [
            ['Model version', `${esc(when.version)}`],
            ['Model date', `${esc(when.date)} <span class="muted">(${esc(when.note).replace(/`([^`]+)`/g, '<code>$1</code>')})</span>`],
            ['Stage of joining-up', esc(profile.claimed && profile.claimed !== profile.supported ? `claims stage ${profile.claimed}; the model supports ${describeStage(profile.supported)}` : describeStage(profile.supported))],
            ['Reach a board', facts.voice.nonStatutory ? `${facts.voice.nonStatutoryReaching} of ${count(facts.voice.nonStatutory, 'non-statutory actor')}` : 'no non-statutory actor takes part'],
            ['Votes outside the statutory sector', facts.votes.seats ? `${facts.votes.outsideStatutory} of ${count(facts.votes.seats, 'vote')} (${share(facts.votes.outsideStatutory / facts.votes.seats)})` : 'no board has voting members'],
            ['Money controlled outside the statutory sector', facts.money.budgets ? share(facts.money.outsideStatutory) : 'no budget'],
            ['Findings', severityCounts(counts) + (profile.accepted.length ? `; ${count(profile.accepted.length, 'accepted risk')}` : '')],
            ['In the model', `${count(profile.voices.length, 'actor')}, ${count(profile.graph.nodes.filter(n => n.kind === 'forum').length, 'forum')}, ${count(profile.budgets.length, 'budget')}, ${count(profile.totals.services, 'service')}`]
        ];
        return `<div class="cover-arrangement" data-arrangement="${esc(profile.name)}"><h2 class="cover-title">${esc(profile.title)}</h2>
<dl class="cover-facts">${rows.map(([term, value]) => `<div><dt>${term}</dt><dd>${value}</dd></div>`).join('')}</dl></div>`;
    }).join('\n');
    const nav = input.profiles.length
        ? `<nav class="contents" aria-label="Arrangements"><ul>${input.profiles.map(({ profile }) => {
            const counts = countBySeverity(profile.findings);
            return `<li><a href="#${anchor(profile.name)}">${esc(profile.title)}</a> <span class="muted">${stageSummary(profile)} · ${count(counts.error, 'error')}, ${count(counts.warning, 'warning')}</span></li>`;
        }).join('')}</ul></nav>` : '<p>No arrangement was found in these files.</p>';
    return `<header class="cover">
<p class="kicker">Board paper</p>
<h1>Integration report</h1>
<p class="muted">${count(input.profiles.length, 'arrangement')} from ${count(input.fileCount, 'file')} · made ${input.made ? `on ${esc(input.made)} ` : ''}with Joinery ${esc(input.version)}${input.baseline ? ` · compared with ${esc(input.baseline)}` : ''}</p>
${blocks}
${nav}
</header>`;
}
