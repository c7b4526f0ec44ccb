import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DefinitionRequest, type Diagnostic } from 'vscode-languageserver-protocol';
import { LanguageServerSession } from '../support/lsp-client.js';
import { BuildStatisticsRequest } from '../../language-server/src/server/build-statistics.js';
import { generateWorkspace } from '../../scripts/bench/workspace-generator.mjs';

// A file opened or closed with the text it was built from needs no build
// (workspace/document-builder.ts, `updateTexts`): it is answered with its diagnostics
// as sent last. Opening the file of actors every arrangement shares used to build the
// whole workspace again.
let folder: string;
let session: LanguageServerSession;
/** The generator's 30 files, and one that cannot be read as text. */
const FILES = 31;
const UNREADABLE = 'unreadable.joinery';
const ACTORS = 'actors.joinery';
const ARRANGEMENT = 'arrangements/arr-0003.joinery';

const uriOf = (file: string) => pathToFileURL(path.join(folder, file)).href;
const textOf = (file: string) => readFileSync(path.join(folder, file), 'utf-8');
const builds = async () => (await session.connection.sendRequest(BuildStatisticsRequest)).builds;
/** Lets any build a notification started run and publish. */
const settled = () => session.settle(FILES, 400);

beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'joinery-unchanged-'));
    writeFileSync(path.join(folder, UNREADABLE), Buffer.from([0x61, 0xff, 0xfe, 0x0a]));
    for (const [name, text] of Object.entries(generateWorkspace(FILES - 1))) {
        mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
        writeFileSync(path.join(folder, name), text);
    }
    session = await LanguageServerSession.start(folder);
    await settled();
});

afterAll(async () => {
    await session?.stop();
    rmSync(folder, { recursive: true, force: true });
});

describe('a file opened or closed as it was built', () => {
    it('is answered with its diagnostics as they were, and nothing is built', async () => {
        const before = await builds();
        expect(before).toBeGreaterThanOrEqual(1);
        const atStartUp = session.diagnostics.get(uriOf(ACTORS))!;
        expect(atStartUp.length).toBeGreaterThan(0);
        const answered = session.nextDiagnostics(uriOf(ACTORS));
        await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(ACTORS), languageId: 'joinery', version: 1, text: textOf(ACTORS) } });
        expect(await answered).toEqual(atStartUp);
        await settled();
        expect(await builds()).toBe(before);
        const closed = session.nextDiagnostics(uriOf(ACTORS));
        await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uriOf(ACTORS) } });
        expect(await closed).toEqual(atStartUp);
        await settled();
        expect(await builds()).toBe(before);
    });

    it('is built when its text is not the one it was built from, and again when closed unsaved', async () => {
        const uri = uriOf(ARRANGEMENT);
        const text = textOf(ARRANGEMENT);
        const atStartUp = session.diagnostics.get(uri)!;
        await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'joinery', version: 1, text } });
        await settled();
        const before = await builds();
        // The board no longer controls the pool: a finding the file did not have.
        const edited = text.replace('    controls Pool\n', '');
        expect(edited).not.toBe(text);
        const answered = session.nextDiagnostics(uri);
        await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: edited }] });
        const rules = (diagnostics: Diagnostic[]) => diagnostics.map(d => d.code);
        expect(rules(await answered)).toContain('budget-without-board');
        await settled();
        expect(await builds()).toBe(before + 1);
        // Closed without saving: the file on disk stands again, which is built.
        const closed = session.nextDiagnostics(uri);
        await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
        expect(await closed).toEqual(atStartUp);
        await settled();
        expect(await builds()).toBe(before + 2);
    });

    it('opened with other text than on disk is built from the editor\'s text', async () => {
        const uri = uriOf(ARRANGEMENT);
        const edited = textOf(ARRANGEMENT).replace('    controls Pool\n', '');
        const before = await builds();
        const answered = session.nextDiagnostics(uri);
        await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'joinery', version: 1, text: edited } });
        expect((await answered).map(d => d.code)).toContain('budget-without-board');
        await settled();
        expect(await builds()).toBe(before + 1);
        await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
        await settled();
    });

    it('is built when its file could not be read before, though the text read now is the same', async () => {
        // Read as empty text, with one finding: not UTF-8. Made empty on disk, it reads as the same empty text.
        const uri = uriOf(UNREADABLE);
        expect(session.diagnostics.get(uri)?.map(d => d.code)).toEqual(['syntax']);
        const before = await builds();
        writeFileSync(path.join(folder, UNREADABLE), '');
        const answered = session.nextDiagnostics(uri);
        await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
        expect(await answered).toEqual([]);
        await settled();
        expect(await builds()).toBeGreaterThan(before);
    });

    it('answers requests on a file opened as it was built, from the tree it was built with', async () => {
        const uri = uriOf(ARRANGEMENT);
        const text = textOf(ARRANGEMENT);
        await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'joinery', version: 7, text } });
        await settled();
        const line = text.split('\n').findIndex(l => l.includes('controls Pool'));
        const character = text.split('\n')[line].indexOf('Pool') + 1;
        const definition = await session.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: { line, character } });
        const targets = definition === null ? [] : Array.isArray(definition) ? definition : [definition];
        expect(targets.length).toBeGreaterThan(0);
        await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
        await settled();
    });
});
