import { describeStage } from '../analysis/stage-support.js';
import { count, listing } from '../rules/wording.js';
import { formatAmount, share } from './figures.js';
import { countBySeverity, FINDING_GROUPS, VOICE_WORDS, type IntegrationProfile, type ProfileFinding } from './integration-profile.js';
import { renderMermaid } from './mermaid.js';

export interface MarkdownReportInput {
    profiles: IntegrationProfile[];
    otherFindings: ProfileFinding[];
    fileCount: number;
    version: string;
    docsUri(rule: string): string | undefined;
}

/** The report as GitHub-flavoured Markdown; the map is a Mermaid block, which GitHub draws. */
export function renderMarkdownReport(input: MarkdownReportInput): string {
    const parts = [`# Integration report`, '', `${count(input.profiles.length, 'arrangement')} from ${count(input.fileCount, 'file')} · Joinery ${md(input.version)}`, ''];
    if (input.profiles.length === 0) parts.push('No arrangement was found in these files.', '');
    // Line by line, never spread: a report can hold hundreds of thousands of lines, more than a call's arguments.
    for (const profile of input.profiles) for (const line of arrangement(profile, input)) parts.push(line);
    if (input.otherFindings.length) {
        parts.push('## Outside any arrangement', '');
        for (const line of findingLines(input.otherFindings, input)) parts.push(line);
        parts.push('');
    }
    return parts.join('\n');
}

function arrangement(profile: IntegrationProfile, input: MarkdownReportInput): string[] {
    const counts = countBySeverity(profile.findings);
    const { facts } = profile;
    const silenced = profile.voices.filter(v => v.withoutVoice);
    const claim = profile.claimed === undefined ? 'No stage is claimed.'
        : profile.missingForClaim.length === 0 ? `Its claim of stage ${md(profile.claimed)} holds.`
            : `Claims stage ${md(profile.claimed)}; missing: ${profile.missingForClaim.map(r => `${r.description} (stage ${r.stage})`).join('; ')}.`;
    const lines = [
        `## ${md(profile.title)}`, '',
        `Arrangement \`${profile.name}\` in ${md(profile.place)}.`, '',
        `- **Stage of joining-up:** reaches ${md(describeStage(profile.supported))}. ${claim}`,
        `- **Who reaches a board:** ${facts.voice.nonStatutory === 0 ? 'no third-sector, independent or community actor takes part'
            : `${facts.voice.nonStatutoryReaching} of ${count(facts.voice.nonStatutory, 'non-statutory actor')}${silenced.length ? `; no voice at any board for ${md(listing(silenced.map(v => v.title)))}` : ''}`}.`,
        `- **Who votes:** ${facts.votes.seats === 0 ? 'no board has voting members' : `${facts.votes.outsideStatutory} of ${count(facts.votes.seats, 'vote')} (${share(facts.votes.outsideStatutory / facts.votes.seats)}) outside the statutory sector`}.`,
        `- **Who controls the money:** ${profile.power.filter(p => p.budgetShare > 0).map(p => `${p.sector} ${share(p.budgetShare)}`).join(', ') || 'no budget with a holder'}${facts.money.budgets ? `; ${share(facts.money.outsideStatutory)} outside the statutory sector` : ''}.`,
        `- **Findings:** ${count(counts.error, 'error')}, ${count(counts.warning, 'warning')}, ${counts.info} info.`, '',
        '### Stage ladder', '',
        '| Stage | | Shown by the model | Requirements |', '|---|---|---|---|',
        ...[...profile.stages].reverse().map(rung => `| ${rung.stage}${rung.claimed ? ' (claimed)' : ''}${rung.stage === profile.supported ? ' (reached)' : ''} | ${md(rung.name)} | ${rung.supported ? 'yes' : 'no'} | `
            + `${[...rung.requirements.map(r => `${r.met ? '✓' : '✗'} ${r.skipping ? 'or, skipping 3 to 5: ' : ''}${r.description}`), ...(rung.blockedBy ? [`✗ builds on stage ${rung.blockedBy}, not reached`] : [])].join('<br>')} |`),
        '', '### Power map', '',
        '| Sector | Voting seats on boards | Budget control | Services delivered |', '|---|---:|---:|---:|',
        ...profile.power.map(p => `| ${p.sector} | ${p.votingSeats} | ${share(p.budgetShare)} | ${p.servicesDelivered} (${share(p.serviceShare)}) |`),
        `| **All** | ${profile.totals.votingSeats} | ${profile.totals.budget === undefined ? count(profile.totals.budgets, 'budget') : formatAmount(profile.totals.budget)} | ${count(profile.totals.services, 'service')} |`,
        '', '| Actor | Sector | Voting seats on boards | Budget control | Services delivered |', '|---|---|---:|---:|---:|',
        ...profile.actorPower.map(p => `| ${md(p.title)} | ${p.sector ?? ''} | ${p.votingSeats} | ${share(p.budgetShare)} | ${p.servicesDelivered} (${share(p.serviceShare)}) |`),
        '', '### Who has a voice', '',
        '| Actor | Sector | Votes | Voice | Route to the board |', '|---|---|---:|---|---|',
        ...profile.voices.map(v => `| ${md(v.title)} | ${v.sector ?? ''} | ${v.votes || ''} | ${v.withoutVoice ? '**no voice at any board**' : VOICE_WORDS[v.voice]} | `
            + `${md(v.voice === 'route' ? [...v.through, v.board ?? ''].join(' → ') : v.board ?? '')} |`),
        '', '### Who holds the money', '',
        '| Budget | Kind | Amount | Held by | Controlled by a board | Funds |', '|---|---|---:|---|---|---|',
        ...profile.budgets.map(b => `| ${md(b.title)} | ${b.kind ?? ''} | ${b.amount === undefined ? '' : formatAmount(b.amount)} | ${b.heldBy ? md(b.heldBy) : '**nobody**'} | ${md(listing(b.controlledBy))} | ${md(listing(b.funds))} |`),
        '', '### Integration map', '', '```mermaid', renderMermaid([profile.graph]).trimEnd(), '```', '',
        '### Findings by integration type', ''
    ];
    for (const group of FINDING_GROUPS) {
        const inGroup = profile.findings.filter(f => f.type === group.type);
        if (inGroup.length === 0) continue;
        lines.push(`#### ${group.heading} (${inGroup.length})`, '');
        for (const line of findingLines(inGroup, input)) lines.push(line);
        lines.push('');
    }
    if (profile.findings.length === 0) lines.push('No findings.', '');
    return lines;
}

function findingLines(findings: ProfileFinding[], input: MarkdownReportInput): string[] {
    return findings.map(f => {
        const docs = input.docsUri(f.rule);
        return `- **${f.severity}** ${md(f.message)} (${docs ? `[${f.rule}](${docs})` : f.rule}, ${md(f.place)})`;
    });
}

/**
 * Model text inside Markdown: HTML-significant characters as entities and
 * Markdown punctuation backslash-escaped, so titles render as the text they are
 * (in tables too).
 */
export function md(text: string): string {
    return text
        .replace(/[&<>]/g, char => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[char]!)
        .replace(/[\\`*_{}[\]#|~]/g, char => `\\${char}`);
}
