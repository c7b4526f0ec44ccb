import { codeOf, visibleText } from '../language/visible-text.js';

/**
 * Text bound for a terminal or a CI log (the stylish and github formats): every
 * control character, escape sequences' ESC first among them, and every bidi control
 * written visibly as `[U+XXXX]` (language/visible-text.ts), and a carriage return too,
 * which would take the cursor back over the line. A model's text can then neither
 * erase nor rewrite earlier output, nor reach the clipboard, nor add links.
 */
export function terminalText(text: string): string {
    return visibleText(text).replace(/\r/g, codeOf);
}
