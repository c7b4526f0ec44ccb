import { AstUtils, CstUtils, GrammarAST, type AstNode, type Grammar, type LangiumDocument, type LeafCstNode } from 'langium';
import type { Formatter, LangiumServices } from 'langium/lsp';
import type { DocumentFormattingParams, DocumentRangeFormattingParams, FormattingOptions, Range, TextEdit } from 'vscode-languageserver';
import { isModel } from '../generated/ast.js';

/**
 * The house style, changing only the white space between tokens, so that no
 * token and no comment is ever lost or moved past another:
 * - declarations start a line; a body written over several lines (and every
 *   arrangement body) gets one property or element per line, indented one level;
 *   a body written on one line stays on one line (`{ owner NHSL }`);
 * - one space between the words of a property, none before `,` or around the `.`
 *   of a qualified name; a list broken after a comma stays broken there;
 * - at most one blank line in a row, none after `{` or before `}`;
 * - a comment stays where it is: a trailing comment keeps its spacing, a comment
 *   on its own line is indented like the line that follows it.
 * Formatting is idempotent, and a file with syntax errors is left alone.
 */
export class JoineryFormatter implements Formatter {
    private readonly propertyKeywords: Set<GrammarAST.Keyword>;

    constructor(services: LangiumServices) {
        this.propertyKeywords = propertyKeywords(services.Grammar);
    }

    formatDocument(document: LangiumDocument, params: DocumentFormattingParams): TextEdit[] {
        return this.layout(document, params.options);
    }

    formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): TextEdit[] {
        // The white space before the range's first token (its indentation) counts as part of the range.
        const { start, end } = params.range;
        return this.layout(document, params.options).filter(edit => edit.range.end.line >= start.line && edit.range.start.line <= end.line);
    }

    formatDocumentOnType(): TextEdit[] {
        return [];
    }

    get formatOnTypeOptions(): undefined {
        return undefined;
    }

    private layout(document: LangiumDocument, options: FormattingOptions): TextEdit[] {
        const { parseResult, textDocument } = document;
        const root = parseResult.value.$cstNode;
        if (!root || parseResult.lexerErrors.length > 0 || parseResult.parserErrors.length > 0) return [];
        const text = textDocument.getText();
        const leaves = CstUtils.flattenCst(root).toArray();
        if (leaves.length === 0) return [];
        const eol = text.includes('\r\n') ? '\r\n' : '\n';
        const unit = options.insertSpaces === false ? '\t' : ' '.repeat(options.tabSize || 2);
        const multiline = multilineBodies(leaves, text);
        const nextTokens = nextTokenIndex(leaves);
        const edits: TextEdit[] = [];
        const replace = (from: number, to: number, wanted: string) => {
            if (text.slice(from, to) !== wanted) edits.push({ range: rangeOf(document, from, to), newText: wanted });
        };
        const lineBreak = (gap: string, level: number, keepBlank: boolean) =>
            eol.repeat(keepBlank && newlineCount(gap) > 1 ? 2 : 1) + unit.repeat(Math.max(0, level));

        const open: LeafCstNode[] = [];
        let previous: LeafCstNode | undefined;
        let previousToken: LeafCstNode | undefined;
        leaves.forEach((leaf, index) => {
            const from = previous ? previous.end : 0;
            const gap = text.slice(from, leaf.offset);
            if (!previous) {
                replace(0, leaf.offset, '');
                // A file may start with its first declaration: the tokens after it follow that keyword.
                if (!leaf.hidden) previousToken = leaf;
            } else if (leaf.hidden) {
                if (newlineCount(gap) === 0) {
                    replace(from, leaf.offset, gap.length > 0 ? gap : ' '); // a trailing comment keeps its place
                } else {
                    // A comment on its own line is indented like the line that follows it (inside a body it closes).
                    const next = leaves[nextTokens[index]] as LeafCstNode | undefined;
                    const wanted = !next ? { level: 0 } : next.text === '}' ? { level: open.length } : this.separator(previousToken, next, open, multiline, gap);
                    replace(from, leaf.offset, lineBreak(gap, wanted.level ?? open.length + 1, true));
                }
            } else {
                if (leaf.text === '}') open.pop();
                const wanted = this.separator(previousToken, leaf, open, multiline, gap);
                const afterLineComment = previous.hidden && previous.text.startsWith('//');
                const besideBlockComment = previous.hidden && !afterLineComment && newlineCount(gap) === 0;
                if (wanted.level !== undefined && !besideBlockComment) {
                    replace(from, leaf.offset, lineBreak(gap, wanted.level, wanted.keepBlank ?? false));
                } else if (afterLineComment) {
                    replace(from, leaf.offset, lineBreak(gap, open.length + 1, false));
                } else {
                    replace(from, leaf.offset, wanted.space ?? ' ');
                }
                if (leaf.text === '{') open.push(leaf);
                previousToken = leaf;
            }
            previous = leaf;
        });
        replace(previous!.end, text.length, eol);
        return edits;
    }

    /**
     * What goes between two tokens, given the braces open at the second: a new
     * line at `level` (keeping one blank line where the author left one, if
     * `keepBlank`), or `space` on the same line.
     */
    private separator(before: LeafCstNode | undefined, token: LeafCstNode, open: LeafCstNode[], multiline: Multiline, gap: string):
        { level?: number; keepBlank?: boolean; space?: string } {
        const depth = open.length;
        const body = open[depth - 1];
        if (!before || startsTopLevel(token)) return { level: 0, keepBlank: true };
        if (token.text === '.' || before.text === '.' || token.text === ',') return { space: '' };
        if (before.text === ',') return newlineCount(gap) > 0 ? { level: depth + 1 } : { space: ' ' };
        // A `}` is always a declaration's own: its `{` has the same AST node.
        if (token.text === '}') return multiline.owners.has(token.astNode) ? { level: depth } : { space: ' ' };
        if (before.text === '{') return multiline.bodies.has(before) ? { level: depth } : { space: ' ' };
        if (body && this.startsProperty(token)) return multiline.bodies.has(body) ? { level: depth, keepBlank: true } : { space: ' ' };
        return { space: ' ' };
    }

    private startsProperty(token: LeafCstNode): boolean {
        if (GrammarAST.isKeyword(token.grammarSource) && this.propertyKeywords.has(token.grammarSource)) return true;
        const node = token.astNode;
        return node.$containerProperty === 'elements' && node.$cstNode?.offset === token.offset;
    }
}

/** A declaration at the top of the file begins with this token. */
function startsTopLevel(token: LeafCstNode): boolean {
    const node = token.astNode;
    return isModel(node.$container) && node.$cstNode?.offset === token.offset;
}

/** The `{` tokens whose bodies are laid out one property per line, and the declarations they belong to. */
interface Multiline {
    bodies: Set<LeafCstNode>;
    owners: Set<AstNode>;
}

/** Bodies written over several lines, and every non-empty arrangement body. */
function multilineBodies(leaves: LeafCstNode[], text: string): Multiline {
    const result: Multiline = { bodies: new Set(), owners: new Set() };
    const open: LeafCstNode[] = [];
    let previousToken: LeafCstNode | undefined;
    for (const leaf of leaves) {
        if (leaf.hidden) continue;
        if (leaf.text === '{') open.push(leaf);
        else if (leaf.text === '}') {
            const opening = open.pop();
            const spansLines = opening && newlineCount(text.slice(opening.end, leaf.offset)) > 0;
            const arrangementWithContent = opening?.astNode.$type === 'Arrangement' && previousToken !== opening;
            if (opening && (spansLines || arrangementWithContent)) {
                result.bodies.add(opening);
                result.owners.add(opening.astNode);
            }
        }
        previousToken = leaf;
    }
    return result;
}

/** For each leaf, the index of the next token that is not a comment (`leaves.length` when none). */
function nextTokenIndex(leaves: LeafCstNode[]): number[] {
    const next = new Array<number>(leaves.length);
    let following = leaves.length;
    for (let i = leaves.length - 1; i >= 0; i--) {
        next[i] = following;
        if (!leaves[i].hidden) following = i;
    }
    return next;
}

/** The keywords that open a property inside a declaration's `{ … }` (`kind`, `held`, `merged`, …). */
function propertyKeywords(grammar: Grammar): Set<GrammarAST.Keyword> {
    const result = new Set<GrammarAST.Keyword>();
    for (const group of AstUtils.streamAllContents(grammar).filter(GrammarAST.isGroup)) {
        const [open, body, close] = group.elements;
        if (group.elements.length !== 3 || !isKeyword(open, '{') || !isKeyword(close, '}')) continue;
        const alternatives = GrammarAST.isAlternatives(body) ? body.elements : [body];
        for (const alternative of alternatives) {
            const first = GrammarAST.isGroup(alternative) ? alternative.elements[0] : alternative;
            const keyword = GrammarAST.isAssignment(first) ? first.terminal : first;
            if (GrammarAST.isKeyword(keyword)) result.add(keyword);
        }
    }
    return result;
}

function isKeyword(element: GrammarAST.AbstractElement | undefined, value: string): boolean {
    return GrammarAST.isKeyword(element) && element.value === value;
}

function newlineCount(gap: string): number {
    return gap.split('\n').length - 1;
}

function rangeOf(document: LangiumDocument, from: number, to: number): Range {
    return { start: document.textDocument.positionAt(from), end: document.textDocument.positionAt(to) };
}
