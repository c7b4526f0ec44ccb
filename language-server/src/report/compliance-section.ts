import type { ArrangementModel } from '../analysis/arrangement-model.js';
import type { RequirementStatus } from '../analysis/compliance.js';
import { titleOf } from '../analysis/membership.js';
import { citationOf } from '../profiles/profile.js';
import { escapeMarkup as esc } from './markup.js';

/** One profiled forum (or arrangement) against its statutory profile, as the report shows it. */
export interface ComplianceChecklist {
    /** The forum's or arrangement's name and title. */
    name: string;
    title: string;
    subjectKind: 'forum' | 'arrangement';
    profileId: string;
    /** Absent when no profile has that id (a model error says so). */
    profile?: { title: string; kind: 'law' | 'standard'; citation: string; url: string; version: string; unconfirmed: number };
    items: Array<{ title: string; citation: string; status: RequirementStatus; detail: string; evidence: string[] }>;
    met: number;
    unmet: number;
    notModelled: number;
}

/** The checklists of an arrangement's profiled forums, read from its derived model. */
export function complianceChecklists(model: ArrangementModel): ComplianceChecklist[] {
    return model.compliance.map(compliance => {
        const { subject, profile } = compliance;
        return {
            name: subject.name,
            title: titleOf(subject),
            subjectKind: subject.$type === 'Forum' ? 'forum' : 'arrangement',
            profileId: subject.profile ?? '',
            ...(profile ? {
                profile: {
                    title: profile.title, kind: profile.kind, citation: profile.instrument.citation, url: profile.instrument.url,
                    version: profile.version, unconfirmed: profile.unconfirmed.length
                }
            } : {}),
            items: compliance.results.map(result => ({
                title: result.requirement.title,
                citation: profile ? citationOf(profile, result.requirement) : result.requirement.section,
                status: result.status,
                detail: result.detail,
                evidence: result.status === 'met' ? result.meetsBy.map(node => titleOf(node as { name?: string; title?: string })) : []
            })),
            met: compliance.met, unmet: compliance.unmet, notModelled: compliance.notModelled
        };
    });
}

const STATUS: Record<RequirementStatus, { mark: string; words: string; css: string }> = {
    met: { mark: '✓', words: 'met', css: 'ok' },
    unmet: { mark: '✗', words: 'not met', css: 'gap' },
    'not-modelled': { mark: '·', words: 'not checked', css: 'muted' }
};

/**
 * The report's compliance section of one arrangement: for each profiled forum a
 * checklist of its profile's requirements, each met or not, with the members or
 * forums that meet it. Empty when nothing in the arrangement names a profile.
 * Every piece of model or profile text goes through `esc`.
 */
export function complianceSection(checklists: readonly ComplianceChecklist[]): string {
    if (checklists.length === 0) return '';
    const blocks = checklists.map(checklist => {
        const heading = `<h4>${esc(checklist.title)} <span class="muted">— ${checklist.subjectKind} <code>${esc(checklist.name)}</code>, profile <code>${esc(checklist.profileId)}</code></span></h4>`;
        const { profile } = checklist;
        if (!profile) return `${heading}<p class="gap">No profile has the id <code>${esc(checklist.profileId)}</code>: nothing was checked.</p>`;
        const source = `<p>${esc(profile.title)}: ${profile.kind === 'standard' ? 'a standard, not law' : 'law'} — <a href="${esc(profile.url)}">${esc(profile.citation)}</a>, as at ${esc(profile.version)}.`
            + ` <strong>${checklist.met} of ${checklist.items.length} requirements met</strong>${checklist.unmet ? `, <span class="gap">${checklist.unmet} not met</span>` : ''}`
            + `${checklist.notModelled ? `, <span class="muted">${checklist.notModelled} not checked</span>` : ''}.`
            + `${profile.unconfirmed ? ` <span class="muted">The profile lists ${profile.unconfirmed} point${profile.unconfirmed === 1 ? '' : 's'} it could not confirm from the instrument's text.</span>` : ''}</p>`;
        const rows = checklist.items.map(item => {
            const status = STATUS[item.status];
            const shown = item.status === 'met' && item.evidence.length ? `Met by ${item.evidence.map(esc).join(', ')}` : esc(item.detail);
            return `<tr data-status="${item.status}"><td class="${status.css}">${status.mark} ${status.words}</td><th scope="row">${esc(item.title)}</th><td>${esc(item.citation)}</td><td>${shown}</td></tr>`;
        }).join('');
        return `<section class="compliance" data-profile="${esc(checklist.profileId)}" data-subject="${esc(checklist.name)}">${heading}${source}`
            + `<table class="compliance-table"><thead><tr><th>Status</th><th>Requirement</th><th>Where</th><th>What the model shows</th></tr></thead><tbody>${rows}</tbody></table></section>`;
    }).join('\n');
    return `<h3>Statutory compliance</h3>\n<p class="muted">Each forum that names a profile, against the law or standard that constitutes it (docs/profiles.md).</p>\n${blocks}`;
}
