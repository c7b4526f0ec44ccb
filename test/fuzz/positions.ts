import type { Position, Range } from 'vscode-languageserver-protocol';
import type { Random } from './random.js';

/**
 * Where an analyst's cursor might be: mostly on or next to a word, sometimes
 * anywhere, past the end of a line or past the end of the file.
 */
export function randomPosition(random: Random, text: string): Position {
    const lines = text.split(/\r\n|\r|\n/);
    if (random.chance(0.7)) {
        const words = [...text.matchAll(/[A-Za-z_][A-Za-z0-9_]*|"|\{|\}|->/g)];
        if (words.length > 0) {
            const word = random.pick(words);
            return positionAt(text, word.index + random.int(0, word[0].length));
        }
    }
    if (random.chance(0.1)) return { line: lines.length + random.int(0, 3), character: random.int(0, 5) };
    const line = random.int(0, lines.length - 1);
    return { line, character: random.int(0, lines[line].length + (random.chance(0.1) ? 10 : 0)) };
}

export function randomRange(random: Random, text: string): Range {
    const a = randomPosition(random, text);
    const b = randomPosition(random, text);
    return a.line < b.line || (a.line === b.line && a.character <= b.character) ? { start: a, end: b } : { start: b, end: a };
}

export function positionAt(text: string, offset: number): Position {
    let line = 0, lineStart = 0;
    for (let i = 0; i < offset && i < text.length; i++) {
        const char = text[i];
        if (char === '\n' || (char === '\r' && text[i + 1] !== '\n')) {
            line++;
            lineStart = i + 1;
        }
    }
    return { line, character: Math.min(offset, text.length) - lineStart };
}
