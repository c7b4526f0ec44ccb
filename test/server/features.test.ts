import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompletionItem, CompletionList, DocumentSymbol, Hover, Location, MarkupContent } from 'vscode-languageserver-protocol';
import { LanguageServerSession, ROOT } from '../support/lsp-client.js';

let workspace: string;
let session: LanguageServerSession;
let northUri: string;
let northText: string;

/** The zero-based position of the `occurrence`-th `needle` in the text. */
function positionOf(text: string, needle: string, occurrence = 1, offsetInNeedle = 0): { line: number; character: number } {
    let index = -1;
    for (let i = 0; i < occurrence; i++) index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`'${needle}' not found`);
    const before = text.slice(0, index + offsetInNeedle).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}

beforeAll(async () => {
    workspace = mkdtempSync(path.join(tmpdir(), 'joinery-lsp-'));
    cpSync(path.join(ROOT, 'examples/lanarkshire'), workspace, { recursive: true });
    session = await LanguageServerSession.start(workspace);
    await session.settle(3);
    const northPath = path.join(workspace, 'north.joinery');
    northUri = pathToFileURL(northPath).href;
    northText = readFileSync(northPath, 'utf-8');
    await session.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: northUri, languageId: 'joinery', version: 1, text: northText }
    });
});

afterAll(async () => {
    await session?.stop();
    rmSync(workspace, { recursive: true, force: true });
});

describe('language server features', () => {
    it('hovers an actor reference with its title, documentation and derived summary', async () => {
        const hover = await session.connection.sendRequest<Hover>('textDocument/hover', {
            textDocument: { uri: northUri }, position: positionOf(northText, 'partners NHSL', 1, 'partners '.length + 1)
        });
        const value = (hover.contents as MarkupContent).value;
        expect(value).toContain('actor NHSL');
        expect(value).toContain('NHS Lanarkshire');
        expect(value).toContain('Sector: statutory');
        expect(value).toContain('North Lanarkshire Health and Social Care Partnership');
    });

    it('goes to the definition of an actor declared in another file', async () => {
        const result = await session.connection.sendRequest<Location[] | Location>('textDocument/definition', {
            textDocument: { uri: northUri }, position: positionOf(northText, 'partners NHSL', 1, 'partners '.length + 1)
        });
        const locations = Array.isArray(result) ? result : [result];
        expect(locations).toHaveLength(1);
        const target = 'targetUri' in locations[0] ? (locations[0] as unknown as { targetUri: string }).targetUri : locations[0].uri;
        expect(target).toBe(pathToFileURL(path.join(workspace, 'actors.joinery')).href);
    });

    it('completes only forums after `reports to`', async () => {
        const result = await session.connection.sendRequest<CompletionList | CompletionItem[]>('textDocument/completion', {
            textDocument: { uri: northUri }, position: positionOf(northText, 'reports to IJB', 1, 'reports to '.length)
        });
        const items = Array.isArray(result) ? result : result.items;
        const labels = items.map(i => i.label);
        expect(labels).toContain('IJB');
        expect(labels).not.toContain('NHSL');
        expect(labels).not.toContain('IntegratedBudget');
    });

    it('finds the references of an actor across files', async () => {
        const actorsUri = pathToFileURL(path.join(workspace, 'actors.joinery')).href;
        const actorsText = readFileSync(path.join(workspace, 'actors.joinery'), 'utf-8');
        const locations = await session.connection.sendRequest<Location[]>('textDocument/references', {
            textDocument: { uri: actorsUri }, position: positionOf(actorsText, 'actor NHSL', 1, 'actor '.length + 1),
            context: { includeDeclaration: false }
        });
        const files = new Set(locations.map(l => path.basename(l.uri)));
        expect(files).toEqual(new Set(['north.joinery', 'south.joinery']));
    });

    it('lists the document symbols of an arrangement', async () => {
        const symbols = await session.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: northUri } });
        expect(symbols.map(s => s.name)).toContain('NorthLanarkshire');
        const children = symbols.find(s => s.name === 'NorthLanarkshire')!.children!.map(c => c.name);
        expect(children).toContain('IJB');
    });

    it('republishes diagnostics after an edit introduces an unresolved name', async () => {
        const next = session.nextDiagnostics(northUri);
        const edited = northText.replace('partners NHSL, NLC', 'partners NHSL, NLCC');
        await session.connection.sendNotification('textDocument/didChange', {
            textDocument: { uri: northUri, version: 2 }, contentChanges: [{ text: edited }]
        });
        const diagnostics = await next;
        const unresolved = diagnostics.find(d => d.code === 'reference');
        expect(unresolved?.message).toContain("'NLCC'");
        expect(unresolved?.message).toContain("did you mean 'NLC'");
    });
});
