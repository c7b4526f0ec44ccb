import { openedAndClosed } from '../checking/fingerprint.js';
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
 * Matches the arrangement's findings by fingerprint (checking/fingerprint.ts, as
 * `joinery diff` does): both profiles must be built from fingerprinted findings.
 */
export function changeSince(now: IntegrationProfile, before: IntegrationProfile | undefined): ArrangementChange {
    if (!before) return { isNew: true, opened: now.findings, closed: [], stillOpen: 0 };
    const { opened, closed } = openedAndClosed(before.findings, now.findings);
    return { isNew: false, opened, closed, stillOpen: now.findings.length - opened.length, before: before.maturity };
}
