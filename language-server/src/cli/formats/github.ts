import type { CheckResult } from './report-input.js';
import { terminalText } from '../../findings/terminal-text.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=RULE::message`, the file from the repository root (`--root`). */
export function formatGithub(result: CheckResult): string {
    return result.findings.map(f => {
        const properties = [
            `file=${escapeProperty(result.rootedPath(f.uri).path)}`,
            `line=${f.range.start.line + 1}`, `col=${f.range.start.character + 1}`,
            `endLine=${f.range.end.line + 1}`, `endColumn=${f.range.end.character + 1}`,
            `title=${escapeProperty(f.rule)}`
        ];
        return `::${COMMAND[f.severity]} ${properties.join(',')}::${escapeData(f.message)}\n`;
    }).join('');
}

// GitHub's own escaping rules for workflow command data and properties.
function escapeData(text: string): string {
    // Control characters shown visibly first: the log is read in a terminal-like viewer.
    return terminalText(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
