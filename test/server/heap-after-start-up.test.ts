import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LanguageServerSession } from '../support/lsp-client.js';
import { BuildStatisticsRequest, type BuildStatistics } from '../../language-server/src/server/build-statistics.js';
import { generateWorkspace } from '../../scripts/bench/workspace-generator.mjs';

// The server tightens V8's heap limit once start-up is done and collects once
// (server/heap-after-start-up.ts): this runs on every Node CI runs the server on.
let folder: string;
let session: LanguageServerSession;
const FILES = 20;

beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'joinery-heap-'));
    for (const [name, text] of Object.entries(generateWorkspace(FILES))) writeFileSync(path.join(folder, path.basename(name)), text);
    session = await LanguageServerSession.start(folder);
    await session.settle(FILES);
});

afterAll(async () => {
    await session?.stop();
    rmSync(folder, { recursive: true, force: true });
});

async function statisticsOnceCollected(): Promise<BuildStatistics> {
    for (const until = Date.now() + 15_000; ;) {
        const statistics = await session.connection.sendRequest(BuildStatisticsRequest);
        if (statistics.startUpCollection || Date.now() > until) return statistics;
        await new Promise(resolve => setTimeout(resolve, 100));
    }
}

describe('the heap after start-up', () => {
    it('is collected once, after the first build, and what is live is what is left', async () => {
        const { startUpCollection } = await statisticsOnceCollected();
        expect(startUpCollection).toBeDefined();
        expect(startUpCollection!.ms).toBeGreaterThanOrEqual(0);
        expect(startUpCollection!.liveMb).toBeGreaterThan(0);
        expect(startUpCollection!.liveMb).toBeLessThanOrEqual(startUpCollection!.heapBeforeMb);
    });

    it('leaves the server answering edits as before', async () => {
        const file = path.join(folder, 'arr-0001.joinery');
        const uri = pathToFileURL(file).href;
        const text = generateWorkspace(FILES)['arrangements/arr-0001.joinery'];
        const opened = session.nextDiagnostics(uri);
        await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'joinery', version: 1, text } });
        const before = await opened;
        const changed = session.nextDiagnostics(uri);
        await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: `${text}\nactor Late "Late" { sector third kind organisation }\n` }] });
        const after = await changed;
        // The new actor takes part in nothing: one finding more, at its declaration.
        expect(after.length).toBe(before.length + 1);
        expect(after.some(d => d.code === 'uninvolved-actor' && d.range.start.line >= text.split('\n').length)).toBe(true);
        const { startUpCollection } = await session.connection.sendRequest(BuildStatisticsRequest);
        expect(startUpCollection).toBeDefined();
    });
});
