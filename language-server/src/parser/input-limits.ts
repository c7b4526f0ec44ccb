/**
 * Limits that keep one bad file from hanging or crashing the checker and the
 * editor (docs/robustness.md). Beyond them a file is a syntax finding, never a
 * hang; the other files are still checked.
 */

/**
 * The largest model file read, in bytes: real models are a few kilobytes. At this
 * size the densest file (tens of thousands of one-line declarations) still checks
 * in a few seconds on a small machine.
 */
export const MAX_MODEL_BYTES = 512 * 1024;

/**
 * Names compared per file to suggest "did you mean" for unresolved references
 * (about 0.2 s); the references after that get no suggestion. Only files with
 * thousands of unresolved names among thousands of declarations reach it.
 */
export const MAX_SUGGESTION_COMPARISONS = 2_000_000;

/**
 * Names compared for "did you mean" in the whole workspace (about 2 s at worst),
 * shared out equally among its files: a file of a workspace of more than ten
 * files may compare this divided by their number. The share depends only on how
 * many files there are, so the CLI and the editor suggest the same names.
 */
export const WORKSPACE_SUGGESTION_COMPARISONS = 20_000_000;

/** Model errors reported per file; beyond them, one finding says how many more there are. */
export const MAX_ERRORS_PER_FILE = 1000;

/**
 * Blocks nest two deep in a model (an element's block inside an arrangement's).
 * Unclosed blocks are ordinary syntax errors up to this depth; beyond it (a
 * `forum F {` pasted 90,000 times took 16 s to check) the file is one syntax
 * error at the first brace too deep. The parser itself never recurses on braces,
 * so no depth can overflow its stack.
 */
export const MAX_BRACE_DEPTH = 100;

/** `atLeast`: the reading stopped at the limit (a stream), so the size is "more than" it. */
export function tooLargeMessage(bytes: number, atLeast = false): string {
    const size = atLeast ? `more than ${megabytes(MAX_MODEL_BYTES)}` : megabytes(bytes);
    return `This file is too large to check (${size}): Joinery reads model files of up to ${megabytes(MAX_MODEL_BYTES)}; split it into several files`;
}

/** A file with a NUL byte (or an open document with a NUL character) is not a model. */
export const NOT_TEXT_MESSAGE = 'This is not a text file (it contains NUL bytes): a model must be UTF-8 text';

export function utf8Length(text: string): number {
    // Cheap bounds first: a UTF-16 code unit takes one to three UTF-8 bytes.
    if (text.length * 3 <= MAX_MODEL_BYTES) return text.length;
    // Counted without encoding: Buffer is Node's, and the server also runs in a browser.
    let bytes = 0;
    for (let i = 0; i < text.length; i++) {
        const unit = text.charCodeAt(i);
        if (unit < 0x80) bytes += 1;
        else if (unit < 0x800) bytes += 2;
        else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { bytes += 4; i++; }
        else bytes += 3;
    }
    return bytes;
}

function megabytes(bytes: number): string {
    return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * How many characters the lexer may scan in vain: each quote or `/*` left open
 * makes it read on to the end of the line or file and then start again one
 * character later, so thousands of them on one line take minutes (100,000 `"\`
 * in a row took 88 s). Well within this budget, any real file.
 */
export const MAX_LEXER_RESCAN = 50_000_000;

export interface StructureProblem {
    offset: number;
    message: string;
}

/**
 * What would make a file too costly to parse, found in one linear pass over the
 * text as the lexer reads it (strings, comments): braces nested beyond
 * MAX_BRACE_DEPTH, or open quotes and comments beyond MAX_LEXER_RESCAN.
 */
export function structureProblem(text: string): StructureProblem | undefined {
    const stringEnds = new StringEnds(text);
    const lastCommentEnd = text.lastIndexOf('*/');
    let depth = 0;
    let rescan = 0;
    let firstOpen = -1;
    for (let i = 0; i < text.length; i++) {
        const char = text[i];
        if (char === '"') {
            const end = stringEnds.from(i + 1);
            if (end.closed) {
                i = end.at;
            } else {
                rescan += end.at - i;
                if (firstOpen < 0) firstOpen = i;
            }
        } else if (char === '/' && text[i + 1] === '/') {
            while (i + 1 < text.length && text[i + 1] !== '\n' && text[i + 1] !== '\r') i++;
        } else if (char === '/' && text[i + 1] === '*') {
            if (lastCommentEnd >= i + 2) {
                i = text.indexOf('*/', i + 2) + 1;
            } else {
                rescan += text.length - i;
                if (firstOpen < 0) firstOpen = i;
            }
        } else if (char === '{') {
            if (++depth > MAX_BRACE_DEPTH) {
                return { offset: i, message: `Braces nest more than ${MAX_BRACE_DEPTH} deep here, but blocks nest two deep in a model (an element inside an arrangement): close the blocks above. The file is not checked until then` };
            }
        } else if (char === '}' && depth > 0) {
            depth--;
        }
        if (rescan > MAX_LEXER_RESCAN) {
            return { offset: firstOpen, message: 'Too many quotes or comments are left open from here on: the lexer would rescan the rest of the line or file for each of them, for minutes. Close them; the file is not checked until then' };
        }
    }
    return undefined;
}

/**
 * Where a string that is open at a position ends: at its closing quote, or open
 * at the end of the line. Remembered for every position passed on the way, so
 * that scanning from every quote of a line is linear, not quadratic.
 */
class StringEnds {
    private memo: Int32Array | undefined;

    constructor(private readonly text: string) { }

    from(start: number): { closed: boolean; at: number } {
        const text = this.text;
        const memo = this.memo ??= new Int32Array(text.length + 1);
        const passed: number[] = [];
        let j = start;
        let result: number;
        for (;;) {
            if (memo[j] !== 0) { result = memo[j]; break; }
            if (j >= text.length || text[j] === '\n' || text[j] === '\r') { result = -(j + 1); break; }
            if (text[j] === '"') { result = j + 1; break; }
            passed.push(j);
            // As the lexer reads it: a backslash escapes the next character, but not a line break.
            j += text[j] === '\\' && j + 1 < text.length && text[j + 1] !== '\n' && text[j + 1] !== '\r' ? 2 : 1;
        }
        for (const position of passed) memo[position] = result;
        return result > 0 ? { closed: true, at: result - 1 } : { closed: false, at: -result - 1 };
    }
}
