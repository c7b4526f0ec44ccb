import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, CodeLens, Diagnostic } from 'vscode-languageserver-protocol';
import { LanguageServerSession } from '../support/lsp-client.js';
import { applyWorkspaceEdit } from '../support/lsp-text.js';
import { checkWorkspace } from '../support/workspace.js';

// The code actions every gap finding gets besides its fixes ("Suppress <rule> for
// <element>…", "Open documentation for <rule>") and the map's code lens, from the
// real server over stdio: once as Neovim would start it, once as the VS Code
// client does (naming its own commands in initializationOptions).
const FILES: Record<string, string> = {
    'actors.joinery': `actor NHS "Health board" { sector statutory }
actor Council "Council" { sector statutory }
actor Carers "Carers centre" { sector third }
/// Sits on the board for the local third sector.
/// (Two lines of documentation.)
actor TSI "Third sector interface" { sector third represents Carers }
`,
    'north.joinery': `arrangement North "North partnership" {
  partners NHS, Council
  forum IJB "Joint board" { kind board voting NHS, Council advisory TSI }
  system Trak "Patient record" { owner NHS }
  system Swift "Social work record" { owner Council }
  team Rehab "Rehabilitation team" { staff NHS, Council uses Trak, Swift }
  service Respite "Respite care" { delivered by Carers }
}
`
};
const CLIENT_COMMANDS = { clientCommands: ['joinery.openRuleDocumentation', 'joinery.showIntegrationMap'] };

let workspace: string;
const uris: Record<string, string> = {};
const sessions: LanguageServerSession[] = [];

beforeAll(async () => {
    workspace = mkdtempSync(path.join(tmpdir(), 'joinery-actions-'));
    for (const [file, text] of Object.entries(FILES)) {
        writeFileSync(path.join(workspace, file), text);
        uris[file] = pathToFileURL(path.join(workspace, file)).href;
    }
    sessions.push(await LanguageServerSession.start(workspace), await LanguageServerSession.start(workspace, { initializationOptions: CLIENT_COMMANDS }));
    await Promise.all(sessions.map(s => s.settle(2)));
});

afterAll(async () => {
    await Promise.all(sessions.map(s => s.stop()));
    rmSync(workspace, { recursive: true, force: true });
});

const [plain, vscode] = [0, 1].map(i => () => sessions[i]);

function diagnostic(session: LanguageServerSession, file: string, rule: string): Diagnostic {
    const found = (session.diagnostics.get(uris[file]) ?? []).find(d => d.code === rule);
    if (!found) throw new Error(`no ${rule} in ${file}`);
    return found;
}

async function actions(session: LanguageServerSession, file: string, found: Diagnostic): Promise<CodeAction[]> {
    return session.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uris[file] }, range: found.range, context: { diagnostics: [found] } });
}

function texts(): Record<string, string> {
    return Object.fromEntries(Object.entries(FILES).map(([file, text]) => [uris[file], text]));
}

function byFile(edited: Record<string, string>): Record<string, string> {
    return Object.fromEntries(Object.entries(uris).map(([file, uri]) => [file, edited[uri]]));
}

describe('"Suppress <rule> for <element>…"', () => {
    it('inserts the directive on the line before a top-level actor, above its documentation', async () => {
        for (const [rule, element, expected] of [
            ['no-board-voice', 'Carers', 'actor Council "Council" { sector statutory }\n// joinery-ignore no-board-voice: \nactor Carers'],
            ['one-way-representation', 'TSI', 'actor Carers "Carers centre" { sector third }\n// joinery-ignore one-way-representation: \n/// Sits on the board']
        ]) {
            const found = diagnostic(plain(), 'actors.joinery', rule);
            const suppress = (await actions(plain(), 'actors.joinery', found)).find(a => a.title === `Suppress ${rule} for ${element}…`);
            expect(suppress, rule).toBeDefined();
            expect(suppress!.kind).toBe('quickfix');
            expect(byFile(applyWorkspaceEdit(texts(), suppress!.edit!))['actors.joinery']).toContain(expected);
        }
    });

    it('indents it like an element of an arrangement, and with a reason written the finding is gone with no new warning', async () => {
        const found = diagnostic(plain(), 'north.joinery', 'team-without-shared-system');
        const suppress = (await actions(plain(), 'north.joinery', found)).find(a => a.title === 'Suppress team-without-shared-system for Rehab…')!;
        const edited = byFile(applyWorkspaceEdit(texts(), suppress.edit!));
        expect(edited['north.joinery']).toContain('  system Swift "Social work record" { owner Council }\n  // joinery-ignore team-without-shared-system: \n  team Rehab');
        // Left without a reason, RULES.md's warning asks for one; with one, nothing is reported.
        const withoutReason = (await checkWorkspace(edited)).findings;
        expect(withoutReason.map(f => f.rule)).toContain('suppression-without-reason');
        expect(withoutReason.some(f => f.rule === 'team-without-shared-system')).toBe(false);
        const reasoned = { ...edited, 'north.joinery': edited['north.joinery'].replace('shared-system: \n', 'shared-system: the records are merged next year\n') };
        const after = (await checkWorkspace(reasoned)).findings.map(f => f.rule);
        const beforeRules = (await checkWorkspace(FILES)).findings.map(f => f.rule).filter(rule => rule !== 'team-without-shared-system');
        expect(after.sort()).toEqual(beforeRules.sort());
    });

    it('is not offered for model errors, which are never suppressed', async () => {
        const session = plain();
        const uri = uris['north.joinery'];
        const text = FILES['north.joinery'].replace('uses Trak, Swift', 'uses Trak, Swif');
        const next = session.nextDiagnostics(uri);
        await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'joinery', version: 2, text } });
        const reference = (await next).find(d => d.code === 'reference')!;
        const titles = (await actions(session, 'north.joinery', reference)).map(a => a.title);
        expect(titles).toEqual(["Change to 'Swift'"]);
        const restored = session.nextDiagnostics(uri);
        await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: FILES['north.joinery'] }] });
        await restored;
    });
});

describe('"Open documentation for <rule>" and the map lens', () => {
    it('are offered only to a client that has the commands', async () => {
        const titles = async (session: LanguageServerSession) => (await actions(session, 'actors.joinery', diagnostic(session, 'actors.joinery', 'no-board-voice'))).map(a => a.title);
        expect(await titles(plain())).not.toContain('Open documentation for no-board-voice');
        const offered = (await actions(vscode(), 'actors.joinery', diagnostic(vscode(), 'actors.joinery', 'no-board-voice'))).find(a => a.title === 'Open documentation for no-board-voice');
        expect(offered?.command).toMatchObject({ command: 'joinery.openRuleDocumentation', arguments: ['no-board-voice'] });

        const lenses = async (session: LanguageServerSession) => session.connection.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uris['north.joinery'] } });
        expect((await lenses(plain())).map(l => l.command?.command)).toEqual(['joinery.checkWorkspace']);
        const map = (await lenses(vscode())).find(l => l.command?.command === 'joinery.showIntegrationMap');
        expect(map?.command).toMatchObject({ title: 'Show integration map', arguments: [uris['north.joinery'], 'North'] });
    });
});
