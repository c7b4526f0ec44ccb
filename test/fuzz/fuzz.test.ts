import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/lsp-client.js';

/**
 * A short, bounded fuzz run inside `npm test`: the real `npm run fuzz` (both
 * passes, both processes) for about 40 seconds. A failing input is kept in the
 * corpus and named with the command that reproduces it. A crash, a hang (no
 * answer in 30 s), an invariant broken or a CLI/server difference fails; a slow
 * answer does not, since it measures the machine's load while the suite runs
 * (speed is `npm run bench`, and the 2 s run is `npm run fuzz`, docs/robustness.md).
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
        type FailingInput = { index: number; label: string; reproduce: string; failures: Array<{ kind: string; where: string; message: string }> };
        const failing = (summary.failingInputs as FailingInput[]).map(f => ({ ...f, failures: f.failures.filter(x => x.kind !== 'slow') })).filter(f => f.failures.length > 0);
        const report = failing.map(f =>
            `input ${f.index} (${f.label}), npm run fuzz -- ${f.reproduce}\n` + f.failures.map(x => `  ${x.kind} in ${x.where}: ${x.message.split('\n')[0]}`).join('\n')).join('\n');
        expect(report).toBe('');
        // The counts too: the list shows five failures an input, and slowness alone is the only failure allowed.
        for (const lane of [summary.inProcess, summary.lsp]) expect([lane.crashes, lane.hangs, lane.invariantViolations]).toEqual([0, 0, 0]);
        expect([summary.parity.differences, summary.parity.crashes, summary.parity.hangs]).toEqual([0, 0, 0]);
        expect(run.status === 0 || summary.failingInputs.length > 0).toBe(true);
        // Both passes ran inputs; how many fit in the time is the machine's speed, not a test (npm run bench).
        expect(summary.inProcess.inputs).toBeGreaterThanOrEqual(5);
        expect(summary.lsp.inputs).toBeGreaterThanOrEqual(5);
        // The LSP pass sends whatever the server advertises.
        expect(summary.lsp.methods).toEqual(expect.arrayContaining(['textDocument/hover', 'textDocument/completion', 'textDocument/definition', 'textDocument/documentSymbol']));
        expect(summary.lsp.unexercisedCapabilities).toEqual([]);
    }, (SECONDS + 120) * 1000);
});
