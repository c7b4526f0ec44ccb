import { AstUtils, CstUtils, GrammarUtils, type AstNode } from 'langium';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { isArrangement, type Arrangement } from '../generated/ast.js';

/** One text edit and the file it applies to. */
export interface FileEdit {
    uri: string;
    edit: TextEdit;
}

/**
 * The text edits quick fixes make, computed from the CST: new lines are inserted
 * between existing lines (indented like their neighbours), and a replacement
 * covers exactly one token, so nothing outside the edit changes.
 *
 * New lines after `anchor`, indented like it; each `\n` in `lines` starts another.
 */
export function lineAfter(anchor: AstNode, lines: string): FileEdit {
    const { text, eol } = fileOf(anchor);
    const cst = anchor.$cstNode!;
    const indent = lineIndentation(text, cst.offset);
    const line = lines.replaceAll('\n', eol + indent);
    const lineEnd = endOfLine(text, cst.end);
    const rest = text.slice(cst.end, lineEnd);
    if (/^\s*(\/\/.*|\/\*.*\*\/\s*)?$/.test(rest)) return insert(anchor, lineEnd, `${eol}${indent}${line}`);
    // Something else follows on the same line: the new line goes between them.
    const next = cst.end + rest.length - rest.trimStart().length;
    return replace(anchor, cst.end, next, `${eol}${indent}${line}${eol}${indent}`);
}

/** New lines in the arrangement: after the last of `after` if any, else after its last element, else before its `}`. */
export function lineInArrangement(arrangement: Arrangement, lines: string, after: readonly AstNode[] = []): FileEdit {
    const anchor = after[after.length - 1] ?? arrangement.elements[arrangement.elements.length - 1];
    if (anchor?.$cstNode) return lineAfter(anchor, lines);
    const { text, eol } = fileOf(arrangement);
    const cst = arrangement.$cstNode!;
    const outer = lineIndentation(text, cst.offset);
    const inner = `${outer}  `;
    const line = lines.replaceAll('\n', eol + inner);
    const closing = GrammarUtils.findNodesForKeyword(cst, '}').at(-1);
    if (!closing) return insert(arrangement, cst.end, ` {${eol}${inner}${line}${eol}${outer}}`);
    let start = closing.offset;
    while (start > 0 && /\s/.test(text[start - 1])) start--;
    return replace(arrangement, start, closing.offset, `${eol}${inner}${line}${eol}${outer}`);
}

/** A new line before the line where `anchor` starts, indented like it (a top-level declaration before an arrangement). */
export function lineBefore(anchor: AstNode, line: string): FileEdit {
    const { text, eol } = fileOf(anchor);
    const offset = anchor.$cstNode!.offset;
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    return insert(anchor, lineStart, `${lineIndentation(text, offset)}${line}${eol}`);
}

/** `name` added to a list property (`advisory A, B` → `advisory A, B, name`), or the property added when the list is empty. */
export function addToList(node: AstNode, references: ReadonlyArray<{ $refNode?: { end: number } }>, keyword: string, name: string): FileEdit {
    const last = references[references.length - 1]?.$refNode;
    return last ? insert(node, last.end, `, ${name}`) : appendToBody(node, `${keyword} ${name}`);
}

/** `words` added at the end of a declaration's body, giving it a body if it has none. */
export function appendToBody(node: AstNode, words: string): FileEdit {
    const cst = node.$cstNode!;
    const closing = GrammarUtils.findNodesForKeyword(cst, '}').at(-1);
    if (!closing) return insert(node, cst.end, ` { ${words} }`);
    const before = CstUtils.getPreviousNode(closing, false) ?? closing;
    return insert(node, before.end, ` ${words}`);
}

/** Replaces one token (a stage, a misspelt name) in the file of `node`. */
export function replaceToken(node: AstNode, token: { offset: number; end: number }, text: string): FileEdit {
    return replace(node, token.offset, token.end, text);
}

/** How `target` is written from inside `from`: plainly, or as `Arrangement.Element` when it lives in another arrangement. */
export function referenceText(target: AstNode & { name: string }, from: Arrangement): string {
    const owner = AstUtils.getContainerOfType(target.$container, isArrangement);
    return owner && owner !== from ? `${owner.name}.${target.name}` : target.name;
}

/** A title as a Joinery string, with `\` and `"` escaped. */
export function quoted(text: string): string {
    return `"${text.replace(/[\\"]/g, '\\$&')}"`;
}

export function workspaceEdit(edits: readonly FileEdit[]): WorkspaceEdit {
    const changes: Record<string, TextEdit[]> = {};
    for (const { uri, edit } of edits) (changes[uri] ??= []).push(edit);
    return { changes };
}

function fileOf(node: AstNode): { text: string; eol: string } {
    const text = AstUtils.getDocument(node).textDocument.getText();
    return { text, eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

function insert(node: AstNode, offset: number, text: string): FileEdit {
    return replace(node, offset, offset, text);
}

function replace(node: AstNode, start: number, end: number, newText: string): FileEdit {
    const document = AstUtils.getDocument(node);
    const range = { start: document.textDocument.positionAt(start), end: document.textDocument.positionAt(end) };
    return { uri: document.uri.toString(), edit: { range, newText } };
}

/** The white space that starts the line holding `offset`. */
function lineIndentation(text: string, offset: number): string {
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}

function endOfLine(text: string, offset: number): number {
    const newline = text.indexOf('\n', offset);
    if (newline < 0) return text.length;
    return text[newline - 1] === '\r' ? newline - 1 : newline;
}
