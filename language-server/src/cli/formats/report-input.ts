import type { Finding } from '../../findings/finding.js';

/** What every output format receives. */
export interface CheckResult {
    findings: Finding[];
    fileCount: number;
    /** Turns a finding's URI into the path shown (relative to the current folder, `/` separators). */
    displayPath(uri: string): string;
    color: boolean;
}

export function countBySeverity(findings: Finding[]): { error: number; warning: number; info: number } {
    const counts = { error: 0, warning: 0, info: 0 };
    for (const finding of findings) counts[finding.severity]++;
    return counts;
}
