import * as crypto from 'node:crypto';
import { URI } from 'langium';
import type { LangiumSharedCoreServices } from 'langium';
import type { Finding } from '../findings/finding.js';
import { findRule } from '../rules/registry.js';

/**
 * The version of the fingerprint scheme; a baseline file records it (a baseline
 * written under another scheme would match nothing, so it is refused, not used).
 */
export const FINGERPRINT_VERSION = 1;

/**
 * A stable identity for each finding, so that a baseline or a review of a change can
 * tell the same gap from a new one: from the rule, the arrangement and the element's
 * name (or, where one element carries several of a rule's findings, the rule's own
 * subject: the sector, the pair of systems) and, for a model error, the text it
 * points at; never from the line or the message. It survives edits elsewhere, reordering, re-titling and
 * moving the declaration to another file. Findings on no element also carry their
 * file's name. Findings that would still be alike are numbered in order of position.
 * Give the whole workspace's findings, sorted (`compareFindings`), so that the
 * numbering does not depend on which files are reported. `projectOf` names the
 * project (below the root) a finding's file belongs to, as a path from the root:
 * two projects may hold the same names, so their findings are told apart by it;
 * the root project's have none, and keep the fingerprints they had before projects.
 */
export function withFingerprints(shared: LangiumSharedCoreServices, findings: readonly Finding[], projectOf: (uri: string) => string = () => ''): Finding[] {
    const documents = shared.workspace.LangiumDocuments;
    const textAt = (finding: Finding) => {
        if (!finding.uri || !documents.hasDocument(URI.parse(finding.uri))) return '';
        return documents.getDocument(URI.parse(finding.uri))?.textDocument.getText(finding.range) ?? '';
    };
    const occurrences = new Map<string, number>();
    return findings.map(finding => {
        const project = projectOf(finding.uri);
        const identity = [...identityOf(finding, textAt), ...(project ? [project] : [])].join('\u0000');
        const occurrence = occurrences.get(identity) ?? 0;
        occurrences.set(identity, occurrence + 1);
        const fingerprint = sha256(`${identity}\u0000${occurrence}`).slice(0, 24);
        return { ...finding, fingerprint };
    });
}

/** Node's one-call hash where it has one (20.12 on): a hash object per finding cost twice as much on 55,000 findings. */
const sha256: (text: string) => string = typeof crypto.hash === 'function'
    ? text => crypto.hash('sha256', text, 'hex')
    : text => crypto.createHash('sha256').update(text).digest('hex');

function identityOf(finding: Finding, textAt: (finding: Finding) => string): string[] {
    // A gap rule's element (or subject) says what it is about; a model error is told apart by the text it points at.
    const text = findRule(finding.rule) ? '' : textAt(finding).replace(/\s+/g, ' ').trim().slice(0, 200);
    const file = finding.element ? '' : fileName(finding.uri);
    return [finding.rule, finding.arrangement ?? '', finding.subject ?? finding.element ?? '', text, file];
}

function fileName(uri: string): string {
    return uri.slice(uri.lastIndexOf('/') + 1);
}

/**
 * The findings `after` opens and the ones it closes against `before`, matched by
 * fingerprint (give both as `withFingerprints` returns them): `joinery diff` and
 * the report's "since the last review" both ask this.
 */
export function openedAndClosed<F extends Finding>(before: readonly F[], after: readonly F[]): { opened: F[]; closed: F[] } {
    const beforePrints = new Set(before.map(finding => finding.fingerprint));
    const afterPrints = new Set(after.map(finding => finding.fingerprint));
    return {
        opened: after.filter(finding => !beforePrints.has(finding.fingerprint)),
        closed: before.filter(finding => !afterPrints.has(finding.fingerprint))
    };
}
