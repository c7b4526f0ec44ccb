import type { Random } from './random.js';

/**
 * Mutations of model text: what an analyst mid-edit, a bad merge or a paste from a
 * word processor does to a file. Each takes text and returns new text.
 */

const TOKEN = /"(?:\\[^\r\n]|[^"\\\r\n])*"?|\/\/[^\n\r]*|\/\*[\s\S]*?(?:\*\/|$)|[A-Za-z_][A-Za-z0-9_-]*|-?[0-9][0-9.]*[A-Za-z_]*|<->|->|\s+|./gu;
const KEYWORDS = ['actor', 'arrangement', 'domain', 'forum', 'budget', 'system', 'link', 'team', 'service', 'channel', 'referral',
    'goal', 'indicator', 'agreement', 'partners', 'voting', 'advisory', 'reports', 'to', 'controls', 'from', 'held', 'by', 'funds',
    'kind', 'sector', 'stage', 'staff', 'uses', 'delivered', 'measures', 'between', 'covers', 'board', 'third', 'pooled'];
const PUNCTUATION = ['{', '}', ',', '.', '->', '<->', '"', '/*', '*/', '//', '///', '\\', '=', ';', ':', '(', ')', '[', ']'];
/** What a word processor puts in: smart quotes, dashes, non-breaking and zero-width spaces, line and paragraph separators. */
const WORD_PROCESSOR = ['\u201c', '\u201d', '\u2018', '\u2019', '\u2013', '\u2014', '\u2026', '\u00a0', '\u200b', '\u200e', '\u200f', '\u2028', '\u2029', '\ufeff', '\u00ad', '\u2022'];
const CONTROL = ['\u0000', '\u0001', '\u0007', '\b', '\t', '\u000b', '\f', '\r', '\u001b', '\u007f', '\u0085', '\r\n', '\n\r'];
const UNICODE = ['é', 'ß', 'İ', 'ı', 'Ω', 'я', '中文', '𝔘𝔫𝔦', '🙂', '👩‍👩‍👧', 'e\u0301', '\u0300', '\ud800', '\udfff', '\ufffd', '\uffff', 'ﬁ', 'Ａ', '١٢٣', 'א'];

export function tokens(text: string): string[] {
    return text.match(TOKEN) ?? [];
}

type Mutation = (random: Random, text: string) => string;

const at = (random: Random, text: string) => random.int(0, text.length);
const insert = (text: string, offset: number, piece: string) => text.slice(0, offset) + piece + text.slice(offset);

/** Token-level edits keep the surrounding text intact, like typing does. */
function editTokens(edit: (random: Random, list: string[], index: number) => void): Mutation {
    return (random, text) => {
        const list = tokens(text);
        if (list.length === 0) return text;
        const significant = list.map((t, i) => [t, i] as const).filter(([t]) => !/^\s+$/.test(t)).map(([, i]) => i);
        const index = significant.length > 0 ? random.pick(significant) : random.int(0, list.length - 1);
        edit(random, list, index);
        return list.join('');
    };
}

export const MUTATIONS: Record<string, Mutation> = {
    deleteToken: editTokens((_random, list, i) => { list.splice(i, 1); }),
    duplicateToken: editTokens((random, list, i) => { list.splice(i, 0, list[i], random.chance(0.5) ? ' ' : ''); }),
    replaceToken: editTokens((random, list, i) => { list[i] = random.chance(0.6) ? random.pick(KEYWORDS) : random.pick(PUNCTUATION); }),
    swapTokens: editTokens((random, list, i) => {
        const j = random.int(0, list.length - 1);
        [list[i], list[j]] = [list[j], list[i]];
    }),
    deleteRange: (random, text) => {
        const start = at(random, text);
        return text.slice(0, start) + text.slice(Math.min(text.length, start + random.int(1, 200)));
    },
    duplicateRange: (random, text) => {
        const start = at(random, text);
        const piece = text.slice(start, start + random.int(1, 400));
        return insert(text, at(random, text), piece);
    },
    truncate: (random, text) => text.slice(0, at(random, text)),
    unbalancedBrace: (random, text) => insert(text, at(random, text), random.pick(['{', '}', '{{', '}}}', '{ {', '} }'])),
    unbalancedQuote: (random, text) => insert(text, at(random, text), random.pick(['"', '"\\', '\\"', '"""', '"\n"', '/*'])),
    unicode: (random, text) => insert(text, at(random, text), random.pick(UNICODE)),
    controlCharacter: (random, text) => insert(text, at(random, text), random.pick(CONTROL)),
    /** A paste from a word processor: smart quotes, dashes in arrows, odd spaces and line endings. */
    wordProcessor: (random, text) => {
        let result = text;
        if (random.chance(0.5)) result = result.replace(/"([^"\n]*)"/g, (_m, inner) => `\u201c${inner}\u201d`);
        if (random.chance(0.3)) result = result.replace(/->/g, '\u2013>');
        if (random.chance(0.3)) result = result.replace(/ /g, () => random.chance(0.1) ? '\u00a0' : ' ');
        if (random.chance(0.3)) result = result.replace(/\n/g, '\r\n');
        if (random.chance(0.1)) result = result.replace(/\n/g, '\r');
        if (random.chance(0.2)) result = '\ufeff' + result;
        return insert(result, at(random, result), random.pick(WORD_PROCESSOR));
    },
    longName: (random, text) => insert(text, at(random, text), ' ' + 'N' + 'a'.repeat(random.int(1_000, 100_000)) + ' '),
    longString: (random, text) => insert(text, at(random, text), ' "' + 'x '.repeat(random.int(1_000, 50_000)) + '" '),
    longLine: (_random, text) => text.replace(/\r?\n/g, ' '),
    deepNesting: (random, text) => {
        const depth = random.weighted([[5, random.int(3, 100)], [2, random.int(100, 10_000)], [1, random.int(10_000, 200_000)]] as const);
        const open = random.pick(['{', 'arrangement A {', 'forum F {', '{ ', '/*', '"']);
        const nested = open.repeat(depth) + (random.chance(0.5) ? '}'.repeat(depth) : '');
        return insert(text, at(random, text), nested);
    },
    /** Thousands of elements: a declaration repeated, names and all. */
    repeatDeclaration: (random, text) => {
        const match = /(?:^|\n)\s*((?:forum|team|actor|budget|system|service|channel)\b[^{}\n]*(?:\{[^{}]*\})?)/g;
        const found = [...text.matchAll(match)];
        if (found.length === 0) return text;
        const declaration = random.pick(found)[1];
        const copies = random.int(100, 3000);
        const renamed = random.chance(0.5);
        const block = Array.from({ length: copies }, (_, i) => renamed ? declaration.replace(/^(\w+\s+)(\w+)/, `$1$2_${i}`) : declaration).join('\n');
        return insert(text, at(random, text), '\n' + block + '\n');
    },
    /** Every `reports to` points at the next forum, closing a circle. */
    reportsToCycle: (_random, text) => {
        const forums = [...text.matchAll(/\bforum\s+([A-Za-z_][A-Za-z0-9_]*)/g)].map(m => m[1]);
        if (forums.length === 0) return text;
        let i = 0;
        return text.replace(/\bforum\s+([A-Za-z_][A-Za-z0-9_]*)([^{\n]*)\{/g, (_m, name, rest) => `forum ${name}${rest}{ reports to ${forums[++i % forums.length]}`);
    },
    commentFlood: (random, text) => insert(text, at(random, text), random.pick(['/**/', '//\n', '/// x\n', '/* */ ']).repeat(random.int(1_000, 60_000))),
    randomText: (random, text) => {
        const length = random.int(1, 300);
        let piece = '';
        for (let i = 0; i < length; i++) piece += String.fromCharCode(random.chance(0.8) ? random.int(32, 126) : random.int(0, 0xffff));
        return insert(text, at(random, text), piece);
    }
};

/** Rare mutations make big inputs; most inputs stay small so that many run. */
const WEIGHTS: ReadonlyArray<readonly [number, string]> = [
    [10, 'deleteToken'], [8, 'duplicateToken'], [8, 'replaceToken'], [4, 'swapTokens'], [5, 'deleteRange'], [4, 'duplicateRange'],
    [4, 'truncate'], [6, 'unbalancedBrace'], [6, 'unbalancedQuote'], [5, 'unicode'], [5, 'controlCharacter'], [4, 'wordProcessor'],
    [0.6, 'longName'], [0.4, 'longString'], [0.8, 'longLine'], [0.8, 'deepNesting'], [0.4, 'repeatDeclaration'], [2, 'reportsToCycle'],
    [0.3, 'commentFlood'], [3, 'randomText']
];

/** Applies `count` weighted random mutations; returns the text and their names. */
export function mutate(random: Random, text: string, count: number): { text: string; applied: string[] } {
    const applied: string[] = [];
    let result = text;
    for (let i = 0; i < count; i++) {
        const name = random.weighted(WEIGHTS);
        result = MUTATIONS[name](random, result);
        applied.push(name);
    }
    return { text: result, applied };
}
