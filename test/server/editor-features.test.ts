import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
    CodeLens, CompletionItem, CompletionList, Diagnostic, DocumentSymbol, FoldingRange, Hover, MarkupContent,
    SemanticTokens, SymbolInformation
} from 'vscode-languageserver-protocol';
import { findRule } from '../../language-server/src/rules/registry.js';
import { LanguageServerSession, ROOT } from '../support/lsp-client.js';
import { decodeSemanticTokens, positionOf, type DecodedToken } from '../support/lsp-text.js';
import { checkWorkspace } from '../support/workspace.js';

let workspace: string;
let session: LanguageServerSession;
const uris: Record<string, string> = {};
const texts: Record<string, string> = {};

beforeAll(async () => {
    workspace = mkdtempSync(path.join(tmpdir(), 'joinery-editor-'));
    cpSync(path.join(ROOT, 'examples/lanarkshire'), workspace, { recursive: true });
    for (const file of readdirSync(workspace)) {
        uris[file] = pathToFileURL(path.join(workspace, file)).href;
        texts[file] = readFileSync(path.join(workspace, file), 'utf-8');
    }
    session = await LanguageServerSession.start(workspace);
    await session.settle(3);
    for (const file of ['north.joinery', 'actors.joinery']) {
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

async function hoverText(file: string, position: { line: number; character: number }): Promise<string> {
    const hover = await request<Hover | null>('textDocument/hover', { textDocument: { uri: uris[file] }, position });
    return hover ? (hover.contents as MarkupContent).value : '';
}

function diagnosticsOf(file: string, rule: string): Diagnostic[] {
    return (session.diagnostics.get(uris[file]) ?? []).filter(d => d.code === rule);
}

describe('semantic highlighting', () => {
    let tokens: DecodedToken[];
    let actorTokens: DecodedToken[];

    beforeAll(async () => {
        const legend = session.initializeResult!.capabilities.semanticTokensProvider!.legend;
        const north = await request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: uris['north.joinery'] } });
        tokens = decodeSemanticTokens(north, legend, texts['north.joinery']);
        const actors = await request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: uris['actors.joinery'] } });
        actorTokens = decodeSemanticTokens(actors, legend, texts['actors.joinery']);
    });

    const at = (list: DecodedToken[], text: string, needle: string, offset: number) => {
        const position = positionOf(text, needle, 1, offset);
        return list.find(t => t.line === position.line && t.character === position.character);
    };

    it('colours declaration names by kind, marked as declarations', () => {
        const north = texts['north.joinery'];
        expect(at(tokens, north, 'arrangement NorthLanarkshire', 'arrangement '.length)).toMatchObject({ text: 'NorthLanarkshire', type: 'namespace', modifiers: ['declaration'] });
        expect(at(tokens, north, 'forum IJB', 'forum '.length)).toMatchObject({ text: 'IJB', type: 'struct', modifiers: ['declaration'] });
        expect(at(tokens, north, 'budget IntegratedBudget', 'budget '.length)).toMatchObject({ type: 'variable', modifiers: ['declaration'] });
        expect(at(tokens, north, 'team IRT', 'team '.length)).toMatchObject({ type: 'type', modifiers: ['declaration'] });
        expect(at(actorTokens, texts['actors.joinery'], 'actor NHSL', 'actor '.length)).toMatchObject({ text: 'NHSL', type: 'class', modifiers: ['declaration'] });
    });

    it('colours references by the kind they resolve to', () => {
        const north = texts['north.joinery'];
        expect(at(tokens, north, 'partners NHSL', 'partners '.length)).toMatchObject({ text: 'NHSL', type: 'class', modifiers: [] });
        expect(at(tokens, north, 'reports to IJB', 'reports to '.length)).toMatchObject({ text: 'IJB', type: 'struct', modifiers: [] });
        expect(at(tokens, north, 'uses HealthRecord', 'uses '.length)).toMatchObject({ type: 'interface', modifiers: [] });
        expect(at(actorTokens, texts['actors.joinery'], '  in CareSystem', '  in '.length)).toMatchObject({ type: 'enum', modifiers: [] });
    });

    it('colours sectors and listed values as enum members, flags as modifiers, keywords, comments and documentation', () => {
        const north = texts['north.joinery'];
        const actors = texts['actors.joinery'];
        expect(at(actorTokens, actors, 'sector third', 'sector '.length)).toMatchObject({ text: 'third', type: 'enumMember' });
        expect(at(actorTokens, actors, 'sector statutory', 'sector '.length)).toMatchObject({ text: 'statutory', type: 'enumMember' });
        expect(at(actorTokens, actors, 'sector third', 0)).toMatchObject({ text: 'sector', type: 'keyword' });
        expect(at(tokens, north, 'kind board', 'kind '.length)).toMatchObject({ text: 'board', type: 'enumMember' });
        expect(at(tokens, north, 'colocated', 0)).toMatchObject({ type: 'modifier' });
        expect(at(tokens, north, 'informal two-way', 'informal '.length)).toMatchObject({ text: 'two-way', type: 'modifier' });
        expect(at(tokens, north, 'VANL -> IJB', 'VANL '.length)).toMatchObject({ text: '->', type: 'operator' });
        expect(at(tokens, north, '/// Where local', 0)).toMatchObject({ type: 'comment', modifiers: ['documentation'] });
        expect(at(tokens, north, '// North Lanarkshire', 0)).toMatchObject({ type: 'comment', modifiers: [] });
    });
});

describe('hover', () => {
    it('summarises every kind of element from the derived model, agreeing with the published findings', async () => {
        const north = texts['north.joinery'];
        const isolated = diagnosticsOf('north.joinery', 'isolated-forum');
        const unmeasured = diagnosticsOf('north.joinery', 'unmeasured-goal');
        const disconnected = diagnosticsOf('north.joinery', 'team-without-shared-system');
        expect(isolated.length * unmeasured.length * disconnected.length).toBeGreaterThan(0);
        for (const d of isolated) expect(await hoverText('north.joinery', d.range.start)).toContain('**No route** to a board');
        for (const d of unmeasured) expect(await hoverText('north.joinery', d.range.start)).toContain('**Measured by no indicator**');
        for (const d of disconnected) expect(await hoverText('north.joinery', d.range.start)).toContain('not one connected group');

        const commissioning = await hoverText('north.joinery', positionOf(north, 'forum StrategicCommissioning', 1, 'forum '.length));
        expect(commissioning).toContain('**forum StrategicCommissioning** — Strategic Commissioning Group');
        expect(commissioning).toContain('Develops the strategic commissioning plan');
        expect(commissioning).toContain('Reaches a board of the arrangement');
        const measured = await hoverText('north.joinery', positionOf(north, 'goal Prevention', 1, 'goal '.length));
        expect(measured).toContain('Measured by: Emergency admissions (efficiency)');
        const budget = await hoverText('north.joinery', positionOf(north, 'budget IntegratedBudget', 1, 'budget '.length));
        expect(budget).toContain('Controlled by boards: North Lanarkshire Integration Joint Board');
        expect(budget).toContain('Held by: North Lanarkshire Integration Joint Board');
        const system = await hoverText('north.joinery', positionOf(north, 'system HealthRecord', 1, 'system '.length));
        expect(system).toContain('Used by: Integrated Rehabilitation Teams');
        expect(system).toContain('Linked to: none');
    });

    it('hovers unnamed elements from their keyword', async () => {
        const north = texts['north.joinery'];
        const channel = await hoverText('north.joinery', positionOf(north, 'channel VANL -> IJB'));
        expect(channel).toContain('**channel** — Third sector interface seat');
        expect(channel).toContain('From Voluntary Action North Lanarkshire to North Lanarkshire Integration Joint Board (seat)');
        expect(channel).toContain('One-way');
        const referral = await hoverText('north.joinery', positionOf(north, 'referral IRT'));
        expect(referral).toContain('Refers people from Integrated Rehabilitation Teams to Local third sector organisations (North Lanarkshire)');
    });

    it('tells of an actor its forums, its voice on a board and through whom, and its budgets', async () => {
        const actors = texts['actors.joinery'];
        const anchors = await hoverText('actors.joinery', positionOf(actors, 'actor NLAnchors', 1, 'actor '.length));
        expect(anchors).toContain('Sector: third · kind: network · domain: Community');
        expect(anchors).toContain('sits on Community Solutions');
        expect(anchors).toContain('reaches North Lanarkshire Integration Joint Board through Voluntary Action North Lanarkshire');
        const council = await hoverText('actors.joinery', positionOf(actors, 'actor NLC', 1, 'actor '.length));
        expect(council).toContain('holds Council social work budget');
    });
});

describe('completion', () => {
    async function complete(file: string, needle: string, offset = needle.length): Promise<CompletionItem[]> {
        const result = await request<CompletionList | CompletionItem[]>('textDocument/completion', {
            textDocument: { uri: uris[file] }, position: positionOf(texts[file], needle, 1, offset)
        });
        return Array.isArray(result) ? result : result.items;
    }

    it.each([
        ['uses ', ['system'], 'HealthRecord'],
        ['measures ', ['goal'], 'HospitalFlow'],
        ['held by ', ['forum', 'actor'], 'IJB'],
        ['delivered by ', ['actor', 'team'], 'IRT'],
        ['controls ', ['budget'], 'IntegratedBudget'],
        ['reported by ', ['actor', 'team', 'forum'], 'NHSL']
    ])('offers only the right kinds after `%s`', async (keyword, kinds, expected) => {
        const items = await complete('north.joinery', keyword);
        const references = items.filter(i => i.detail !== 'Keyword');
        expect(references.map(i => i.label)).toContain(expected);
        for (const item of references) expect(kinds).toContain(item.detail!.split(' — ')[0]);
        // The arrangement's own elements come by their plain names only.
        expect(references.map(i => i.label).filter(l => String(l).startsWith('NorthLanarkshire.'))).toEqual([]);
    });

    it('offers domains after `in`, with their titles', async () => {
        const items = await complete('actors.joinery', '  in CareSystem', '  in '.length);
        expect(items.map(i => i.label).sort()).toEqual(['CareSystem', 'Community', 'Government']);
        expect(items.find(i => i.label === 'CareSystem')?.detail).toBe('domain — Health and social care system');
    });

    it('offers the property keywords of a forum, those of several words whole', async () => {
        const items = await complete('north.joinery', '    reports to IJB', '    '.length);
        const labels = items.map(i => i.label);
        expect(labels).toEqual(expect.arrayContaining([
            'kind', 'voting', 'advisory', 'advisory by law', 'reports to', 'controls', 'has regard to', 'decides by', 'vice-chair', 'scrutinises'
        ]));
        expect(labels).not.toContain('partners');
        expect(labels).not.toContain('has');
    });
});

describe('symbols and folding', () => {
    it('outlines an arrangement with titles, channels and referrals', async () => {
        const symbols = await request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uris['north.joinery'] } });
        const north = symbols.find(s => s.name === 'NorthLanarkshire')!;
        expect(north.detail).toBe('North Lanarkshire Health and Social Care Partnership');
        const children = north.children!;
        expect(children.find(c => c.name === 'IJB')).toMatchObject({ detail: 'North Lanarkshire Integration Joint Board', kind: 23 /* Struct */ });
        expect(children.map(c => c.name)).toEqual(expect.arrayContaining(['channel VANL -> IJB', 'referral IRT -> NLThirdSector']));
    });

    it('finds elements across the workspace by name', async () => {
        const symbols = await request<SymbolInformation[]>('workspace/symbol', { query: 'IJB' });
        const ijb = symbols.find(s => s.name === 'NorthLanarkshire.IJB');
        expect(ijb).toMatchObject({ kind: 23, location: { uri: uris['north.joinery'] } });
        expect(symbols.some(s => s.name === 'SouthLanarkshire.IJB')).toBe(true);
    });

    it('folds declarations and runs of comments', async () => {
        const ranges = await request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: uris['north.joinery'] } });
        const north = texts['north.joinery'];
        const header = ranges.find(r => r.kind === 'comment' && r.startLine === 0);
        expect(header?.endLine).toBe(positionOf(north, '// magnitude').line);
        const forumLine = positionOf(north, 'forum IJB').line;
        expect(ranges.some(r => r.startLine === forumLine && r.kind === undefined)).toBe(true);
        const docLine = positionOf(north, '/// Where local').line;
        expect(ranges.find(r => r.startLine === docLine)).toMatchObject({ kind: 'comment', endLine: docLine + 2 });
    });
});

describe('code lens', () => {
    it('shows each arrangement its supported and claimed stage and its gaps by integration type, running Check Workspace', async () => {
        const loaded = await checkWorkspace(texts);
        for (const [file, name] of [['north.joinery', 'NorthLanarkshire'], ['south.joinery', 'SouthLanarkshire']]) {
            const lenses = await request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uris[file] } });
            expect(lenses).toHaveLength(1);
            const lens = lenses[0];
            expect(lens.command?.command).toBe('joinery.checkWorkspace');
            const counts: Record<string, number> = { structural: 0, relational: 0, institutional: 0 };
            for (const diagnostics of session.diagnostics.values()) {
                for (const d of diagnostics) {
                    const type = findRule(String(d.code))?.type;
                    if (type && type in counts && (d.data as { arrangement?: string }).arrangement === name) counts[type]++;
                }
            }
            const stage = loaded.services.analysis.IntegrationAnalysis.arrangementModel(loaded.arrangement(name)).stageSupport;
            expect(lens.command!.title.startsWith(
                `supports stage ${stage.supportedStage} · claims ${stage.claimed} · `
                + `${counts.structural} structural, ${counts.relational} relational, ${counts.institutional} institutional gaps`)).toBe(true);
            expect(counts.structural).toBeGreaterThan(0);
            expect(lens.range.start).toEqual(positionOf(texts[file], `arrangement ${name}`, 1, 'arrangement '.length));
        }
    });
});

describe('code lens with the editor rule settings', () => {
    it('counts only the findings the editor shows', async () => {
        const lensTitle = async () => (await request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uris['north.joinery'] } }))[0].command!.title;
        const structural = (title: string) => Number(/(\d+) structural/.exec(title)![1]);
        const before = structural(await lensTitle());
        const silenced = diagnosticsOf('north.joinery', 'team-without-shared-system').length;
        expect(silenced).toBeGreaterThan(0);
        const next = session.nextDiagnostics(uris['north.joinery']);
        await session.connection.sendNotification('workspace/didChangeConfiguration', {
            settings: { joinery: { rules: { 'team-without-shared-system': 'off' } } }
        });
        expect((await next).some(d => d.code === 'team-without-shared-system')).toBe(false);
        expect(structural(await lensTitle())).toBe(before - silenced);
    });
});
