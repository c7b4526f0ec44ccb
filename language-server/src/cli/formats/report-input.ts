import type { Finding } from '../../findings/finding.js';
import type { BaselineEntry } from '../../checking/baseline.js';
import type { RootedPath } from '../display-path.js';

/** What every output format receives. */
export interface CheckResult {
    findings: Finding[];
    fileCount: number;
    /** The URIs of the files reported on, with or without findings. */
    fileUris: string[];
    /** Turns a finding's URI into the path shown (relative to the current folder, `/` separators). */
    displayPath(uri: string): string;
    /** The path from the repository's root (`--root`), for the formats CI systems read. */
    rootedPath(uri: string): RootedPath;
    /** The absolute folder `--root` names (SARIF's `%SRCROOT%`). */
    root: string;
    /** A rule's documentation page on the web (https), when there is one. */
    docsUri(rule: string): string | undefined;
    color: boolean;
    /** With `--baseline`: how many findings it held back, and its entries that matched nothing. */
    baseline?: { file: string; baselined: number; unmatched: BaselineEntry[] };
}

export function countBySeverity(findings: Finding[]): { error: number; warning: number; info: number } {
    const counts = { error: 0, warning: 0, info: 0 };
    for (const finding of findings) counts[finding.severity]++;
    return counts;
}
