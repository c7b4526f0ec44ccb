import { findRule } from '../rules/registry.js';
import { count } from '../rules/wording.js';
import { code, esc } from './html-parts.js';
import { FINDING_GROUPS, type AcceptedRisk, type IntegrationProfile, type ProfileFinding } from './integration-profile.js';

export type DocsUri = (rule: string) => string | undefined;

/** Every finding, grouped by integration type (seed 001, Table 3), with why it matters and how to fix it. */
export function findingGroups(findings: ProfileFinding[], docsUri: DocsUri): string {
    if (findings.length === 0) return '<h3>Findings by integration type</h3><p class="ok">No findings.</p>';
    return '<h3>Findings by integration type</h3>' + FINDING_GROUPS.map(group => {
        const inGroup = findings.filter(f => f.type === group.type);
        return `<section class="finding-group" data-type="${group.type}"><h4>${group.heading} <span class="muted">— ${group.about} · ${inGroup.length}</span></h4>`
            + (inGroup.length ? findingList(inGroup, docsUri) : '<p class="muted">None.</p>') + '</section>';
    }).join('');
}

export function findingList(findings: ProfileFinding[], docsUri: DocsUri): string {
    const items = findings.map(f => {
        const help = findRule(f.rule);
        return `<li class="finding ${f.severity}" data-rule="${esc(f.rule)}">${findingHead(f, docsUri)}`
            + (help ? `<details><summary>Why it matters, and how to fix it</summary><p>${code(help.docs.why)}</p><p>${code(help.docs.fix)}</p></details>` : '')
            + '</li>';
    }).join('');
    return `<ul class="findings">${items}</ul>`;
}

/**
 * Findings that suppression comments silenced, and findings a baseline records as
 * known: a board accepts these risks knowingly, so each shows its reason and where
 * the suppression is written, or the baseline that holds it.
 */
export function acceptedRisks(profile: IntegrationProfile, docsUri: DocsUri): string {
    const intro = '<p class="muted">Findings silenced by a <code>joinery-ignore</code> comment, each with the reason given, '
        + 'and findings recorded as known in a baseline (<code>--baseline FILE</code>), which the check holds back. Both still count against the maturity profile.</p>';
    if (profile.accepted.length === 0) return `<section class="accepted"><h3>Accepted risks</h3>${intro}<p>No finding of this arrangement is suppressed or baselined.</p></section>`;
    const items = profile.accepted.map((risk: AcceptedRisk) => `<li class="accepted-risk ${risk.severity}" data-rule="${esc(risk.rule)}">${findingHead(risk, docsUri)}`
        + (risk.baseline !== undefined
            ? `<p class="reason"><strong>Accepted as known:</strong> recorded in the baseline <code>${esc(risk.baseline)}</code></p></li>`
            : `<p class="reason"><strong>Accepted because:</strong> ${risk.reason ? code(risk.reason) : '<span class="gap">no reason given</span>'} <span class="muted">(suppressed at ${esc(risk.suppressedAt ?? '')})</span></p></li>`)).join('');
    return `<section class="accepted"><h3>Accepted risks <span class="muted">· ${count(profile.accepted.length, 'finding')}</span></h3>${intro}<ul class="findings">${items}</ul></section>`;
}

function findingHead(f: ProfileFinding, docsUri: DocsUri): string {
    const docs = docsUri(f.rule);
    const rule = docs ? `<a href="${esc(docs)}">${esc(f.rule)}</a>` : esc(f.rule);
    return `<span class="severity">${f.severity}</span> <span class="message">${code(f.message)}</span>`
        + `<div class="finding-meta">${rule} · ${esc(f.place)}${f.element ? ` · <code>${esc(f.element)}</code>` : ''}</div>`;
}
