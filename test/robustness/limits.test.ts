import { describe, expect, it } from 'vitest';
import { EmptyFileSystem } from 'langium';
import { createJoineryServices } from '../../language-server/src/joinery-module.js';
import { MAX_MODEL_BYTES } from '../../language-server/src/workspace/input-limits.js';
import { mandatoryReferences } from '../../language-server/src/workspace/joinery-parser.js';
import { isLink, type Arrangement } from '../../language-server/src/generated/ast.js';
import { checkWorkspace } from '../support/workspace.js';

/**
 * The limits of docs/robustness.md, in process: the parser guard (size, a parse
 * that cannot complete, references that error recovery left out) and findings
 * whose size does not grow with the square of the model.
 */
describe('the parser guard', () => {
    it('knows from the grammar which references every declaration of a kind has', () => {
        const { Joinery } = createJoineryServices(EmptyFileSystem);
        expect(Object.fromEntries(mandatoryReferences(Joinery.Grammar))).toEqual({
            Seat: ['actor'], Contribution: ['actor'], Link: ['from', 'to'], Channel: ['from', 'to'], Referral: ['from', 'to']
        });
    });

    it('turns a reference the parser left out into an unresolved one, reported only as the syntax error', async () => {
        const { findings, arrangement } = await checkWorkspace('actor H { sector statutory }\narrangement A { partners H system S { owner H } link S -> }\n');
        const link = (arrangement('A') as Arrangement).elements.find(isLink)!;
        expect(link.to.$refText).toBe('');
        expect(link.to.ref).toBeUndefined();
        expect(findings.filter(f => f.rule === 'syntax')).toHaveLength(1);
        expect(findings.filter(f => f.rule === 'reference')).toEqual([]);
    });

    it('reports a model over the size limit without parsing it', async () => {
        const { findings } = await checkWorkspace({ 'big.joinery': 'actor A { sector third }\n'.repeat(Math.ceil(MAX_MODEL_BYTES / 25) + 1), 'small.joinery': 'actor B { sector third }' });
        expect(findings.map(f => [f.uri.split('/').pop(), f.rule, f.message.slice(0, 33)])).toEqual([['big.joinery', 'syntax', 'This file is too large to check (']]);
    });

    it('reports a parse that cannot complete, and parses the next file afresh', async () => {
        const { findings, models } = await checkWorkspace({ 'a.joinery': '/**/'.repeat(150_000), 'b.joinery': 'actor B { sector third }' });
        expect(findings.map(f => [f.uri.split('/').pop(), f.message.slice(0, 34)])).toEqual([['a.joinery', 'This file could not be parsed: it ']]);
        expect(models.get('b.joinery')!.declarations.map(d => d.name)).toEqual(['B']);
    });
});

describe('findings stay small', () => {
    it('quotes a long `reports to` circle shortened, in each of its forums', async () => {
        const forums = Array.from({ length: 1000 }, (_, i) => `forum F${i} { kind planning reports to F${(i + 1) % 1000} }`).join('\n');
        const { findings } = await checkWorkspace(`actor H { sector statutory }\narrangement A { partners H\n${forums}\n}\n`);
        const circles = findings.filter(f => f.message.includes('runs in a circle'));
        expect(circles).toHaveLength(1000);
        expect(circles[0].message).toBe('`reports to` runs in a circle: F0 → F1 → F2 → F3 → F4 → F5 → F6 → F7 → … → F0 (1000 forums); a forum cannot report to itself, directly or through others');
        expect(Math.max(...circles.map(f => f.message.length))).toBeLessThan(200);
    });
});
