import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzCase, loadExamples } from '../fuzz/fuzz-case.js';
import { FuzzServer } from '../fuzz/lsp-pass.js';
import { CLI_BIN } from '../support/cli.js';
import { ROOT, SERVER_BIN } from '../support/lsp-client.js';

/**
 * The tools make no network access and never execute code from a model (issue 7).
 * The CLI and the server run with a preloaded module that refuses, and reports,
 * every socket, DNS, HTTP and fetch call.
 */

const PRELOAD = path.join(__dirname, 'no-network.cjs');
const MARKER = 'JOINERY-NETWORK-ATTEMPT';

describe('no network access', () => {
    it('the guard itself reports sockets, DNS, HTTP and fetch', () => {
        const attempt = `
            const tries = [
                () => require('node:net').connect(9, '127.0.0.1'),
                () => require('node:dns').lookup('example.org', () => {}),
                () => require('node:https').get('https://example.org'),
                () => fetch('http://127.0.0.1:9'),
                () => new (require('node:net').Socket)().connect(9, '127.0.0.1')
            ];
            for (const t of tries) { try { t(); } catch {} }`;
        const run = spawnSync(process.execPath, ['--require', PRELOAD, '-e', attempt], { encoding: 'utf-8' });
        expect(run.stderr.split('\n').filter(line => line.startsWith(MARKER))).toHaveLength(5);
    });

    it('the CLI checks the examples without any', () => {
        const run = spawnSync(process.execPath, ['--require', PRELOAD, CLI_BIN, 'check', 'examples', '--format', 'sarif'], { cwd: ROOT, encoding: 'utf-8', env: { ...process.env, NO_COLOR: '1' } });
        expect(run.stderr).toBe('');
        expect(JSON.parse(run.stdout).runs[0].results.length).toBeGreaterThan(0);
    });

    describe('the language server', () => {
        let folder: string;
        let server: FuzzServer;
        beforeAll(async () => {
            folder = mkdtempSync(path.join(tmpdir(), 'joinery-offline-'));
            cpSync(path.join(ROOT, 'examples'), folder, { recursive: true });
            server = await FuzzServer.start(SERVER_BIN, folder, ['--require', PRELOAD]);
        });
        afterAll(async () => {
            await server?.stop();
            rmSync(folder, { recursive: true, force: true });
        });

        it('answers every request it advertises, on the examples and on fuzzed input, without any', async () => {
            const examples = loadExamples(ROOT);
            const inputs = [...Object.entries(examples).map(([name, files], index) => ({ seed: 'offline', index, label: name, files })), fuzzCase('offline', 100, examples)];
            for (const input of inputs) {
                const result = await server.exercise(input, { slowMs: 60_000, hangMs: 60_000, positions: 2 });
                expect(result.failures, input.label).toEqual([]);
                expect(result.requests).toBeGreaterThan(10);
            }
            expect(server.alive).toBe(true);
        });
    });
});

describe('no code from a model is executed', () => {
    /** Ways to run code or reach the network from our own source. */
    const FORBIDDEN = [
        /\beval\s*\(/, /\bnew\s+Function\s*\(/, /\bFunction\s*\(\s*['"`]/, /from\s+['"](node:)?(vm|child_process|worker_threads|http|https|http2|net|tls|dns|dgram)['"]/,
        /require\(\s*['"](node:)?(vm|child_process|worker_threads|http|https|http2|net|tls|dns|dgram)['"]\s*\)/, /\bfetch\s*\(/,
        // A module loaded by a computed name could come from the model; a fixed one cannot.
        /\bimport\s*\(\s*[^'"`\s]/, /\brequire\s*\(\s*[^'"`\s]/
    ];

    function sources(folder: string): string[] {
        return readdirSync(folder).flatMap(name => {
            const full = path.join(folder, name);
            return statSync(full).isDirectory() ? sources(full) : full.endsWith('.ts') ? [full] : [];
        });
    }

    it('the language server and CLI source neither evaluate code nor open connections', () => {
        // The map's layout thread runs one fixed file of ours (out/map-layout-worker.cjs), never code from a model.
        const LAYOUT_THREAD = new Set(['language-server/src/report/map-worker.ts', 'language-server/src/report/map-layout-worker.ts']);
        const offending = sources(path.join(ROOT, 'language-server/src')).flatMap(file => {
            const relative = path.relative(ROOT, file).split(path.sep).join('/');
            const text = LAYOUT_THREAD.has(relative) ? readFileSync(file, 'utf-8').replace(/(['"])node:worker_threads\1/g, "'layout-thread'") : readFileSync(file, 'utf-8');
            return FORBIDDEN.filter(pattern => pattern.test(text)).map(pattern => `${relative}: ${pattern}`);
        });
        expect(offending).toEqual([]);
    });

    it('the shipped bundles contain no eval, Function constructor or vm', () => {
        for (const bundle of [CLI_BIN.replace(/bin\/joinery\.cjs$/, 'out/cli.cjs'), path.join(ROOT, 'out/server.cjs'), path.join(ROOT, 'out/map-layout-worker.cjs')]) {
            const text = readFileSync(bundle, 'utf-8');
            expect(text, bundle).not.toMatch(/[^\w.]eval\s*\(|new\s+Function\s*\(|require\("(node:)?vm"\)/);
        }
    });
});
