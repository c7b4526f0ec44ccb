import { countBySeverity, type CheckResult } from './report-input.js';

/** CLI.md's `--format json`: one document, zero-based LSP ranges. */
export function formatJson(result: CheckResult): string {
    const findings = result.findings.map(f => ({
        file: result.displayPath(f.uri),
        range: f.range,
        severity: f.severity,
        rule: f.rule,
        message: f.message,
        ...(f.arrangement ? { arrangement: f.arrangement } : {}),
        ...(f.element ? { element: f.element } : {}),
        ...(f.related?.length ? { related: f.related.map(r => ({ file: result.displayPath(r.uri), range: r.range, message: r.message })) } : {})
    }));
    return JSON.stringify({ version: 1, files: result.fileCount, findings, summary: countBySeverity(result.findings) }, null, 2) + '\n';
}
