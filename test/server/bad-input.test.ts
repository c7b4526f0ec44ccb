import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { LanguageServerSession } from '../support/lsp-client.js';
import { plainMessage } from '../support/lsp-text.js';

/**
 * The server survives what an editor may send it (issue 7): a 10 MB document,
 * 100,000 nested braces, 170,000 comments, 100,000 open quotes, a half-typed
 * declaration, a binary file in the workspace. Each becomes diagnostics; the server keeps
 * answering for the other files.
 */

const GOOD = 'actor H "Health board" { sector statutory }\narrangement A { partners H forum B { kind board voting H } forum Lonely { kind planning } }\n';

let folder: string;
let session: LanguageServerSession;
const uri = (name: string) => pathToFileURL(path.join(folder, name)).href;

beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'joinery-bad-server-'));
    writeFileSync(path.join(folder, 'good.joinery'), GOOD);
    writeFileSync(path.join(folder, 'huge-on-disk.joinery'), 'a'.repeat(10 * 1024 * 1024));
    writeFileSync(path.join(folder, 'binary.joinery'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0xff, 0xfe, 1, 2, 3]));
    session = await LanguageServerSession.start(folder);
    await session.settle(3);
});

afterAll(async () => {
    await session?.stop();
    rmSync(folder, { recursive: true, force: true });
});

async function open(name: string, text: string): Promise<Diagnostic[]> {
    const published = session.nextDiagnostics(uri(name));
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(name), languageId: 'joinery', version: 1, text } });
    return published;
}

/** The server still answers about the good file: a hover with the actor's title. */
async function expectStillServing(): Promise<void> {
    const hover = await session.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri: uri('good.joinery') }, position: { line: 1, character: 27 } });
    expect((hover.contents as MarkupContent).value).toContain('Health board');
    expect(session.process.exitCode).toBeNull();
}

describe('the language server and bad input', () => {
    it('reports files in the workspace that are too large or binary, and checks the others', () => {
        expect(session.diagnostics.get(uri('huge-on-disk.joinery'))!.map(d => d.message)).toEqual([
            expect.stringMatching(/^This file is too large to check \(10\.0 MB\)/)
        ]);
        expect(session.diagnostics.get(uri('binary.joinery'))!.every(d => d.code === 'syntax')).toBe(true);
        expect(session.diagnostics.get(uri('good.joinery'))!.map(d => d.code)).toContain('isolated-forum');
    });

    it('answers every request on a 10 MB document, opened and then edited', async () => {
        const big = 'actor A { sector third }\n'.repeat(420_000);
        const diagnostics = await open('big.joinery', big);
        expect(diagnostics.map(d => d.message)).toEqual([expect.stringMatching(/^This file is too large to check \(10\.0 MB\): Joinery reads model files of up to 512 KB/)]);
        const textDocument = { uri: uri('big.joinery') };
        const position = { line: 1000, character: 7 };
        for (const [method, params] of [
            ['textDocument/hover', { textDocument, position }],
            ['textDocument/completion', { textDocument, position }],
            ['textDocument/definition', { textDocument, position }],
            ['textDocument/documentSymbol', { textDocument }],
            ['textDocument/foldingRange', { textDocument }],
            ['textDocument/semanticTokens/full', { textDocument }]
        ] as const) {
            // An error response would reject here.
            await session.connection.sendRequest(method, params);
        }
        const next = session.nextDiagnostics(uri('big.joinery'));
        await session.connection.sendNotification('textDocument/didChange', {
            textDocument: { uri: uri('big.joinery'), version: 2 },
            contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]
        });
        expect((await next).map(d => d.message)).toEqual([expect.stringMatching(/too large to check/)]);
        await expectStillServing();
    });

    it('reports 100,000 nested braces at the first brace beyond the limit', async () => {
        const diagnostics = await open('deep.joinery', 'arrangement D {\n  forum F {' + '{'.repeat(100_000) + '}'.repeat(100_000) + '} }\n');
        expect(diagnostics).toEqual([expect.objectContaining({ code: 'syntax', range: { start: { line: 1, character: 109 }, end: { line: 1, character: 110 } }, message: expect.stringMatching(/^Braces nest more than 100 deep here/) })]);
        await expectStillServing();
    });

    it('checks a document of 170,000 comments in a row, on which Langium alone overflows its stack', async () => {
        const diagnostics = await open('comments.joinery', 'actor C "Comments" { sector third }\n' + '//\n'.repeat(170_000));
        // Only the gap of its one actor, which no arrangement involves.
        expect(diagnostics.map(d => d.code)).toEqual(['uninvolved-actor']);
        await expectStillServing();
    });

    it('reports a line of 100,000 open quotes as one syntax error instead of lexing it for minutes', async () => {
        const diagnostics = await open('quotes.joinery', 'actor Q ' + '"\\'.repeat(100_000));
        expect(diagnostics.map(d => d.message)).toEqual([expect.stringMatching(/^Too many quotes or comments are left open from here on/)]);
        await expectStillServing();
    });

    it('keeps serving while a declaration is typed one character at a time', async () => {
        const target = 'arrangement T { partners H link S -> forum G { kind board voting H 2, } channel H -> G { two-way } }\n';
        await open('typing.joinery', '');
        let text = '';
        for (let i = 0; i < target.length; i++) {
            const position = { line: 0, character: text.length };
            text += target[i];
            await session.connection.sendNotification('textDocument/didChange', {
                textDocument: { uri: uri('typing.joinery'), version: i + 2 },
                contentChanges: [{ range: { start: position, end: position }, text: target[i] }]
            });
            if (i % 7 === 0) await session.connection.sendRequest('textDocument/completion', { textDocument: { uri: uri('typing.joinery') }, position: { line: 0, character: text.length } });
        }
        await session.settle(0);
        const diagnostics = session.diagnostics.get(uri('typing.joinery'))!;
        expect(diagnostics.filter(d => /internal error|An error occurred/.test(plainMessage(d)))).toEqual([]);
        expect(diagnostics.map(d => d.code)).toContain('syntax');
        await expectStillServing();
    });
});
