import type { Finding } from '../findings/finding.js';
import { FINGERPRINT_VERSION } from './fingerprint.js';

/**
 * A baseline file (`joinery check --write-baseline FILE`): the findings a repository
 * already had when it adopted Joinery, by fingerprint, so that `--baseline FILE`
 * reports only new ones. Versioned JSON, sorted for quiet diffs:
 *
 *     { "format": "joinery-baseline", "version": 1,
 *       "findings": [{ "fingerprint": "…", "rule": "…", "arrangement": "…", "element": "…", "file": "…" }] }
 *
 * `version` is the fingerprint scheme's (checking/fingerprint.ts): a baseline of
 * another version would match nothing, so it is refused rather than read. `rule`,
 * `arrangement`, `element` and `file` (relative to the baseline's folder) are for
 * people reading or pruning the file; only `fingerprint` is matched.
 */
export const BASELINE_FORMAT = 'joinery-baseline';

export interface BaselineEntry {
    fingerprint: string;
    rule: string;
    arrangement?: string;
    element?: string;
    file: string;
}

export function baselineText(findings: readonly Finding[], fileOf: (uri: string) => string): string {
    const entries = new Map<string, BaselineEntry>();
    for (const finding of findings) {
        if (!finding.fingerprint) continue;
        entries.set(finding.fingerprint, {
            fingerprint: finding.fingerprint, rule: finding.rule,
            ...(finding.arrangement ? { arrangement: finding.arrangement } : {}),
            ...(finding.element ? { element: finding.element } : {}),
            file: fileOf(finding.uri)
        });
    }
    const sorted = [...entries.values()].sort((a, b) => order(a).localeCompare(order(b)));
    return JSON.stringify({ format: BASELINE_FORMAT, version: FINGERPRINT_VERSION, findings: sorted }, null, 2) + '\n';
}

function order(entry: BaselineEntry): string {
    return [entry.file, entry.rule, entry.arrangement ?? '', entry.element ?? '', entry.fingerprint].join('\u0000');
}

/** The entries of a baseline file's text, or what is wrong with it (empty, truncated, not a baseline, another version). */
export function parseBaseline(text: string): BaselineEntry[] | string {
    if (text.trim() === '') return 'is empty';
    let parsed: unknown;
    try {
        parsed = JSON.parse(text);
    } catch (error) {
        return `is not valid JSON (${(error as Error).message}): truncated?`;
    }
    const document = parsed as { format?: unknown; version?: unknown; findings?: unknown };
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || document.format !== BASELINE_FORMAT) {
        return `is not a Joinery baseline (no "format": "${BASELINE_FORMAT}")`;
    }
    if (document.version !== FINGERPRINT_VERSION) {
        return `is a baseline of version ${JSON.stringify(document.version)}, and this Joinery reads version ${FINGERPRINT_VERSION}`;
    }
    if (!Array.isArray(document.findings)) return 'has no "findings" list';
    const entries: BaselineEntry[] = [];
    for (const [index, entry] of document.findings.entries()) {
        const { fingerprint, rule, file } = (entry ?? {}) as Partial<BaselineEntry>;
        if (typeof fingerprint !== 'string' || !/^[0-9a-f]{8,64}$/.test(fingerprint) || typeof rule !== 'string' || typeof file !== 'string') {
            return `has a malformed entry (findings[${index}] needs a hexadecimal "fingerprint", a "rule" and a "file")`;
        }
        entries.push(entry as BaselineEntry);
    }
    return entries;
}

export interface BaselineOutcome {
    /** The reported findings that the baseline does not hold: the ones to show and count. */
    fresh: Finding[];
    baselined: number;
    /** Entries that match no finding of the workspace any more: the file can be pruned. */
    unmatched: BaselineEntry[];
}

/**
 * Splits the reported findings by the baseline. Entries are matched against every
 * finding of the loaded workspace, so reporting on some files only (`--workspace`)
 * does not make the other files' entries look stale.
 */
export function applyBaseline(reported: readonly Finding[], workspace: readonly Finding[], entries: readonly BaselineEntry[]): BaselineOutcome {
    const known = new Set(entries.map(entry => entry.fingerprint));
    const present = new Set(workspace.map(finding => finding.fingerprint));
    const fresh = reported.filter(finding => !finding.fingerprint || !known.has(finding.fingerprint));
    return {
        fresh,
        baselined: reported.length - fresh.length,
        unmatched: entries.filter(entry => !present.has(entry.fingerprint))
    };
}
