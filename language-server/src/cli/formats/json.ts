import { countBySeverity, type CheckResult } from './report-input.js';

/** CLI.md's `--format json`: one document, zero-based LSP ranges; each finding's fingerprint; with `--baseline`, what it held back. */
export function formatJson(result: CheckResult): string {
    const findings = result.findings.map(f => ({
        file: result.displayPath(f.uri),
        range: f.range,
        severity: f.severity,
        rule: f.rule,
        message: f.message,
        ...(f.arrangement ? { arrangement: f.arrangement } : {}),
        ...(f.element ? { element: f.element } : {}),
        ...(f.related?.length ? { related: f.related.map(r => ({ file: result.displayPath(r.uri), range: r.range, message: r.message })) } : {}),
        ...(f.fingerprint ? { fingerprint: f.fingerprint } : {})
    }));
    const baseline = result.baseline ? { baseline: { file: result.baseline.file, baselined: result.baseline.baselined, unmatched: result.baseline.unmatched } } : {};
    return JSON.stringify({ version: 1, files: result.fileCount, findings, summary: countBySeverity(result.findings), ...baseline }, null, 2) + '\n';
}
