import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Location, LocationLink, Range, SemanticTokens, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { LanguageServerSession } from '../support/lsp-client.js';
import { applyWorkspaceEdit, decodeSemanticTokens, positionOf } from '../support/lsp-text.js';
import { checkWorkspace } from '../support/workspace.js';

const FILES: Record<string, string> = {
    'actors.joinery': `actor NHS "Health board" { sector statutory }
actor Council "Council" { sector statutory }
`,
    'north.joinery': `arrangement North "North partnership" {
  partners NHS, Council
  forum IJB "Joint board" { kind board voting NHS, Council }
  forum Locality "Locality group" { kind engagement voting NHS reports to IJB }
}
`,
    'south.joinery': `arrangement South "South partnership" {
  partners NHS
  forum Panel "South panel" { kind planning voting NHS reports to North.IJB }
  channel Council -> North.IJB { kind reporting }
}
`
};

let workspace: string;
let session: LanguageServerSession;
const uris: Record<string, string> = {};

beforeAll(async () => {
    workspace = mkdtempSync(path.join(tmpdir(), 'joinery-qualified-'));
    for (const [file, text] of Object.entries(FILES)) {
        writeFileSync(path.join(workspace, file), text);
        uris[file] = pathToFileURL(path.join(workspace, file)).href;
    }
    session = await LanguageServerSession.start(workspace);
    await session.settle(3);
});

afterAll(async () => {
    await session?.stop();
    rmSync(workspace, { recursive: true, force: true });
});

const at = (file: string, needle: string, offset: number, occurrence = 1) => ({
    textDocument: { uri: uris[file] }, position: positionOf(FILES[file], needle, occurrence, offset)
});

function rangeOf(file: string, needle: string, offset: number, length: number, occurrence = 1): Range {
    const start = positionOf(FILES[file], needle, occurrence, offset);
    return { start, end: { line: start.line, character: start.character + length } };
}

/** The workspace texts keyed by URI, as rename edits address them. */
function textsByUri(): Record<string, string> {
    return Object.fromEntries(Object.entries(FILES).map(([file, text]) => [uris[file], text]));
}

async function renamed(file: string, needle: string, offset: number, newName: string): Promise<Record<string, string>> {
    const edit = await session.connection.sendRequest<WorkspaceEdit>('textDocument/rename', { ...at(file, needle, offset), newName });
    const byUri = applyWorkspaceEdit(textsByUri(), edit);
    return Object.fromEntries(Object.entries(uris).map(([name, uri]) => [name, byUri[uri]]));
}

describe('qualified names (`Arrangement.Element`)', () => {
    it('goes to the arrangement from its part of a qualified name and to the element from the rest', async () => {
        const toArrangement = await session.connection.sendRequest<LocationLink[]>('textDocument/definition', at('south.joinery', 'North.IJB', 1));
        expect(toArrangement[0].targetUri).toBe(uris['north.joinery']);
        expect(toArrangement[0].targetSelectionRange).toEqual(rangeOf('north.joinery', 'arrangement North', 'arrangement '.length, 'North'.length));
        expect(toArrangement[0].originSelectionRange).toEqual(rangeOf('south.joinery', 'North.IJB', 0, 'North'.length));
        const toForum = await session.connection.sendRequest<LocationLink[]>('textDocument/definition', at('south.joinery', 'North.IJB', 'North.'.length + 1));
        expect(toForum[0].targetSelectionRange).toEqual(rangeOf('north.joinery', 'forum IJB', 'forum '.length, 'IJB'.length));
    });

    it('finds the references of an element and of an arrangement, each only on its own name', async () => {
        const forum = await session.connection.sendRequest<Location[]>('textDocument/references', {
            ...at('north.joinery', 'forum IJB', 'forum '.length), context: { includeDeclaration: false }
        });
        expect(forum.map(l => [l.uri, l.range])).toEqual(expect.arrayContaining([
            [uris['north.joinery'], rangeOf('north.joinery', 'reports to IJB', 'reports to '.length, 3)],
            [uris['south.joinery'], rangeOf('south.joinery', 'North.IJB', 'North.'.length, 3, 1)],
            [uris['south.joinery'], rangeOf('south.joinery', 'North.IJB', 'North.'.length, 3, 2)]
        ]));
        expect(forum).toHaveLength(3);
        const arrangement = await session.connection.sendRequest<Location[]>('textDocument/references', {
            ...at('north.joinery', 'arrangement North', 'arrangement '.length), context: { includeDeclaration: false }
        });
        expect(arrangement.map(l => l.range)).toEqual([
            rangeOf('south.joinery', 'North.IJB', 0, 5, 1), rangeOf('south.joinery', 'North.IJB', 0, 5, 2)
        ]);
    });

    it('renames an element across files, keeping the qualifier', async () => {
        const prepared = await session.connection.sendRequest<Range>('textDocument/prepareRename', at('south.joinery', 'North.IJB', 'North.'.length));
        expect(prepared).toEqual(rangeOf('south.joinery', 'North.IJB', 'North.'.length, 3));
        const texts = await renamed('south.joinery', 'North.IJB', 'North.'.length + 1, 'Board');
        expect(texts['north.joinery']).toContain('forum Board "Joint board"');
        expect(texts['north.joinery']).toContain('reports to Board }');
        expect(texts['south.joinery'].match(/North\.Board/g)).toHaveLength(2);
        expect(Object.values(texts).join('')).not.toContain('IJB');
        const { findings } = await checkWorkspace(texts);
        expect(findings.filter(f => ['syntax', 'reference', 'semantic'].includes(f.rule))).toEqual([]);
    });

    it('renames an arrangement with every qualified name that uses it', async () => {
        const texts = await renamed('south.joinery', 'North.IJB', 2, 'Lanark');
        expect(texts['north.joinery']).toContain('arrangement Lanark "North partnership"');
        expect(texts['south.joinery'].match(/Lanark\.IJB/g)).toHaveLength(2);
        expect(texts['actors.joinery']).toBe(FILES['actors.joinery']);
        const { findings } = await checkWorkspace(texts);
        expect(findings.filter(f => ['syntax', 'reference', 'semantic'].includes(f.rule))).toEqual([]);
    });

    it('refuses a new name that is not a name or that is already taken in its scope', async () => {
        await expect(session.connection.sendRequest('textDocument/rename', { ...at('north.joinery', 'forum IJB', 'forum '.length), newName: 'Joint Board' }))
            .rejects.toThrow(/is not a name/);
        await expect(session.connection.sendRequest('textDocument/rename', { ...at('north.joinery', 'forum Locality', 'forum '.length), newName: 'IJB' }))
            .rejects.toThrow(/a forum named IJB already exists in arrangement North/);
        await expect(session.connection.sendRequest('textDocument/rename', { ...at('actors.joinery', 'actor NHS', 'actor '.length), newName: 'South' }))
            .rejects.toThrow(/an arrangement named South already exists in the workspace/);
    });

    it('colours the qualifier as an arrangement and the rest as the element', async () => {
        const legend = session.initializeResult!.capabilities.semanticTokensProvider!.legend;
        const tokens = decodeSemanticTokens(
            await session.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: uris['south.joinery'] } }),
            legend, FILES['south.joinery']);
        const line = positionOf(FILES['south.joinery'], 'channel Council').line;
        expect(tokens.filter(t => t.line === line).map(t => `${t.text}:${t.type}`)).toEqual([
            'channel:keyword', 'Council:class', '->:operator', 'North:namespace', 'IJB:struct', 'kind:keyword', 'reporting:enumMember'
        ]);
    });
});
