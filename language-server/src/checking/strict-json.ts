import { getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';

export type StrictJson =
    | { tree: Node; value: unknown }
    | { error: string; offset: number; length: number };

/**
 * JSON as `joinery.json` is written (no comments, no trailing commas), read by
 * jsonc-parser: the value with its tree, so that a problem can point at the key it
 * is about, or the first syntax error with where it is. The CLI and the editor
 * read the file through this one function, so they reject the same files.
 */
export function parseStrictJson(text: string): StrictJson {
    const errors: ParseError[] = [];
    const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
    if (errors.length > 0 || !tree) {
        const first = errors[0];
        return { error: first ? printParseErrorCode(first.error) : 'ValueExpected', offset: first?.offset ?? 0, length: Math.max(1, first?.length ?? 1) };
    }
    return { tree, value: getNodeValue(tree) };
}

/** `line 3, column 5` (both from 1) of an offset in the text. */
export function lineAndColumn(text: string, offset: number): string {
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}
