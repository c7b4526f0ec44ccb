import type { Severity } from '../../findings/finding.js';
import type { CheckResult } from './report-input.js';

/** GitLab's code quality severities (info, minor, major, critical, blocker). */
const SEVERITY: Record<Severity, string> = { error: 'major', warning: 'minor', info: 'info' };

/**
 * GitLab code quality (a CodeClimate-style JSON array, `artifacts:reports:codequality`):
 * one issue per finding with its description, rule as `check_name`, the finding's
 * fingerprint, a severity and its place from the repository root (`--root`).
 */
export function formatGitlab(result: CheckResult): string {
    const issues = result.findings.map(finding => ({
        type: 'issue',
        description: finding.message,
        check_name: finding.rule,
        fingerprint: finding.fingerprint ?? '',
        severity: SEVERITY[finding.severity],
        location: {
            path: result.rootedPath(finding.uri).path,
            lines: { begin: finding.range.start.line + 1, end: finding.range.end.line + 1 }
        }
    }));
    return JSON.stringify(issues, null, 2) + '\n';
}
