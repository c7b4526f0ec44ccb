/**
 * Limits that keep one bad file from hanging or crashing the checker and the
 * editor (docs/robustness.md). Beyond them a file is a syntax finding, never a
 * hang; the other files are still checked.
 */

/** The largest model file read, in bytes: real models are a few kilobytes. */
export const MAX_MODEL_BYTES = 1024 * 1024;

/**
 * Braces nest at most two deep (an element's block inside an arrangement's); the
 * grammar has no recursion, so deeper nesting is a syntax error at the first
 * extra brace and cannot overflow the parser's stack, however deep it goes.
 */
export const MAX_NESTING_DEPTH = 2;

export function tooLargeMessage(bytes: number): string {
    return `This file is too large to check (${megabytes(bytes)}): Joinery reads model files of up to ${megabytes(MAX_MODEL_BYTES)}; split it into several files`;
}

export function utf8Length(text: string): number {
    // Cheap bounds first: a UTF-16 code unit takes one to three UTF-8 bytes.
    if (text.length * 3 <= MAX_MODEL_BYTES) return text.length;
    return Buffer.byteLength(text, 'utf-8');
}

function megabytes(bytes: number): string {
    return `${(bytes / (1024 * 1024)).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`;
}
