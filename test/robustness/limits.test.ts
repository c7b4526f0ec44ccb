import { describe, expect, it } from 'vitest';
import { EmptyFileSystem } from 'langium';
import { createJoineryServices } from '../../language-server/src/joinery-module.js';
import { MAX_BRACE_DEPTH, MAX_MODEL_BYTES, structureProblem } from '../../language-server/src/parser/input-limits.js';
import { mandatoryReferences } from '../../language-server/src/parser/joinery-parser.js';
import { isLink } from '../../language-server/src/generated/ast.js';
import { checkWorkspace } from '../support/workspace.js';

/**
 * The limits of docs/robustness.md, in process: the parser guard (size, brace
 * depth, open quotes, a CST builder that does not overflow, references that error
 * recovery left out) and findings whose size does not grow with the square of the model.
 */
describe('the parser guard', () => {
    it('knows from the grammar which references every declaration of a kind has', () => {
        const { Joinery } = createJoineryServices(EmptyFileSystem);
        expect(Object.fromEntries(mandatoryReferences(Joinery.Grammar))).toEqual({
            // A channel's ends are optional to the parser: the named form gives them in its body.
            Seat: ['actor'], Contribution: ['source'], Delivery: ['deliverer'], Link: ['from', 'to'], Referral: ['from', 'to']
        });
    });

    it('turns a reference the parser left out into an unresolved one, reported only as the syntax error', async () => {
        const { findings, arrangement } = await checkWorkspace('actor H { sector statutory }\narrangement A { partners H system S { owner H } link S -> }\n');
        const link = (arrangement('A')).elements.find(isLink)!;
        expect(link.to.$refText).toBe('');
        expect(link.to.ref).toBeUndefined();
        expect(findings.filter(f => f.rule === 'syntax')).toHaveLength(1);
        expect(findings.filter(f => f.rule === 'reference')).toEqual([]);
    });

    it('reports a model over the size limit without parsing it', async () => {
        const { findings } = await checkWorkspace({ 'big.joinery': 'actor A { sector third }\n'.repeat(Math.ceil(MAX_MODEL_BYTES / 25) + 1), 'small.joinery': 'actor B { sector third }' });
        expect(findings.map(f => [f.uri.split('/').pop(), f.rule, f.message.slice(0, 33)])).toEqual([['big.joinery', 'syntax', 'This file is too large to check (']]);
    });

    it('parses 170,000 comments in a row, on which Langium alone overflows its stack', async () => {
        const { findings, models } = await checkWorkspace({ 'a.joinery': 'actor A { sector third }\n' + '//\n'.repeat(170_000), 'b.joinery': 'actor B { sector third }' });
        expect(findings).toEqual([]);
        expect(models.get('a.joinery')!.declarations.map(d => d.name)).toEqual(['A']);
    });

    it('counts braces and open quotes as the lexer reads them, outside strings and comments', () => {
        const deep = (prefix: string) => structureProblem(prefix + '{'.repeat(MAX_BRACE_DEPTH + 1));
        expect(deep('')).toMatchObject({ offset: MAX_BRACE_DEPTH });
        expect(deep('"{{{" // {{{\n/* {{{ */ ')).toMatchObject({ offset: 23 + MAX_BRACE_DEPTH });
        // An open quote or comment is no string or comment to the lexer: the braces after it count.
        expect(deep('" unclosed\n')).toMatchObject({ offset: 11 + MAX_BRACE_DEPTH });
        expect(structureProblem('{'.repeat(MAX_BRACE_DEPTH) + '}'.repeat(MAX_BRACE_DEPTH) + '{'.repeat(MAX_BRACE_DEPTH))).toBeUndefined();
        expect(structureProblem('actor A "a \\" b" ' + '"x" '.repeat(100_000))).toBeUndefined();
        expect(structureProblem('"\\'.repeat(20_000))?.message).toMatch(/^Too many quotes or comments are left open/);
        expect(structureProblem('/* '.repeat(20_000))?.message).toMatch(/^Too many quotes or comments are left open/);
    });
});

describe('findings stay small', () => {
    it('reports at most 1,000 errors per file, then how many more there are', async () => {
        const { findings } = await checkWorkspace(`arrangement A { partners ${Array.from({ length: 5000 }, (_, i) => `Nobody${i}`).join(', ')} }`);
        expect(findings).toHaveLength(1001);
        expect(findings.slice(0, 1000).every(f => f.rule === 'reference')).toBe(true);
        expect(findings[1000]).toMatchObject({ rule: 'reference', severity: 'error', message: '4,000 more errors in this file are not shown (the first 1,000 are): fix those first' });
    });

    it('quotes a long `reports to` circle shortened, in each of its forums', async () => {
        const forums = Array.from({ length: 1000 }, (_, i) => `forum F${i} { kind planning reports to F${(i + 1) % 1000} }`).join('\n');
        const { findings } = await checkWorkspace(`actor H { sector statutory }\narrangement A { partners H\n${forums}\n}\n`);
        const circles = findings.filter(f => f.message.includes('runs in a circle'));
        expect(circles).toHaveLength(1000);
        expect(circles[0].message).toBe('`reports to` runs in a circle: F0 → F1 → F2 → F3 → F4 → F5 → F6 → F7 → … → F0 (1000 forums); a forum cannot report to itself, directly or through others');
        expect(Math.max(...circles.map(f => f.message.length))).toBeLessThan(200);
    });

    it('reports 125,000 findings and more without overflowing the stack, keeping every gap finding', async () => {
        // 132,000 declarations of one name in three files: each a finding of its own (spreading them as arguments overflowed).
        const files: Record<string, string> = {};
        for (let f = 0; f < 3; f++) files[`f${f}.joinery`] = 'actor A {}\n'.repeat(44_000);
        files['gap.joinery'] = 'actor G { sector third }\narrangement Arr { partners G forum Lonely { kind planning } }\n';
        const { findings } = await checkWorkspace(files);
        expect(findings.length).toBeGreaterThan(125_000);
        expect(findings.filter(f => f.message.includes('internal error'))).toEqual([]);
        expect(findings.filter(f => f.rule === 'isolated-forum').map(f => f.element)).toEqual(['Lonely']);
    }, 120_000);
});
