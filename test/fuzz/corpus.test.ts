import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, SERVER_BIN } from '../support/lsp-client.js';
import { readCorpus, type CorpusEntry } from './corpus.js';
import { exerciseCase } from './exercise.js';
import { FuzzWorkspace } from './fuzz-workspace.js';
import { FuzzServer } from './lsp-pass.js';

/**
 * Every input that ever failed, replayed exactly as it was kept: in process
 * (every rule, every provider, the invariants) and through the real server.
 */
const corpus = readCorpus(path.join(ROOT, 'test/fuzz/corpus'));

describe('the fuzz corpus', () => {
    let folder: string;
    let server: FuzzServer;
    const workspace = new FuzzWorkspace();
    beforeAll(async () => {
        folder = mkdtempSync(path.join(tmpdir(), 'joinery-corpus-'));
        server = await FuzzServer.start(SERVER_BIN, folder);
    });
    afterAll(async () => {
        await server?.stop();
        rmSync(folder, { recursive: true, force: true });
    });

    it('holds the inputs that failed before', () => {
        expect(corpus.length).toBeGreaterThan(0);
    });

    // Generous time limits: a hang is what is tested here; speed is the fuzz run's and the bench's business.
    const replay = async (entry: CorpusEntry) => {
        const inProcess = await exerciseCase(workspace, entry, { slowMs: 60_000, invariants: true, positions: 2 });
        const lsp = await server.exercise(entry, { slowMs: 60_000, hangMs: 60_000, positions: 2 });
        expect([...inProcess.failures, ...lsp.failures]).toEqual([]);
    };
    for (const entry of corpus) {
        const name = `${entry.seed}-${entry.index}: ${entry.label}`;
        if (entry.known) it.fails(`${name} (known: ${entry.known.split(':')[0]})`, () => replay(entry), 120_000);
        else it(name, () => replay(entry), 120_000);
    }
});
