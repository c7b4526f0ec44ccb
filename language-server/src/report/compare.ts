import { fingerprint } from '../findings/fingerprint.js';
import type { IntegrationProfile, ProfileFinding } from './integration-profile.js';
import type { MaturityProfile } from './maturity.js';

/** What changed in an arrangement since the last review (`joinery report NEW --compare OLD`). */
export interface ArrangementChange {
    /** The old model has no arrangement of this name. */
    isNew: boolean;
    /** In the new model and not in the old, matched by fingerprint. */
    opened: ProfileFinding[];
    /** In the old model and not in the new. */
    closed: ProfileFinding[];
    stillOpen: number;
    before?: MaturityProfile;
}

/**
 * Matches findings by fingerprint (findings/fingerprint.ts), as multisets: two
 * findings with one fingerprint in the old model and three in the new open one.
 */
export function changeSince(now: IntegrationProfile, before: IntegrationProfile | undefined): ArrangementChange {
    if (!before) return { isNew: true, opened: now.findings, closed: [], stillOpen: 0 };
    const remaining = new Map<string, number>();
    for (const finding of before.findings) remaining.set(fingerprint(finding), (remaining.get(fingerprint(finding)) ?? 0) + 1);
    const opened: ProfileFinding[] = [];
    let stillOpen = 0;
    for (const finding of now.findings) {
        const key = fingerprint(finding);
        const left = remaining.get(key) ?? 0;
        if (left > 0) {
            remaining.set(key, left - 1);
            stillOpen++;
        } else {
            opened.push(finding);
        }
    }
    const closed: ProfileFinding[] = [];
    for (const finding of before.findings) {
        const key = fingerprint(finding);
        const left = remaining.get(key) ?? 0;
        if (left > 0) {
            remaining.set(key, left - 1);
            closed.push(finding);
        }
    }
    return { isNew: false, opened, closed, stillOpen, before: before.maturity };
}
