import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/**
 * The benchmark is run by hand and by nobody's CI: this keeps it running. Its
 * figures are not asserted (times on a shared machine are noise), only that each
 * is there and is a measurement.
 */
describe('npm run bench', () => {
    it('measures the check, the check with every rule off, and parsing alone, and writes them as JSON', () => {
        const scratch = mkdtempSync(path.join(tmpdir(), 'joinery-bench-test-'));
        try {
            const json = path.join(scratch, 'bench.json');
            const printed = execFileSync(process.execPath, ['scripts/bench/run.mjs', '--sizes', '62', '--runs', '1', '--no-lsp', '--json', json], { cwd: ROOT, encoding: 'utf-8' });
            expect(printed).toContain('parse alone ms');
            const report = JSON.parse(readFileSync(json, 'utf-8'));
            expect(report.cli).toHaveLength(1);
            const [figures] = report.cli;
            expect(figures.files).toBe(62);
            for (const key of ['wallMs', 'cpuMs', 'peakMb', 'rulesOffMs', 'parseAloneMs', 'parseAlonePeakMb']) expect(figures[key], key).toBeGreaterThan(0);
            // Parsing alone leaves out linking, validation and the rules: it holds less than the check.
            expect(figures.parseAlonePeakMb).toBeLessThan(figures.peakMb);
            expect(report.cache['1 project'].coldMs).toBeGreaterThan(0);
        } finally {
            rmSync(scratch, { recursive: true, force: true });
        }
    }, 120_000);
});
