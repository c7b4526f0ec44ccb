import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { checkJson, type JsonFinding } from '../support/cli.js';
import { LanguageServerSession } from '../support/lsp-client.js';
import { plainMessage } from '../support/lsp-text.js';
import { BuildStatisticsRequest, type BuildStatistics } from '../../language-server/src/server/build-statistics.js';
import { generateWorkspace } from '../../scripts/bench/workspace-generator.mjs';

// The start-up build leaves each arrangement's reads unwritten, as a check does; the
// server writes them down once start-up's diagnostics are out (server/after-start-up.ts),
// so that the first build after it (an edit, here: a file opened as it was built needs none) keeps what it does not touch.
let folder: string;
let session: LanguageServerSession;
const FILES = 60;
/** The generator's files: one of shared actors, the rest an arrangement each. */
const ARRANGEMENTS = FILES - 1;
let publishedAfterStartUp = 0;
let afterStartUp: BuildStatistics;
let atStartUp: Map<string, Diagnostic[]>;

beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'joinery-reads-'));
    for (const [name, text] of Object.entries(generateWorkspace(FILES))) {
        mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
        writeFileSync(path.join(folder, name), text);
    }
    session = await LanguageServerSession.start(folder);
    await session.settle(FILES);
    atStartUp = new Map(session.diagnostics);
    session.onPublish(() => { publishedAfterStartUp++; });
    for (const until = Date.now() + 20_000; ;) {
        afterStartUp = await session.connection.sendRequest(BuildStatisticsRequest);
        if (afterStartUp.readsAfterStartUp || Date.now() > until) break;
        await new Promise(resolve => setTimeout(resolve, 100));
    }
});

afterAll(async () => {
    await session?.stop();
    rmSync(folder, { recursive: true, force: true });
});

const key = (d: { range: { start: { line: number; character: number } }; message: string }, rule: string) =>
    `${d.range.start.line}:${d.range.start.character} ${rule} ${d.message}`;
const fromCli = (findings: JsonFinding[], file: string) => findings.filter(f => f.file === file).map(f => key(f, f.rule)).sort();
const fromServer = (diagnostics: Diagnostic[]) => diagnostics.map(d => key({ range: d.range, message: plainMessage(d) }, String(d.code))).sort();

describe('the reads after start-up', () => {
    it('are written down once start-up is done, to the end, changing no file\'s diagnostics', () => {
        expect(afterStartUp.readsAfterStartUp?.complete).toBe(true);
        expect(afterStartUp.readsAfterStartUp!.ms).toBeGreaterThan(0);
        // The start-up build wrote down nothing: it had no build before it to keep from.
        expect(afterStartUp.arrangements).toEqual({ total: ARRANGEMENTS, kept: 0 });
        expect(publishedAfterStartUp).toBe(0);
        expect(session.diagnostics).toEqual(atStartUp);
    });

    it('let the first build after it keep every arrangement whose inputs held, with the CLI\'s findings', async () => {
        // A file no other refers into, opened (as it was built: no build) and then edited
        // with a comment at its end: it is parsed again and links nothing else.
        const file = 'arrangements/arr-0007.joinery';
        const full = path.join(folder, file);
        const uri = pathToFileURL(full).href;
        const text = readFileSync(full, 'utf-8');
        await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'joinery', version: 1, text } });
        const commented = `${text}// reviewed\n`;
        const answered = session.nextDiagnostics(uri);
        await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: commented }] });
        const diagnostics = await answered;
        const statistics = await session.connection.sendRequest(BuildStatisticsRequest);
        expect(statistics.validatedDocuments).toBe(1);
        // Every arrangement's reads hold, its own too: none is derived again.
        expect(statistics.arrangements).toEqual({ total: ARRANGEMENTS, kept: ARRANGEMENTS });
        writeFileSync(full, commented);
        const cli = checkJson(['.'], { cwd: folder });
        expect(fromServer(diagnostics)).toEqual(fromCli(cli.findings, file));
        await session.settle(FILES);
        for (const [documentUri, published] of session.diagnostics) {
            const relative = path.relative(folder, new URL(documentUri).pathname);
            expect(fromServer(published), relative).toEqual(fromCli(cli.findings, relative));
        }
    });

    it('then let an edit re-derive only what it changed', async () => {
        const file = 'arrangements/arr-0012.joinery';
        const full = path.join(folder, file);
        const uri = pathToFileURL(full).href;
        const text = readFileSync(full, 'utf-8');
        const opened = session.nextDiagnostics(uri);
        await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'joinery', version: 1, text } });
        await opened;
        // The board no longer controls the pool: a finding here, and this arrangement derived again.
        const edited = text.replace('    controls Pool\n', '');
        expect(edited).not.toBe(text);
        const answered = session.nextDiagnostics(uri);
        await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: edited }] });
        const diagnostics = await answered;
        const statistics = await session.connection.sendRequest(BuildStatisticsRequest);
        expect(statistics.arrangements!.total).toBe(ARRANGEMENTS);
        expect(statistics.arrangements!.kept).toBeLessThan(ARRANGEMENTS);
        expect(statistics.arrangements!.kept).toBeGreaterThan(ARRANGEMENTS / 2);
        writeFileSync(full, edited);
        const cli = checkJson(['.'], { cwd: folder });
        expect(fromServer(diagnostics)).toEqual(fromCli(cli.findings, file));
        expect(cli.findings.some(f => f.file === file && f.rule === 'budget-without-board')).toBe(true);
    });
});
