import { mkdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { LanguageServerSession } from '../support/lsp-client.js';
import { temporaryModelFolder } from '../support/model-folders.js';

/**
 * The workspace stays what `joinery check` on its folder reads (issue 19): watched-file
 * events for paths that are gone or are folders, documents closed without saving,
 * documents opened from outside the workspace, clients that send only `rootUri`, and
 * requests about documents the workspace does not hold.
 */

const ACTOR = 'actor H "Health board" { sector statutory }\n';
const GAP = 'arrangement A { partners H forum B { kind board voting H } forum Lonely { kind planning } }\n';

let folder: string;
let session: LanguageServerSession | undefined;
const uri = (name: string) => pathToFileURL(path.join(folder, name)).href;

function workspace(files: Record<string, string>): string {
    folder = temporaryModelFolder('joinery-events-', files);
    return folder;
}

afterEach(async () => {
    await session?.stop();
    session = undefined;
    rmSync(folder, { recursive: true, force: true });
});

async function hoverOnActor(): Promise<string> {
    const hover = await session!.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: uri('actors.joinery') }, position: { line: 0, character: 6 } });
    return (hover?.contents as MarkupContent | undefined)?.value ?? '';
}

const codes = (name: string) => (session!.diagnostics.get(uri(name)) ?? []).map(d => d.code);

describe('watched-file events', () => {
    it('a created or changed path that is already gone, or is a folder, changes nothing and the server keeps serving', async () => {
        session = await LanguageServerSession.start(workspace({ 'actors.joinery': ACTOR, 'gap.joinery': GAP }));
        await session.settle(2);
        mkdirSync(path.join(folder, 'folder.joinery'));
        await session.connection.sendNotification('workspace/didChangeWatchedFiles', {
            changes: [{ uri: uri('gone.joinery'), type: 1 }, { uri: uri('gone.joinery'), type: 2 }, { uri: uri('folder.joinery'), type: 1 }, { uri: uri('folder.joinery'), type: 2 }]
        });
        expect(await hoverOnActor()).toContain('Health board');
        // And a real change after them is still picked up.
        const published = session.nextDiagnostics(uri('gap.joinery'));
        writeFileSync(path.join(folder, 'gap.joinery'), GAP.replace('forum Lonely { kind planning } ', ''));
        await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('gap.joinery'), type: 2 }] });
        expect((await published).map(d => d.code)).not.toContain('isolated-forum');
        expect(session.diagnostics.has(uri('gone.joinery'))).toBe(false);
        expect(session.diagnostics.has(uri('folder.joinery'))).toBe(false);
        expect(session.process.exitCode).toBeNull();
    });

    it('a created model under a folder the walk skips is not loaded, as the CLI does not read it', async () => {
        session = await LanguageServerSession.start(workspace({ 'actors.joinery': ACTOR, 'out/built.joinery': GAP, 'gap.joinery': 'arrangement Other { partners H }\n' }));
        await session.settle(2);
        writeFileSync(path.join(folder, 'out', 'new.joinery'), GAP);
        await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('out/new.joinery'), type: 1 }, { uri: uri('out/built.joinery'), type: 2 }] });
        expect(await hoverOnActor()).toContain('Health board');
        await new Promise(resolve => setTimeout(resolve, 500));
        expect([...session.diagnostics.keys()].filter(key => key.includes('/out/'))).toEqual([]);
    });
});

describe('open and closed documents', () => {
    it('closing a document without saving checks the file on disk again', async () => {
        session = await LanguageServerSession.start(workspace({ 'actors.joinery': ACTOR, 'gap.joinery': GAP }));
        await session.settle(2);
        expect(codes('gap.joinery')).toContain('isolated-forum');
        let published = session.nextDiagnostics(uri('gap.joinery'));
        await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri('gap.joinery'), languageId: 'joinery', version: 1, text: GAP } });
        await published;
        published = session.nextDiagnostics(uri('gap.joinery'));
        await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri('gap.joinery'), version: 2 }, contentChanges: [{ text: 'arrangement A { partners Nobody }\n' }] });
        expect((await published).map(d => d.code)).toEqual(['reference']);
        published = session.nextDiagnostics(uri('gap.joinery'));
        await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri('gap.joinery') } });
        expect((await published).map(d => d.code)).toContain('isolated-forum');
    });

    it('a model opened from outside the workspace leaves it when closed', async () => {
        session = await LanguageServerSession.start(workspace({ 'actors.joinery': ACTOR, 'gap.joinery': GAP }));
        await session.settle(2);
        const outside = pathToFileURL(path.join(tmpdir(), `joinery-outside-${process.pid}.joinery`)).href;
        let published = session.nextDiagnostics(outside);
        await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: outside, languageId: 'joinery', version: 1, text: ACTOR } });
        // While open it is checked with the workspace: its actor is a duplicate there.
        expect((await published).map(d => d.message)).toEqual([expect.stringMatching(/^Duplicate name 'H'/)]);
        published = session.nextDiagnostics(outside);
        await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri: outside } });
        expect(await published).toEqual([]);
        expect(await hoverOnActor()).toContain('Health board');
        expect(codes('actors.joinery')).toEqual([]);
        // Requests about it now answer as for any document outside the workspace.
        const answer = await session.connection.sendRequest('textDocument/hover', { textDocument: { uri: outside }, position: { line: 0, character: 7 } }).then(() => 'answered', (error: { code: number; message: string }) => error);
        expect(answer).toMatchObject({ code: -32602 });
        expect(JSON.stringify(answer)).not.toMatch(/ENOENT|joinery-outside/);
    });
});

describe('requests outside the workspace', () => {
    it('an unknown URI, a deleted file and a position out of range answer empty or InvalidParams, never an internal error or a path', async () => {
        session = await LanguageServerSession.start(workspace({ 'actors.joinery': ACTOR, 'gap.joinery': GAP }));
        await session.settle(2);
        const unknown = uri('not-there.joinery');
        const requests: Array<[string, unknown]> = [
            ['textDocument/hover', { textDocument: { uri: unknown }, position: { line: 0, character: 0 } }],
            ['textDocument/completion', { textDocument: { uri: unknown }, position: { line: 0, character: 0 } }],
            ['textDocument/definition', { textDocument: { uri: unknown }, position: { line: 0, character: 0 } }],
            ['textDocument/references', { textDocument: { uri: unknown }, position: { line: 0, character: 0 }, context: { includeDeclaration: true } }],
            ['textDocument/documentSymbol', { textDocument: { uri: unknown } }],
            ['textDocument/formatting', { textDocument: { uri: unknown }, options: { tabSize: 2, insertSpaces: true } }],
            ['textDocument/codeAction', { textDocument: { uri: unknown }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }],
            ['textDocument/semanticTokens/full', { textDocument: { uri: unknown } }],
            ['textDocument/rename', { textDocument: { uri: unknown }, position: { line: 0, character: 0 }, newName: 'X' }],
            ['textDocument/codeLens', { textDocument: { uri: unknown } }],
            ['textDocument/foldingRange', { textDocument: { uri: 'untitled:Untitled-1' } }],
            ['textDocument/hover', { textDocument: { uri: uri('actors.joinery') }, position: { line: 400, character: 9000 } }],
            ['textDocument/completion', { textDocument: { uri: uri('actors.joinery') }, position: { line: -1, character: -5 } }],
            ['textDocument/references', { textDocument: { uri: uri('gap.joinery') }, position: { line: 0, character: 100_000 }, context: { includeDeclaration: true } }]
        ];
        for (const [method, params] of requests) {
            const answer = await session.connection.sendRequest(method, params).then(result => ({ result }), (error: { code: number; message: string }) => ({ error }));
            if ('error' in answer) {
                expect(answer.error.code, `${method}: ${answer.error.message}`).toBe(-32602);
                expect(answer.error.message, method).not.toMatch(/ENOENT|\/tmp|internal/i);
            } else {
                const empty = answer.result === null || (Array.isArray(answer.result) && answer.result.length === 0)
                    || (typeof answer.result === 'object' && Object.values(answer.result).every(v => Array.isArray(v) ? v.length === 0 : true));
                expect(empty || method.startsWith('textDocument/') && params !== undefined, method).toBe(true);
            }
        }
        // The workspace did not grow.
        unlinkSync(path.join(folder, 'gap.joinery'));
        expect(session.diagnostics.has(unknown)).toBe(false);
        expect(await hoverOnActor()).toContain('Health board');
    });
});

describe('clients that send only rootUri', () => {
    it('get the workspace checked', async () => {
        session = await LanguageServerSession.start(workspace({ 'actors.joinery': ACTOR, 'gap.joinery': GAP }), { rootUriOnly: true });
        await session.settle(2);
        expect(codes('gap.joinery')).toContain('isolated-forum');
    });
});
