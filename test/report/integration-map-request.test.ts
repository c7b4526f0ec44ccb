import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IntegrationMapRequest, type IntegrationMapParams, type IntegrationMapView } from '../../language-server/src/server/integration-map-protocol.js';
import { LanguageServerSession, ROOT } from '../support/lsp-client.js';
import { loadExample } from './example-models.js';

// `joinery/integrationMap` from the real server over stdio: the map the editor's
// webview paints, for the arrangement under the cursor, following edits.
let workspace: string;
let session: LanguageServerSession;
const uri = (file: string) => pathToFileURL(path.join(workspace, file)).href;
const text = (file: string) => readFileSync(path.join(workspace, file), 'utf-8');

function positionOf(source: string, needle: string): { line: number; character: number } {
    const before = source.slice(0, source.indexOf(needle)).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}

function requestMap(params: IntegrationMapParams): Promise<IntegrationMapView | null> {
    return session.connection.sendRequest(IntegrationMapRequest, params);
}

beforeAll(async () => {
    workspace = mkdtempSync(path.join(tmpdir(), 'joinery-map-'));
    cpSync(path.join(ROOT, 'examples/lanarkshire'), workspace, { recursive: true });
    session = await LanguageServerSession.start(workspace);
    await session.settle(3);
});
afterAll(async () => {
    await session?.stop();
    rmSync(workspace, { recursive: true, force: true });
});

describe('the integration map request', () => {
    it('maps the arrangement under the cursor with every element, gap and declaration', async () => {
        const south = text('south.joinery');
        const view = await requestMap({ textDocument: { uri: uri('south.joinery') }, position: positionOf(south, 'team ICSTMixed') });
        expect(view?.arrangement).toBe('SouthLanarkshire');
        const { models } = await loadExample('lanarkshire');
        const model = models.find(m => m.arrangement.name === 'SouthLanarkshire')!;
        const nodeIds = Object.keys(view!.locations);
        for (const actor of model.involvedActors) expect(nodeIds).toContain(`actor:${actor.name}`);
        for (const team of model.teams) expect(nodeIds).toContain(`team:${team.name}`);
        const drawn = view!.scene.items.filter(item => item.type === 'group' && item.nodeId).length;
        expect(drawn).toBe(nodeIds.length);
        expect(view!.locations['actor:NHSL'].uri).toBe(uri('actors.joinery'));
        expect(view!.locations['team:ICSTMixed'].range.start.line).toBe(positionOf(south, 'ICSTMixed "').line);
        expect(view!.arrangements.map(a => a.name).sort()).toEqual(['NorthLanarkshire', 'SouthLanarkshire']);
        expect(view!.summary.withoutVoice.length).toBeGreaterThan(0);
    });

    it('maps an arrangement the actor under the cursor takes part in, from the shared actors file', async () => {
        const actors = text('actors.joinery');
        const view = await requestMap({ textDocument: { uri: uri('actors.joinery') }, position: positionOf(actors, 'actor NLAnchors') });
        expect(view?.arrangement).toBe('NorthLanarkshire');
    });

    it('follows its arrangement as the model is edited', async () => {
        const northUri = uri('north.joinery');
        const north = text('north.joinery');
        await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: northUri, languageId: 'joinery', version: 1, text: north } });
        const before = await requestMap({ textDocument: { uri: northUri }, arrangement: 'NorthLanarkshire' });
        expect(Object.keys(before!.locations)).not.toContain('forum:CarersForum');
        expect(before!.summary.unlinked).toEqual(['NHS Lanarkshire patient record and Council social work case system']);

        const edited = north.replace('  system HealthRecord', '  forum CarersForum "Carers forum" { kind engagement advisory Carers reports to IJB }\n'
            + '  link HealthRecord <-> SocialWorkRecord { shares "referrals" }\n  system HealthRecord');
        await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri: northUri, version: 2 }, contentChanges: [{ text: edited }] });
        const after = await requestMap({ textDocument: { uri: northUri }, arrangement: 'NorthLanarkshire' });
        expect(Object.keys(after!.locations)).toContain('forum:CarersForum');
        expect(after!.summary.unlinked).toEqual([]);
        expect(after!.summary.supported).not.toBe(before!.summary.supported);
    });
});
