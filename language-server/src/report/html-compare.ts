import { count } from '../rules/wording.js';
import type { ArrangementChange } from './compare.js';
import type { DocsUri } from './html-findings.js';
import { code, esc } from './html-parts.js';
import type { IntegrationProfile, ProfileFinding } from './integration-profile.js';

/** "Since the last review": the findings opened and closed, matched by fingerprint. */
export function changeSection(profile: IntegrationProfile, change: ArrangementChange | undefined, baseline: string | undefined, docsUri: DocsUri): string {
    if (!change) return '';
    const heading = `<h3>Since the last review <span class="muted">· compared with ${esc(baseline ?? 'the earlier model')}</span></h3>`;
    if (change.isNew) return `<section class="change" data-change="new">${heading}<p>The earlier model has no arrangement named <code>${esc(profile.name)}</code>: every finding below is new.</p></section>`;
    const summary = `<p class="headline"><span data-count="opened">${count(change.opened.length, 'finding')} opened</span> · <span data-count="closed">${change.closed.length} closed</span> · <span data-count="still-open">${change.stillOpen} still open</span></p>`;
    const opened = `<h4>Opened</h4>${change.opened.length ? changed(change.opened, 'opened', docsUri) : '<p class="ok">None.</p>'}`;
    const closed = `<h4>Closed</h4>${change.closed.length ? changed(change.closed, 'closed', docsUri) : '<p>None.</p>'}`;
    return `<section class="change" data-change="compared">${heading}${summary}<p class="muted">The maturity radar below shows the profile now and at the last review on one chart.</p>${opened}${closed}</section>`;
}

function changed(findings: readonly ProfileFinding[], kind: 'opened' | 'closed', docsUri: DocsUri): string {
    return `<ul class="changed-findings ${kind}">${findings.map(f => {
        const docs = docsUri(f.rule);
        const rule = docs ? `<a href="${esc(docs)}">${esc(f.rule)}</a>` : esc(f.rule);
        return `<li class="changed-finding ${f.severity}" data-rule="${esc(f.rule)}"><span class="severity">${kind === 'closed' ? `was ${f.severity}` : f.severity}</span> `
            + `<span class="message">${code(f.message)}</span><div class="finding-meta">${rule}${f.element ? ` · <code>${esc(f.element)}</code>` : ''}${kind === 'opened' ? ` · ${esc(f.place)}` : ''}</div></li>`;
    }).join('')}</ul>`;
}
