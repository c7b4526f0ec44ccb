import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, Hover, MarkupContent, SemanticTokens } from 'vscode-languageserver-protocol';
import { LanguageServerSession, ROOT } from '../support/lsp-client.js';
import { applyWorkspaceEdit, decodeSemanticTokens, positionOf, type DecodedToken } from '../support/lsp-text.js';

/**
 * The editor on the constructs of real arrangements (test/arrangements/*.joinery),
 * through the real server: hover on keywords and values, highlighting, completion
 * of parties, and the quick fix for several stage claims.
 */
const CLAIMS = `actor A "Lead council" { sector statutory }
actor B "Second council" { sector statutory }
arrangement Shared "Shared service" {
  partners A, B
  stage 6a, 6c
  lead A
  forum Committee { kind board voting A, B }
  system One { owner A users A, B }
  team Service { staff A uses One }
}
`;

let workspace: string;
let session: LanguageServerSession;
const uris: Record<string, string> = {};
const texts: Record<string, string> = {};

beforeAll(async () => {
    workspace = mkdtempSync(path.join(tmpdir(), 'joinery-arrangements-'));
    cpSync(path.join(ROOT, 'test', 'arrangements'), workspace, { recursive: true, filter: source => !source.endsWith('.ts') });
    writeFileSync(path.join(workspace, 'claims.joinery'), CLAIMS);
    for (const file of readdirSync(workspace).filter(f => f.endsWith('.joinery'))) {
        uris[file] = pathToFileURL(path.join(workspace, file)).href;
        texts[file] = readFileSync(path.join(workspace, file), 'utf-8');
    }
    session = await LanguageServerSession.start(workspace);
    await session.settle(5);
    for (const file of ['ijb.joinery', 'ics-place.joinery', 'claims.joinery']) {
        await session.connection.sendNotification('textDocument/didOpen', {
            textDocument: { uri: uris[file], languageId: 'joinery', version: 1, text: texts[file] }
        });
    }
});

afterAll(async () => {
    await session?.stop();
    rmSync(workspace, { recursive: true, force: true });
});

function request<T>(method: string, params: object): Promise<T> {
    return session.connection.sendRequest<T>(method, params);
}

async function hoverAt(file: string, needle: string, offset: number): Promise<string> {
    const hover = await request<Hover | null>('textDocument/hover', { textDocument: { uri: uris[file] }, position: positionOf(texts[file], needle, 1, offset) });
    return hover ? (hover.contents as MarkupContent).value : '';
}

describe('hover on keywords and listed values', () => {
    it.each([
        ['ijb.joinery', 'kind board', 'kind '.length, /^\*\*board\*\* — A decision-making board/],
        ['ijb.joinery', 'kind pooled', 'kind '.length, /^\*\*pooled\*\* — Partners' money in one fund/],
        ['ijb.joinery', 'stage 6b', 'stage '.length, /^\*\*stage 6b\*\* — Pooled budgets/],
        ['ijb.joinery', 'representation two-way', 'representation '.length, /^\*\*two-way\*\* — The receiving side reports back/],
        ['ijb.joinery', 'advisory by law', 'advisory by '.length, /^\*\*advisory by law\*\* — Members without a vote because the law gives them none/],
        ['ijb.joinery', 'Providers contracted', 'Providers '.length, /^\*\*contracted\*\* — Delivered under a contract/],
        ['ijb.joinery', '    body', 4, /^\*\*body\*\* — The forum is also a legal body/],
        ['ics-place.joinery', 'sector third', 'sector '.length, /Healthwatch is a charity or social enterprise with a statutory function/],
        ['ics-place.joinery', 'sector independent', 'sector '.length, /GP practices are independent contractors/],
        ['ics-place.joinery', 'has regard to', 0, /^\*\*has regard to\*\* — Forums or goals \(strategies\) it must consider/]
    ])('in %s, %s', async (file, needle, offset, expected) => {
        expect(await hoverAt(file, needle, offset)).toMatch(expected);
    });

    it('gives borderline guidance for probation, housing associations and staff-side members', async () => {
        expect(await hoverAt('ijb.joinery', 'sector statutory', 'sector '.length)).toMatch(/probation is statutory/);
        expect(await hoverAt('ics-place.joinery', 'sector third', 'sector '.length)).toMatch(/housing associations are third sector/);
        expect(await hoverAt('ijb.joinery', 'sector community', 'sector '.length)).toMatch(/staff-side \(trade union\) member/);
    });

    it('still summarises a declaration from its own keyword: a body, its chairs and its directions', async () => {
        const ijb = await hoverAt('ijb.joinery', 'forum IJB', 0);
        expect(ijb).toContain('**forum IJB** — Kinbrae Integration Joint Board');
        expect(ijb).toContain('a body (sector statutory): it can act as a party');
        expect(ijb).toContain('Advisory by law (no vote by law): Chief Officer');
        expect(ijb).toContain('Chair: Kinbrae Council · vice-chair: NHS Kinbrae · decides by vote');
        expect(ijb).toContain('Controls: Integrated budget and Set-aside budget for unscheduled hospital care');
        expect(ijb).toContain('Scrutinised by: Performance and audit committee');
        expect(ijb).toContain('Issues directions: Community health services, Adult social care and Unscheduled hospital care (set aside)');
        const direction = await hoverAt('ijb.joinery', 'direction Social', 0);
        expect(direction).toContain('From Kinbrae Integration Joint Board to Kinbrae Council');
        expect(direction).toContain('Review: 2026-03-31');
    });
});

describe('highlighting', () => {
    let tokens: DecodedToken[];
    const at = (needle: string, offset: number) => {
        const position = positionOf(texts['ijb.joinery'], needle, 1, offset);
        return tokens.find(t => t.line === position.line && t.character === position.character);
    };

    beforeAll(async () => {
        const legend = session.initializeResult!.capabilities.semanticTokensProvider!.legend;
        tokens = decodeSemanticTokens(await request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: uris['ijb.joinery'] } }), legend, texts['ijb.joinery']);
    });

    it('colours the new keywords, values, flags, names and dates', () => {
        expect(at('    body', 4)).toMatchObject({ text: 'body', type: 'modifier' });
        expect(at('vice-chair NHSK', 0)).toMatchObject({ text: 'vice-chair', type: 'keyword' });
        expect(at('vice-chair NHSK', 'vice-chair '.length)).toMatchObject({ text: 'NHSK', type: 'class' });
        expect(at('decides by vote', 'decides by '.length)).toMatchObject({ text: 'vote', type: 'enumMember' });
        expect(at('Providers contracted', 'Providers '.length)).toMatchObject({ text: 'contracted', type: 'enumMember' });
        expect(at('direction Community', 'direction '.length)).toMatchObject({ text: 'Community', type: 'method', modifiers: ['declaration'] });
        expect(at('review 2026-03-31', 'review '.length)).toMatchObject({ text: '2026-03-31', type: 'number' });
        expect(at('term recurrent', 'term '.length)).toMatchObject({ text: 'recurrent', type: 'enumMember' });
        expect(at('from IJB to NHSK', 'from '.length)).toMatchObject({ text: 'IJB', type: 'struct' });
    });
});

describe('completion of parties', () => {
    it('offers forums declared `body` where a party is taken, and no other forum', async () => {
        const text = texts['ics-place.joinery'];
        const result = await request<CompletionList | CompletionItem[]>('textDocument/completion', {
            textDocument: { uri: uris['ics-place.joinery'] }, position: positionOf(text, 'partners ICB, Council', 1, 'partners '.length)
        });
        const labels = (Array.isArray(result) ? result : result.items).map(item => item.label);
        expect(labels).toContain('ICB');
        expect(labels).toContain('Council');
        expect(labels).not.toContain('ICP');
    });
});

describe('the quick fix for several stage claims', () => {
    it('keeps the claims the model supports and drops the others', async () => {
        const diagnostic = (session.diagnostics.get(uris['claims.joinery']) ?? []).find(d => d.code === 'stage-claim-unsupported') as Diagnostic;
        const actions = await request<CodeAction[]>('textDocument/codeAction', {
            textDocument: { uri: uris['claims.joinery'] }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
        });
        const fix = actions.find(a => a.title.startsWith('Claim only'))!;
        expect(fix.title).toBe('Claim only stage 6a (lead agency), which the model supports');
        const fixed = applyWorkspaceEdit({ [uris['claims.joinery']]: texts['claims.joinery'] }, fix.edit!);
        expect(fixed[uris['claims.joinery']]).toContain('  stage 6a\n  lead A');
    });
});
