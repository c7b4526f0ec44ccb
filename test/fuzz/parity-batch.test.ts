import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/lsp-client.js';
import { fuzzCase, loadExamples } from './fuzz-case.js';
import { ParityPass, withProjectConfig } from './parity-pass.js';

/**
 * The parity pass runs inputs together, each a project of one workspace, for speed
 * (`--parity-batch`): a batch must count what the inputs run one by one count, and
 * a batch that does not agree must be handed back to be run input by input.
 */
describe('the parity pass in batches', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'joinery-parity-batch-'));
    const pass = new ParityPass({ root: ROOT, folder, hangMs: 60_000, restartEvery: 25 });
    afterAll(async () => {
        await pass.stop();
        rmSync(folder, { recursive: true, force: true });
    });
    const examples = loadExamples(ROOT);
    const inputs = [1, 2, 3, 4].map(index => withProjectConfig(fuzzCase('parity-batch-test', index, examples)));

    it('compares each input of a batch as it compares the input alone', async () => {
        expect(inputs.every(input => 'joinery.json' in input.files)).toBe(true);
        const together = await pass.runBatch(inputs);
        const alone = [];
        for (const input of inputs) alone.push(await pass.run(input));
        expect(alone.map(result => result.failures)).toEqual(inputs.map(() => []));
        expect(together).toEqual(alone);
        expect(alone.reduce((sum, result) => sum + result.compared, 0)).toBeGreaterThan(0);
    }, 240_000);

    it('hands back a batch the CLI cannot check as one (a broken joinery.json stops it)', async () => {
        const broken = { ...inputs[0], index: 90, files: { ...inputs[0].files, 'joinery.json': '{ "rules": ' } };
        expect(await pass.runBatch([broken, inputs[1]])).toBeUndefined();
    }, 240_000);
});
