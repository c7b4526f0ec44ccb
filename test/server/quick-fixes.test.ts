import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import type { Finding } from '../../language-server/src/findings/finding.js';
import { LanguageServerSession } from '../support/lsp-client.js';
import { applyEdits, applyWorkspaceEdit } from '../support/lsp-text.js';
import { checkWorkspace } from '../support/workspace.js';

const FILES: Record<string, string> = {
    'actors.joinery': `actor NHS "Health board" { sector statutory }
actor Council "Council" { sector statutory }
actor Carers "Carers centre" { sector third }
/// Sits on the board for the local third sector.
actor TSI "Third sector interface" { sector third represents Groups, Carers }
actor Groups "Local groups" { sector third kind network }
`,
    'north.joinery': `// The partnership.
arrangement North "North partnership" {
  partners NHS, Council
  stage 6b
  forum IJB "Joint board" { kind board voting NHS, Council advisory TSI }
  system Trak "Patient record" { owner NHS }
  system Swift "Social work record" { owner Council } // no link yet
  team Rehab "Rehabilitation team" { staff NHS, Council uses Trak, Swift }
  service Respite "Respite care" { delivered by Carers }
  channel Groups -> TSI { kind representation }
  goal Prevention "Early \\"intervention\\"" { owner IJB }
}
`,
    'south.joinery': `arrangement South "South partnership" {
  partners NHS
  forum Board "South board" {
    kind board
    voting NHSS
  }
  system Local "Local record" { owner NHS } system Spare { owner NHS }
  team Hub "Hub team" { staff NHS, Council uses Local, North.Swift }
}
`
};

const FIXED_RULES = ['no-board-voice', 'team-without-shared-system', 'one-way-representation', 'unmeasured-goal', 'stage-claim-unsupported', 'reference'];
const MODEL_ERRORS = ['syntax', 'reference', 'semantic'];

let workspace: string;
let session: LanguageServerSession;
const uris: Record<string, string> = {};
let before: Finding[];

beforeAll(async () => {
    workspace = mkdtempSync(path.join(tmpdir(), 'joinery-fixes-'));
    for (const [file, text] of Object.entries(FILES)) {
        writeFileSync(path.join(workspace, file), text);
        uris[file] = pathToFileURL(path.join(workspace, file)).href;
    }
    session = await LanguageServerSession.start(workspace);
    await session.settle(3);
    before = (await checkWorkspace(FILES)).findings;
});

afterAll(async () => {
    await session?.stop();
    rmSync(workspace, { recursive: true, force: true });
});

function textsByUri(): Record<string, string> {
    return Object.fromEntries(Object.entries(FILES).map(([file, text]) => [uris[file], text]));
}

function byFileName(texts: Record<string, string>): Record<string, string> {
    return Object.fromEntries(Object.entries(uris).map(([file, uri]) => [file, texts[uri]]));
}

/** Every diagnostic the server published that a quick fix should answer. */
function fixableDiagnostics(): Array<{ file: string; diagnostic: Diagnostic }> {
    return Object.keys(FILES).flatMap(file => (session.diagnostics.get(uris[file]) ?? [])
        .filter(d => FIXED_RULES.includes(String(d.code)))
        .map(diagnostic => ({ file, diagnostic })));
}

async function actionsFor(file: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return await session.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: uris[file] }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
    });
}

function textAt(text: string, range: Diagnostic['range']): string {
    return text.slice(offsetOf(text, range.start), offsetOf(text, range.end));
}

function offsetOf(text: string, position: Diagnostic['range']['start']): number {
    const lines = text.split('\n');
    return lines.slice(0, position.line).reduce((sum, line) => sum + line.length + 1, 0) + position.character;
}

describe('quick fixes', () => {
    it('publishes a finding of every rule that has a quick fix', () => {
        expect(new Set(fixableDiagnostics().map(f => f.diagnostic.code))).toEqual(new Set(FIXED_RULES));
    });

    it('offers a fix for each such finding, which parses, removes the finding and adds no model error', async () => {
        const modelErrorsBefore = new Set(before.filter(f => MODEL_ERRORS.includes(f.rule)).map(f => `${f.rule} ${f.message}`));
        let checked = 0;
        for (const { file, diagnostic } of fixableDiagnostics()) {
            const actions = await actionsFor(file, diagnostic);
            const label = `${diagnostic.code}: ${diagnostic.message}`;
            expect(actions.length, label).toBeGreaterThan(0);
            expect(actions.filter(a => a.isPreferred).length, label).toBe(1);
            for (const action of actions) {
                expect(action.kind).toBe('quickfix');
                expect(action.diagnostics?.[0]).toEqual(diagnostic);
                // Nothing outside the edit changes: an edit inserts, replaces white space, or replaces the one token at fault.
                for (const [uri, edits] of Object.entries(action.edit!.changes!)) {
                    const original = textsByUri()[uri];
                    for (const edit of edits) {
                        const replaced = textAt(original, edit.range);
                        const token = diagnostic.code === 'reference' ? textAt(FILES[file], diagnostic.range)
                            : diagnostic.code === 'stage-claim-unsupported' ? '6b' : undefined;
                        expect(/^\s*$/.test(replaced) || replaced === token, `${label} replaces '${replaced}'`).toBe(true);
                    }
                }
                const fixed = byFileName(applyWorkspaceEdit(textsByUri(), action.edit!));
                const after = (await checkWorkspace(fixed)).findings;
                const title = `${label} → ${action.title}`;
                expect(after.filter(f => f.rule === 'syntax'), title).toEqual([]);
                expect(after.filter(f => MODEL_ERRORS.includes(f.rule) && !modelErrorsBefore.has(`${f.rule} ${f.message}`)), title).toEqual([]);
                expect(after.some(f => f.rule === diagnostic.code && f.message === diagnostic.message), title).toBe(false);
                const data = diagnostic.data as { arrangement?: string; element?: string };
                if (diagnostic.code !== 'one-way-representation') {
                    expect(after.some(f => f.rule === diagnostic.code && f.arrangement === data.arrangement && f.element === data.element), title).toBe(false);
                }
                checked++;
            }
        }
        expect(checked).toBeGreaterThanOrEqual(FIXED_RULES.length);
    });

    it('writes what the model needs: a channel to a board or to the intermediary, links, a two-way channel, an indicator, the supported stage', async () => {
        const titlesFor = async (rule: string) => {
            const found = fixableDiagnostics().filter(f => f.diagnostic.code === rule);
            const actions = (await Promise.all(found.map(f => actionsFor(f.file, f.diagnostic)))).flat();
            // The suppression every gap finding is offered has its own test (editor-actions.test.ts).
            return actions.filter(a => !a.title.startsWith('Suppress ')).map(a => ({ title: a.title, text: Object.values(a.edit!.changes!).flat().map(e => e.newText.trim()).join('\n') }));
        };
        expect(await titlesFor('no-board-voice')).toEqual(expect.arrayContaining([
            // Carers is declared in actors.joinery; the channel goes into the arrangement's file, and the title says so.
            { title: 'Add a channel from Carers centre to Joint board (in north.joinery)', text: 'channel Carers -> IJB { kind consultation }' },
            { title: 'Add a two-way channel from Carers centre to Third sector interface, which reaches a board (in north.joinery)', text: 'channel Carers -> TSI { kind representation two-way }' }
        ]));
        expect(await titlesFor('team-without-shared-system')).toEqual(expect.arrayContaining([
            { title: 'Add a link between Patient record and Social work record', text: 'link Trak <-> Swift' },
            { title: 'Add a link between Local record and Social work record', text: 'link Local <-> North.Swift' }
        ]));
        expect(await titlesFor('one-way-representation')).toEqual(expect.arrayContaining([
            { title: 'Mark the channel Groups -> TSI two-way (in north.joinery)', text: 'two-way' },
            { title: 'Add a two-way channel from Local groups to Third sector interface (in north.joinery)', text: 'channel Groups -> TSI { kind representation two-way }' },
            { title: 'Add a two-way channel from Carers centre to Third sector interface (in north.joinery)', text: 'channel Carers -> TSI { kind representation two-way }' }
        ]));
        expect(await titlesFor('unmeasured-goal')).toEqual([{
            title: 'Add an indicator that measures Early "intervention"',
            text: 'indicator PreventionMeasure "Measure of Early \\"intervention\\"" { measures Prevention kind outcome }'
        }]);
        expect(await titlesFor('reference')).toEqual([{ title: "Change to 'NHS'", text: 'NHS' }]);
        const stage = (await titlesFor('stage-claim-unsupported'))[0];
        const loaded = await checkWorkspace(FILES);
        const supported = loaded.services.analysis.IntegrationAnalysis.arrangementModel(loaded.arrangement('North')).stageSupport.supportedStage;
        expect(stage.text).toBe(supported);
        expect(stage.title).toContain(`Claim stage ${supported} (`);
    });

    it('places new lines after their neighbours, indented alike, past a trailing comment', async () => {
        const [{ file, diagnostic }] = fixableDiagnostics().filter(f => f.diagnostic.code === 'team-without-shared-system' && f.file === 'north.joinery');
        const [action] = await actionsFor(file, diagnostic);
        const fixed = byFileName(applyWorkspaceEdit(textsByUri(), action.edit!))['north.joinery'];
        expect(fixed).toContain('  system Swift "Social work record" { owner Council } // no link yet\n  link Trak <-> Swift\n  team Rehab');
        const [southFix] = await actionsFor('south.joinery', fixableDiagnostics().find(f => f.file === 'south.joinery' && f.diagnostic.code === 'team-without-shared-system')!.diagnostic);
        const south = byFileName(applyWorkspaceEdit(textsByUri(), southFix.edit!))['south.joinery'];
        expect(south).toContain('system Spare { owner NHS }\n  link Local <-> North.Swift\n  team Hub');
    });

    it('clears the diagnostic in the editor once the fix is applied', async () => {
        const { diagnostic } = fixableDiagnostics().find(f => f.diagnostic.code === 'stage-claim-unsupported')!;
        const [action] = await actionsFor('north.joinery', diagnostic);
        const text = applyEdits(FILES['north.joinery'], action.edit!.changes![uris['north.joinery']]);
        const next = session.nextDiagnostics(uris['north.joinery']);
        await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uris['north.joinery'], languageId: 'joinery', version: 1, text } });
        const diagnostics = await next;
        expect(diagnostics.some(d => d.code === 'stage-claim-unsupported')).toBe(false);
        expect(diagnostics.some(d => d.code === 'team-without-shared-system')).toBe(true);
    });
});
