import { describe, expect, it } from 'vitest';
import { compareFindings, sortFindings, type Finding } from '../../language-server/src/findings/finding.js';
import { random } from '../../scripts/bench/workspace-generator.mjs';

describe('sortFindings', () => {
    it('orders findings as one sort by compareFindings does, ties in the order given', () => {
        const next = random(5);
        const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
        const findings: Finding[] = Array.from({ length: 2000 }, (_, i) => {
            const line = Math.floor(next() * 5), character = Math.floor(next() * 3);
            return {
                uri: pick(['file:///w/b.joinery', 'file:///w/a.joinery', 'file:///w/a/b.joinery', 'file:///w/A.joinery', '']),
                range: { start: { line, character }, end: { line, character: character + 1 } },
                severity: pick(['error', 'warning', 'info'] as const),
                rule: pick(['semantic', 'no-board-voice', 'uninvolved-actor']),
                message: pick(['one', 'two']),
                ...(next() < 0.5 ? { arrangement: pick(['A', 'B']) } : {}),
                // Tells apart findings that compare equal, to see that their order is kept.
                element: String(i)
            };
        });
        expect(sortFindings(findings)).toEqual([...findings].sort(compareFindings));
    });
});
