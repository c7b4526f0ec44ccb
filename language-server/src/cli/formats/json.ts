import type { Range } from 'vscode-languageserver';
import { countBySeverity, type CheckResult } from './report-input.js';

/** CLI.md's `--format json`: one document, zero-based LSP ranges; each finding's fingerprint; with `--baseline`, what it held back. */
export function formatJson(result: CheckResult): string {
    const findings = result.findings.map(f => ({
        file: result.displayPath(f.uri),
        range: jsonRange(f.range),
        severity: f.severity,
        rule: f.rule,
        message: f.message,
        ...(f.arrangement ? { arrangement: f.arrangement } : {}),
        ...(f.element ? { element: f.element } : {}),
        ...(f.related?.length ? { related: f.related.map(r => ({ file: result.displayPath(r.uri), range: jsonRange(r.range), message: r.message })) } : {}),
        ...(f.fingerprint ? { fingerprint: f.fingerprint } : {})
    }));
    const baseline = result.baseline ? { baseline: { file: result.baseline.file, baselined: result.baseline.baselined, unmatched: result.baseline.unmatched } } : {};
    return JSON.stringify({ version: 1, files: result.fileCount, findings, summary: countBySeverity(result.findings), ...baseline }, null, 2) + '\n';
}

/**
 * A range with its positions' keys in one order, `character` then `line`, as the
 * output has always had them (Langium 3 built its source ranges that way; Langium 4
 * puts `line` first), so the output does not change with how Langium builds them.
 */
function jsonRange(range: Range): { start: { character: number; line: number }; end: { character: number; line: number } } {
    return {
        start: { character: range.start.character, line: range.start.line },
        end: { character: range.end.character, line: range.end.line }
    };
}
