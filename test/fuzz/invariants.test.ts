import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/lsp-client.js';
import { readCorpus } from './corpus.js';
import { fuzzCase, loadExamples } from './fuzz-case.js';
import { FuzzWorkspace } from './fuzz-workspace.js';
import { formattingInvariants, quickFixInvariants, renameInvariants } from './invariants.js';
import { Random } from './random.js';
import { QUICK_FIXES } from '../../language-server/src/lsp/quick-fixes.js';
import { SIX_TO_TWO_IJB } from '../profiles/ijb-models.js';

/**
 * Issue 7's invariants against the real providers, on every example, on the fuzz
 * corpus and on generated models: formatting is idempotent and keeps the findings;
 * every quick fix parses, removes its finding and adds no error; renaming any
 * declaration keeps every reference resolved. (The fuzz run checks them too.)
 */
const examples = loadExamples(ROOT);
const workspace = new FuzzWorkspace();
const generated = Array.from({ length: 20 }, (_, i) => fuzzCase('invariants', i, examples)).filter(c => c.label.startsWith('generated ('));
const corpus = readCorpus(path.join(ROOT, 'test/fuzz/corpus'));

describe('invariants on the examples', () => {
    it.each(Object.keys(examples))('formatting %s is idempotent and keeps its findings', async name => {
        const report = await formattingInvariants(workspace, examples[name]);
        expect(report.violations).toEqual([]);
        expect(report.checked).toBe(Object.keys(examples[name]).length);
    });

    it('every quick fix offered on an example and on the corpus parses, removes its finding and adds no error, for every rule that has fixes', async () => {
        let checked = 0;
        const rules = new Set<string>();
        // No example names a statutory profile, so the profile tests' IJB that falls short of the 2014 Order stands in for statutory-membership's fix.
        const profileShortfall = ['six-to-two IJB', { 'ijb.joinery': SIX_TO_TWO_IJB }] as const;
        for (const [name, files] of [...Object.entries(examples), ...corpus.map(entry => [`${entry.seed}-${entry.index}`, entry.files] as const), profileShortfall]) {
            const report = await quickFixInvariants(workspace, files, new Random(name), Infinity);
            expect(report.violations, name).toEqual([]);
            checked += report.checked;
            for (const rule of report.rules ?? []) rules.add(rule);
        }
        expect(checked).toBeGreaterThan(10);
        // Every rule with quick fixes had them applied and checked, the did-you-mean fix of reference errors too.
        expect([...rules].sort()).toEqual(expect.arrayContaining([...Object.keys(QUICK_FIXES), 'reference'].sort()));
    }, 300_000);

    it('the stage-claim fix removes its finding on a model that claims 6a, with the claim given once or twice', async () => {
        const model = (stages: string) => `actor H { sector statutory }\nactor C { sector statutory }\narrangement A { partners H, C\n${stages}  lead H\n}\n`;
        for (const stages of ['  stage 6a\n', '  stage 3\n  stage 6a\n']) {
            const report = await quickFixInvariants(workspace, { 'a.joinery': model(stages) }, new Random('stage'), Infinity);
            expect(report.rules).toContain('stage-claim-unsupported');
            expect(report.violations, stages).toEqual([]);
        }
    });

    it.each(Object.keys(examples))('renaming any declaration of %s keeps every reference resolved', async name => {
        const report = await renameInvariants(workspace, examples[name], new Random(name), Infinity);
        expect(report.violations).toEqual([]);
        expect(report.checked).toBeGreaterThan(10);
    }, 120_000);
});

describe('invariants on generated models and the fuzz corpus', () => {
    const inputs = [...generated, ...corpus];

    it('has inputs to check', () => {
        expect(generated.length).toBeGreaterThan(3);
    });

    it.each(inputs.map(input => [`${input.seed}-${input.index}: ${input.label}`, input] as const))('%s', async (_name, input) => {
        const random = new Random(input.seed, input.index, 'invariants');
        const violations = [
            ...(await formattingInvariants(workspace, input.files)).violations,
            ...(await quickFixInvariants(workspace, input.files, random, 10)).violations,
            ...(await renameInvariants(workspace, input.files, random, 5)).violations
        ];
        expect(violations).toEqual([]);
    }, 120_000);
});
