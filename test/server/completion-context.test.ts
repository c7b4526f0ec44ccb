import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-protocol';
import { DECLARATION_SNIPPETS } from '../../language-server/src/lsp/snippets.js';
import { LanguageServerSession, ROOT } from '../support/lsp-client.js';

// Completion follows what is written: declaration snippets only where the
// declaration may stand, no property that may appear once offered twice, no
// entry a list already names. The real server over stdio.
let workspace: string;
let session: LanguageServerSession;
let version = 0;
const uri = () => pathToFileURL(path.join(workspace, 'model.joinery')).href;

beforeAll(async () => {
    workspace = mkdtempSync(path.join(tmpdir(), 'joinery-completion-'));
    session = await LanguageServerSession.start(workspace);
});

afterAll(async () => {
    await session?.stop();
    rmSync(workspace, { recursive: true, force: true });
});

/** Completion at the `|` in `text`. */
async function complete(text: string): Promise<CompletionItem[]> {
    const offset = text.indexOf('|');
    const plain = text.replace('|', '');
    const before = plain.slice(0, offset).split('\n');
    if (version === 0) await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(), languageId: 'joinery', version: ++version, text: plain } });
    else await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(), version: ++version }, contentChanges: [{ text: plain }] });
    const answer = await session.connection.sendRequest<CompletionList | CompletionItem[]>('textDocument/completion', {
        textDocument: { uri: uri() }, position: { line: before.length - 1, character: before[before.length - 1].length }
    });
    return Array.isArray(answer) ? answer : answer.items;
}

const snippets = (items: CompletionItem[]) => items.filter(item => item.kind === 15 && item.insertTextFormat === 2).map(item => item.label).sort();
const labels = (items: CompletionItem[]) => items.map(item => item.label);

const ACTORS = 'actor NHS { sector statutory }\nactor Council { sector statutory }\nactor Carers { sector third }\n';

describe('completion in context', () => {
    it('offers the top-level snippets at the top level only, and the element snippets in an arrangement\'s body only', async () => {
        expect(snippets(await complete(`${ACTORS}|`))).toEqual(['actor', 'arrangement', 'domain']);
        const inArrangement = snippets(await complete(`${ACTORS}arrangement North {\n  |\n}\n`));
        expect(inArrangement).toEqual(['agreement', 'budget', 'channel', 'direction', 'forum', 'goal', 'indicator', 'link', 'referral', 'service', 'system', 'team']);
        expect(snippets(await complete(`${ACTORS}arrangement North {\n  forum Board { kind board | }\n}\n`))).toEqual([]);
        expect(snippets(await complete(`actor NHS { | }\n`))).toEqual([]);
    });

    it('has a snippet for every declaration of the grammar (the extension has no snippet file of its own)', () => {
        const grammar = readFileSync(path.join(ROOT, 'grammar/joinery.langium'), 'utf-8');
        const declarations = ['TopLevel', 'Element'].flatMap(union => new RegExp(`^${union}:([^;]*);`, 'm').exec(grammar)![1].split('|').map(name => name.trim()));
        const keywords = declarations.map(rule => new RegExp(`^${rule}:\\s*'([a-z-]+)'`, 'm').exec(grammar)![1]);
        expect(keywords).toContain('direction');
        expect(Object.keys(DECLARATION_SNIPPETS).sort()).toEqual([...keywords].sort());
    });

    it('does not offer again a property that may appear once, and keeps offering a list', async () => {
        const body = await complete(`${ACTORS}arrangement North {\n  partners NHS\n  stage 3\n  |\n}\n`);
        expect(labels(body)).not.toContain('stage');
        expect(labels(body)).toContain('partners');
        expect(labels(body)).toContain('governance');
        const actor = await complete('actor NHS { sector statutory | }\n');
        expect(labels(actor)).not.toContain('sector');
        expect(labels(actor)).toContain('kind');
        const forum = await complete(`${ACTORS}arrangement North {\n  forum Board { kind board voting NHS | }\n}\n`);
        expect(labels(forum)).not.toContain('kind');
        expect(labels(forum)).toContain('advisory');
    });

    it('does not offer what a list already names', async () => {
        const partners = labels(await complete(`${ACTORS}arrangement North {\n  partners NHS, |\n}\n`));
        expect(partners).toEqual(expect.arrayContaining(['Council', 'Carers']));
        expect(partners).not.toContain('NHS');
        const seats = labels(await complete(`${ACTORS}arrangement North {\n  forum Board { kind board voting NHS 2, | }\n}\n`));
        expect(seats).toContain('Council');
        expect(seats).not.toContain('NHS');
    });
});
