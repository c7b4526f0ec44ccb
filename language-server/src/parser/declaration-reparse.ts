import type { AstNode, CstNode, ParseResult } from 'langium';

/** Langium 4.4's CST nodes keep their places in these fields; the shift below moves them. */
interface LeafPlace {
    _offset: number;
    _startLine: number;
    _startColumn: number;
    _endLine: number;
    _endColumn: number;
}

interface CompositePlace {
    content: CstNode[];
    _rangeCache?: unknown;
}

interface ModelNode extends AstNode {
    declarations: AstNode[];
}

/**
 * The parse of `text`, made from the parse of the text it was edited from when the
 * edit falls within one top-level declaration's braces: that declaration is parsed
 * on its own (by `parse`, the whole-file parser, on its text alone) and the others are
 * moved into the new tree as they are, the ones after it shifted to their new places.
 * A full parse of `text` gives an equal tree (test/parser/declaration-reparse.test.ts).
 * An edit in a 2,000-line model no longer parses 2,000 lines, and the tree that
 * survives each edit is one declaration, not the whole file.
 *
 * It gives nothing, and the caller parses the whole text, unless the tree before and
 * the declaration now parse without an error: only then is each declaration's parse
 * independent of the others' (recovery from an error can reach across declarations).
 * The declarations moved belong to the new tree from then on; the tree before keeps
 * its own list of them, which is what a comparison with the last build reads.
 */
export function reparseDeclaration(previous: ParseResult, text: string, parse: (text: string) => ParseResult): ParseResult | undefined {
    if (previous.lexerErrors.length > 0 || previous.parserErrors.length > 0 || (previous.lexerReport?.diagnostics.length ?? 0) > 0) return undefined;
    const model = previous.value as ModelNode;
    const rootCst = model.$cstNode;
    if (!rootCst || !Array.isArray(model.declarations)) return undefined;
    const before = rootCst.root.fullText;
    const edit = changedSpan(before, text);
    if (!edit) return undefined;
    const index = declarationAt(model.declarations, edit.start);
    if (index < 0) return undefined;
    const declaration = model.declarations[index].$cstNode!;
    const first = firstLeaf(declaration), last = lastLeaf(declaration);
    // The declaration's first word and its closing brace stay as they were, so the tokens around it do too.
    if (!first || !last || last.text !== '}' || edit.start < first.end || edit.oldEnd > last.offset) return undefined;
    const delta = text.length - before.length;
    const alone = parse(text.slice(declaration.offset, declaration.end + delta));
    const parsed = alone.value as ModelNode;
    if (alone.lexerErrors.length > 0 || alone.parserErrors.length > 0 || (alone.lexerReport?.diagnostics.length ?? 0) > 0) return undefined;
    if (parsed.declarations?.length !== 1 || parsed.declarations[0].$type !== model.declarations[index].$type) return undefined;
    const newRoot = parsed.$cstNode!;
    const newLast = lastLeaf(newRoot);
    if (!newLast || newLast.text !== '}' || newLast.end !== newRoot.root.fullText.length) return undefined;

    const start = first as unknown as LeafPlace;
    for (const node of (newRoot as unknown as CompositePlace).content) shift(node, declaration.offset, 0, start._startLine, start._startColumn);
    const oldEnd = last as unknown as LeafPlace, newEnd = newLast as unknown as LeafPlace;
    const lineDelta = newEnd._endLine - oldEnd._endLine, columnDelta = newEnd._endColumn - oldEnd._endColumn;

    // Where the declaration's CST sits among the root's children (it may be wrapped in one for its rule call).
    let topCst: CstNode = declaration;
    while (topCst.container && topCst.container !== rootCst) topCst = topCst.container;
    const oldChildren = (rootCst as unknown as CompositePlace).content;
    const at = oldChildren.indexOf(topCst);
    if (at < 0) return undefined;
    const after = oldChildren.slice(at + 1);
    for (const node of after) shift(node, delta, oldEnd._endLine, lineDelta, columnDelta);

    const children = [...oldChildren.slice(0, at), ...(newRoot as unknown as CompositePlace).content, ...after];
    for (const child of children) (child as { container?: CstNode }).container = newRoot;
    (newRoot as unknown as CompositePlace).content = children;
    (newRoot as unknown as CompositePlace)._rangeCache = undefined;
    (newRoot as unknown as { _text: string })._text = text;

    const declarations = [...model.declarations];
    declarations[index] = parsed.declarations[0];
    declarations.forEach((node, i) => {
        (node as { $container: AstNode }).$container = parsed;
        (node as { $containerIndex?: number }).$containerIndex = i;
    });
    parsed.declarations = declarations;
    const result: ParseResult = { value: parsed, lexerErrors: [], parserErrors: [], lexerReport: alone.lexerReport };
    partialParses.set(result, { from: previous, index, replaced: model.declarations[index] });
    return result;
}

/** A parse made by `reparseDeclaration`: from which parse, and which declaration of it was parsed again. */
export interface PartialParse {
    readonly from: ParseResult;
    /** The declaration's index, the same in both trees. */
    readonly index: number;
    /** The declaration in the tree before; every other declaration is the same object in both. */
    readonly replaced: AstNode;
}

const partialParses = new WeakMap<ParseResult, PartialParse>();

/** How `result` was made from an earlier parse, if it was (linking keeps the moved declarations' links: references/kept-links.ts). */
export function partialParseOf(result: ParseResult): PartialParse | undefined {
    return partialParses.get(result);
}

/** Where `before` and `after` differ: from the first differing character to the end of what differs, in each. */
function changedSpan(before: string, after: string): { start: number; oldEnd: number } | undefined {
    const shorter = Math.min(before.length, after.length);
    let start = 0;
    while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
    if (start === before.length && start === after.length) return undefined;
    let same = 0;
    while (same < shorter - start && before.charCodeAt(before.length - 1 - same) === after.charCodeAt(after.length - 1 - same)) same++;
    return { start, oldEnd: before.length - same };
}

/** The index of the declaration whose text holds `offset`, or -1 (between declarations, or past them all). */
function declarationAt(declarations: readonly AstNode[], offset: number): number {
    let low = 0, high = declarations.length - 1;
    while (low <= high) {
        const middle = (low + high) >> 1;
        const cst = declarations[middle].$cstNode;
        if (!cst) return -1;
        if (offset < cst.offset) high = middle - 1;
        else if (offset >= cst.end) low = middle + 1;
        else return middle;
    }
    return -1;
}

function firstLeaf(node: CstNode): CstNode | undefined {
    let current: CstNode | undefined = node;
    while (current && 'content' in current) current = (current as unknown as CompositePlace).content.find(child => !child.hidden);
    return current;
}

function lastLeaf(node: CstNode): CstNode | undefined {
    let current: CstNode | undefined = node;
    while (current && 'content' in current) {
        const content: CstNode[] = (current as unknown as CompositePlace).content;
        let i = content.length - 1;
        while (i >= 0 && content[i].hidden) i--;
        current = content[i];
    }
    return current;
}

/**
 * Moves a CST subtree by `offsetDelta` characters and `lineDelta` lines; a place on
 * `fromLine` (where the edited text ended) also moves by `columnDelta` columns.
 * Composite nodes forget the range they worked out.
 */
function shift(node: CstNode, offsetDelta: number, fromLine: number, lineDelta: number, columnDelta: number): void {
    if ('content' in node) {
        const composite = node as unknown as CompositePlace;
        if (lineDelta !== 0 || columnDelta !== 0) composite._rangeCache = undefined;
        for (const child of composite.content) shift(child, offsetDelta, fromLine, lineDelta, columnDelta);
        return;
    }
    const leaf = node as unknown as LeafPlace;
    leaf._offset += offsetDelta;
    if (leaf._startLine === fromLine) leaf._startColumn += columnDelta;
    if (leaf._endLine === fromLine) leaf._endColumn += columnDelta;
    leaf._startLine += lineDelta;
    leaf._endLine += lineDelta;
}
