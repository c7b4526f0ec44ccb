import { createColors } from 'picocolors';
import type { Finding, Severity } from '../../findings/finding.js';
import { md } from '../../report/markdown.js';
import { printable } from './printable.js';
import { countBySeverity } from './report-input.js';

/** A finding of one side of `joinery diff`, with its path from that side's folder. */
export interface DiffFinding {
    finding: Finding;
    file: string;
}

export interface DiffResult {
    old: { folder: string; files: number };
    new: { folder: string; files: number };
    /** In NEW and not in OLD (by fingerprint), as NEW has them. */
    opened: DiffFinding[];
    /** In OLD and not in NEW, as OLD had them. */
    closed: DiffFinding[];
    unchanged: number;
    /** What the reader should know about the comparison itself (an empty folder, no file in common). */
    notes: string[];
    docsUri(rule: string): string | undefined;
    color: boolean;
}

export function formatDiffJson(result: DiffResult): string {
    const entry = ({ finding, file }: DiffFinding) => ({
        file, range: finding.range, severity: finding.severity, rule: finding.rule, message: finding.message,
        ...(finding.arrangement ? { arrangement: finding.arrangement } : {}),
        ...(finding.element ? { element: finding.element } : {}),
        fingerprint: finding.fingerprint
    });
    return JSON.stringify({
        version: 1,
        old: result.old, new: result.new,
        opened: result.opened.map(entry), closed: result.closed.map(entry), unchanged: result.unchanged,
        summary: { opened: countBySeverity(result.opened.map(d => d.finding)), closed: countBySeverity(result.closed.map(d => d.finding)) },
        notes: result.notes
    }, null, 2) + '\n';
}

export function formatDiffStylish(result: DiffResult): string {
    const c = createColors(result.color);
    const severityText: Record<Severity, string> = { error: c.red('error'), warning: c.yellow('warning'), info: c.blue('info') };
    const lines: string[] = [...result.notes.map(note => c.dim(note))];
    if (lines.length) lines.push('');
    for (const [title, findings] of [['Opened', result.opened], ['Closed', result.closed]] as const) {
        if (findings.length === 0) continue;
        lines.push(c.bold(`${title} (${findings.length})`));
        for (const { finding, file } of findings) {
            const place = `${file}:${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
            lines.push(`  ${severityText[finding.severity]}${' '.repeat(8 - finding.severity.length)}${printable(finding.message.replace(/\s*\n\s*/g, ' '))}  ${c.dim(finding.rule)}  ${c.dim(printable(place))}`);
        }
        lines.push('');
    }
    const opened = countBySeverity(result.opened.map(d => d.finding));
    const summary = `${describe(result.opened.length, opened)} opened, ${result.closed.length} closed, ${result.unchanged} unchanged`;
    lines.push(opened.error > 0 ? c.red(c.bold(`✖ ${summary}`)) : result.opened.length > 0 ? c.yellow(c.bold(`⚠ ${summary}`)) : c.green(`✔ ${summary}`));
    return lines.join('\n') + '\n';
}

/** Markdown to paste as a pull-request comment: the counts, then what is opened, then what is closed, each with its rule's page. */
export function formatDiffMarkdown(result: DiffResult): string {
    const opened = countBySeverity(result.opened.map(d => d.finding));
    const closed = countBySeverity(result.closed.map(d => d.finding));
    const lines = [
        `### Joinery: ${result.opened.length} ${plural(result.opened.length, 'finding')} opened, ${result.closed.length} closed`, '',
        ...result.notes.map(note => `> ${md(note)}`), ...(result.notes.length ? [''] : []),
        '| | errors | warnings | info |', '|---|---:|---:|---:|',
        `| opened | ${opened.error} | ${opened.warning} | ${opened.info} |`,
        `| closed | ${closed.error} | ${closed.warning} | ${closed.info} |`, '',
        `${result.unchanged} ${plural(result.unchanged, 'finding')} unchanged.`, ''
    ];
    for (const [title, findings] of [['Opened', result.opened], ['Closed', result.closed]] as const) {
        if (findings.length === 0) continue;
        lines.push(`#### ${title}`, '');
        for (const { finding, file } of findings) {
            const docs = result.docsUri(finding.rule);
            const rule = docs ? `[\`${finding.rule}\`](${docs})` : `\`${finding.rule}\``;
            lines.push(`- **${finding.severity}** ${rule} ${md(`${file}:${finding.range.start.line + 1}`)}: ${md(finding.message.replace(/\s*\n\s*/g, ' '))}`);
        }
        lines.push('');
    }
    return lines.join('\n');
}

function describe(total: number, counts: { error: number; warning: number; info: number }): string {
    return `${total} (${counts.error} ${plural(counts.error, 'error')}, ${counts.warning} ${plural(counts.warning, 'warning')}, ${counts.info} info)`;
}

function plural(count: number, word: string): string {
    return count === 1 ? word : `${word}s`;
}
