import { createColors } from 'picocolors';
import { printable } from './printable.js';
import { countBySeverity, type CheckResult } from './report-input.js';
import { terminalText } from '../../findings/terminal-text.js';

/** ESLint-like: findings grouped by file, `line:col  severity  message  rule-id`, then a summary. */
export function formatStylish(result: CheckResult): string {
    const c = createColors(result.color);
    const severityText = { error: c.red('error'), warning: c.yellow('warning'), info: c.blue('info') };
    const lines: string[] = [];
    let currentFile: string | undefined;
    for (const finding of result.findings) {
        const file = result.displayPath(finding.uri);
        if (file !== currentFile) {
            if (currentFile !== undefined) lines.push('');
            lines.push(c.underline(terminalText(file)));
            currentFile = file;
        }
        const position = `${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
        const severity = severityText[finding.severity] + ' '.repeat(7 - finding.severity.length);
        lines.push(`  ${c.dim(position.padEnd(7))} ${severity}  ${terminalText(finding.message.replace(/\s*\n\s*/g, ' '))}  ${c.dim(finding.rule)}`);
    }
    const counts = countBySeverity(result.findings);
    const total = counts.error + counts.warning + counts.info;
    if (lines.length > 0) lines.push('');
    if (result.baseline) lines.push(...baselineLines(result.baseline), '');
    const summary = `${total} ${plural(total, 'finding')} (${counts.error} ${plural(counts.error, 'error')}, ${counts.warning} ${plural(counts.warning, 'warning')}, ${counts.info} info) in ${result.fileCount} ${plural(result.fileCount, 'file')}`;
    lines.push(counts.error > 0 ? c.red(c.bold(`✖ ${summary}`)) : total > 0 ? c.yellow(c.bold(`⚠ ${summary}`)) : c.green(`✔ ${summary}`));
    return lines.join('\n') + '\n';
}

type BaselineSummary = NonNullable<CheckResult['baseline']>;

/** One line on what `--baseline` held back, and how to prune what no longer matches. */
export function baselineNote(baseline: BaselineSummary): string {
    const held = `${baseline.baselined} ${plural(baseline.baselined, 'finding')} in the baseline ${baseline.file} not shown`;
    if (baseline.unmatched.length === 0) return held;
    const stale = baseline.unmatched.length;
    return `${held}; ${stale} of its ${plural(stale, 'entry', 'entries')} no longer ${stale === 1 ? 'matches' : 'match'} a finding (prune with --write-baseline ${baseline.file})`;
}

function baselineLines(baseline: BaselineSummary): string[] {
    // The entries are read from a file: never send its control characters to the terminal.
    const stale = baseline.unmatched.map(entry => printable(`  ${entry.file}  ${[entry.arrangement, entry.element].filter(Boolean).join('.') || '(no element)'}  ${entry.rule}`));
    return [baselineNote(baseline), ...stale];
}

function plural(count: number, word: string, many = `${word}s`): string {
    return count === 1 ? word : many;
}
