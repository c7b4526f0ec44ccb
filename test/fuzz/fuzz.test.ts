import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/lsp-client.js';

/**
 * A short, bounded fuzz run inside `npm test`: the real `npm run fuzz` (both
 * passes, both processes) for about 40 seconds. A failing input is kept in the
 * corpus and named with the command that reproduces it. Requests are held to
 * 10 s here rather than the 2 s (the machine is shared while the suite
 * runs); a hang still fails, and the 2 s run is `npm run fuzz` (docs/robustness.md).
 */
const SEED = process.env.JOINERY_FUZZ_SEED ?? 'npm-test';
const SECONDS = Number(process.env.JOINERY_FUZZ_SECONDS ?? 40);

describe('fuzzing', () => {
    it(`survives ${SECONDS} s of generated and mutated models (seed '${SEED}')`, () => {
        const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts/fuzz.mjs'), '--seconds', String(SECONDS), '--count', '1000000', '--seed', SEED, '--slow-ms', '10000', '--hang-ms', '30000', '--json'], {
            cwd: ROOT, encoding: 'utf-8', timeout: (SECONDS + 90) * 1000, maxBuffer: 64 * 1024 * 1024
        });
        expect(run.signal, run.stderr).toBeNull();
        const summary = JSON.parse(run.stdout.trim().split('\n').pop()!);
        const report = summary.failingInputs.map((f: { index: number; label: string; reproduce: string; failures: Array<{ kind: string; where: string; message: string }> }) =>
            `input ${f.index} (${f.label}), npm run fuzz -- ${f.reproduce}\n` + f.failures.map(x => `  ${x.kind} in ${x.where}: ${x.message.split('\n')[0]}`).join('\n')).join('\n');
        expect(report).toBe('');
        expect(run.status).toBe(0);
        // Both passes ran inputs; how many fit in the time is the machine's speed, not a test (npm run bench).
        expect(summary.inProcess.inputs).toBeGreaterThanOrEqual(5);
        expect(summary.lsp.inputs).toBeGreaterThanOrEqual(5);
        // The LSP pass sends whatever the server advertises.
        expect(summary.lsp.methods).toEqual(expect.arrayContaining(['textDocument/hover', 'textDocument/completion', 'textDocument/definition', 'textDocument/documentSymbol']));
        expect(summary.lsp.unexercisedCapabilities).toEqual([]);
    }, (SECONDS + 120) * 1000);
});
