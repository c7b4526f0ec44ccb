import { createColors } from 'picocolors';
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
    const summary = `${total} ${plural(total, 'finding')} (${counts.error} ${plural(counts.error, 'error')}, ${counts.warning} ${plural(counts.warning, 'warning')}, ${counts.info} info) in ${result.fileCount} ${plural(result.fileCount, 'file')}`;
    lines.push(counts.error > 0 ? c.red(c.bold(`✖ ${summary}`)) : total > 0 ? c.yellow(c.bold(`⚠ ${summary}`)) : c.green(`✔ ${summary}`));
    return lines.join('\n') + '\n';
}

function plural(count: number, word: string): string {
    return count === 1 ? word : `${word}s`;
}
