import type { LangiumDocument } from 'langium';
import { elementAt } from '../checking/suppression.js';
import type { Finding } from '../findings/finding.js';
import { findRule } from '../rules/registry.js';
import type { FileEdit } from './model-edits.js';

/**
 * "Suppress <rule> for <element>…": a `// joinery-ignore <rule>: ` line directly
 * before the declaration the finding is about (RULES.md: the line before the
 * element; before a top-level actor it holds in every arrangement), above the
 * element's `///` documentation so that stays its documentation. The reason is
 * left for the analyst to write: the VS Code client and the playground turn this
 * edit into a snippet with the cursor on the reason; other editors insert the
 * line as it is, and `suppression-without-reason` asks for the reason until given.
 */
export function suppressionEdit(finding: Finding, document: LangiumDocument): { title: string; edit: FileEdit } | undefined {
    if (!findRule(finding.rule)) return undefined; // model errors are never suppressed
    const element = elementAt(document, finding);
    const cst = element?.$cstNode;
    const name = (element as { name?: unknown } | undefined)?.name;
    if (!cst || typeof name !== 'string') return undefined;
    const text = document.textDocument.getText();
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const lineStart = text.lastIndexOf('\n', cst.offset - 1) + 1;
    const before = text.slice(lineStart, cst.offset);
    const title = `Suppress ${finding.rule} for ${name}…`;
    const directive = `// joinery-ignore ${finding.rule}: `;
    if (/\S/.test(before)) {
        // The declaration shares its line with what comes before: it moves to a line of its own under the comment.
        const indent = `${/^[ \t]*/.exec(before)![0]}  `;
        const at = document.textDocument.positionAt(cst.offset);
        return { title, edit: { uri: document.uri.toString(), edit: { range: { start: at, end: at }, newText: `${eol}${indent}${directive}${eol}${indent}` } } };
    }
    const lines = text.slice(0, lineStart).split(/\r?\n/);
    lines.pop(); // the part after the last newline is the declaration's own line
    let line = document.textDocument.positionAt(cst.offset).line;
    while (line > 0 && lines[line - 1]?.trimStart().startsWith('///')) line--;
    const at = { line, character: 0 };
    return { title, edit: { uri: document.uri.toString(), edit: { range: { start: at, end: at }, newText: `${before}${directive}${eol}` } } };
}
