/**
 * Text from a model shown to a person (a finding's message, a report, a map, a
 * terminal): characters that change how the text displays rather than what it says
 * are written visibly as `[U+XXXX]`:
 *
 * - C0 and C1 control characters and DEL: ESC starts terminal sequences (a title
 *   could erase earlier lines of a CI log, write the clipboard with OSC 52, add links),
 *   and XML allows none of them, so one in a title made the SVG invalid;
 * - the bidirectional controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069),
 *   which make text read differently from how it is parsed ("Trojan Source");
 * - lone surrogates, which no UTF-8 output can carry.
 *
 * Tab and line breaks are left for each output to lay out.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The bidirectional control characters (Trojan Source, CVE-2021-42574). */
export const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

const HAS_INVISIBLE = new RegExp(INVISIBLE.source);

export function visibleText(text: string): string {
    return HAS_INVISIBLE.test(text) ? text.replace(INVISIBLE, codeOf) : text;
}

/** `[U+202E]`: how an invisible character is written. */
export function codeOf(char: string): string {
    return `[U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}]`;
}

const BIDI_NAMES: Record<string, string> = {
    '\u061C': 'ARABIC LETTER MARK', '\u200E': 'LEFT-TO-RIGHT MARK', '\u200F': 'RIGHT-TO-LEFT MARK',
    '\u202A': 'LEFT-TO-RIGHT EMBEDDING', '\u202B': 'RIGHT-TO-LEFT EMBEDDING', '\u202C': 'POP DIRECTIONAL FORMATTING',
    '\u202D': 'LEFT-TO-RIGHT OVERRIDE', '\u202E': 'RIGHT-TO-LEFT OVERRIDE', '\u2066': 'LEFT-TO-RIGHT ISOLATE',
    '\u2067': 'RIGHT-TO-LEFT ISOLATE', '\u2068': 'FIRST STRONG ISOLATE', '\u2069': 'POP DIRECTIONAL ISOLATE'
};

/** `U+202E (RIGHT-TO-LEFT OVERRIDE)`. */
export function describeBidiControl(char: string): string {
    return `${codeOf(char).slice(1, -1)} (${BIDI_NAMES[char] ?? 'bidirectional control'})`;
}
