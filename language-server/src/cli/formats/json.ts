import type { Range } from 'vscode-languageserver';
import { countBySeverity, type CheckResult } from './report-input.js';

/** CLI.md's `--format json`: one document, zero-based LSP ranges; each finding's fingerprint; with `--baseline`, what it held back. */
export function formatJson(result: CheckResult): string {
    // Thousands of findings name the same few files.
    const paths = new Map<string, string>();
    const displayPath = (uri: string) => {
        let path = paths.get(uri);
        if (path === undefined) paths.set(uri, path = result.displayPath(uri));
        return path;
    };
    // Properties left undefined are left out by JSON.stringify, in the same order as those written.
    const findings = result.findings.map(f => ({
        file: displayPath(f.uri),
        range: jsonRange(f.range),
        severity: f.severity,
        rule: f.rule,
        message: f.message,
        arrangement: f.arrangement || undefined,
        element: f.element || undefined,
        related: f.related?.length ? f.related.map(r => ({ file: displayPath(r.uri), range: jsonRange(r.range), message: r.message })) : undefined,
        fingerprint: f.fingerprint || undefined
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
