import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { checkJson, type JsonFinding } from '../support/cli.js';
import { LanguageServerSession } from '../support/lsp-client.js';
import { plainMessage } from '../support/lsp-text.js';
import { BuildStatisticsRequest } from '../../language-server/src/server/build-statistics.js';
// The benchmark's own generator: shared actors, arrangements that reference each other's boards.
import { generateWorkspace } from '../../scripts/bench/workspace-generator.mjs';

let folder: string;
let session: LanguageServerSession;
/** The generator's files, and one partnership that declares its own actors beside them. */
const GENERATED = 59;
const FILES = GENERATED + 1;
const OWN_ACTORS_FILE = 'own/local.joinery';
const OWN_ACTORS = `actor LocalCouncil "Local council" { sector statutory kind organisation }
actor LocalCharity "Local charity" { sector third kind organisation }
arrangement Local "Local partnership" {
  partners LocalCouncil
  forum Board "Board" { kind board voting LocalCouncil 1 }
  team Help "Help" { staff LocalCouncil, LocalCharity }
}
`;

beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'joinery-large-'));
    for (const [name, text] of Object.entries({ ...generateWorkspace(GENERATED), [OWN_ACTORS_FILE]: OWN_ACTORS })) {
        mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
        writeFileSync(path.join(folder, name), text);
    }
    session = await LanguageServerSession.start(folder);
    await session.settle(FILES);
});

afterAll(async () => {
    await session?.stop();
    rmSync(folder, { recursive: true, force: true });
});

const key = (d: { range: { start: { line: number; character: number } }; message: string }, rule: string) =>
    `${d.range.start.line}:${d.range.start.character} ${rule} ${d.message}`;
const fromCli = (findings: JsonFinding[], file: string) => findings.filter(f => f.file === file).map(f => key(f, f.rule)).sort();
const fromServer = (diagnostics: Diagnostic[]) => diagnostics.map(d => key({ range: d.range, message: plainMessage(d) }, String(d.code))).sort();

/** Edits a file open in the server; its first answer, and the CLI's findings of the edited workspace. */
async function editAndAnswer(file: string, edit: (text: string) => string, version: number) {
    const full = path.join(folder, file);
    const uri = pathToFileURL(full).href;
    const original = readFileSync(full, 'utf-8');
    const edited = edit(original);
    expect(edited).not.toBe(original);
    const opened = session.nextDiagnostics(uri);
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'joinery', version, text: original } });
    await opened;
    const first = session.nextDiagnostics(uri);
    await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: version + 1 }, contentChanges: [{ text: edited }] });
    const firstAnswer = await first;
    writeFileSync(full, edited);
    return { firstAnswer, cli: checkJson(['.'], { cwd: folder }) };
}

describe('an edit in a large workspace', () => {
    it('answers for a file of actors and their partnership first, with exactly its final findings', async () => {
        // The charity leaves the team: it takes part in nothing now, which is said at its declaration.
        const { firstAnswer, cli } = await editAndAnswer(OWN_ACTORS_FILE, text => text.replace('staff LocalCouncil, LocalCharity', 'staff LocalCouncil'), 1);
        expect(fromServer(firstAnswer)).toEqual(fromCli(cli.findings, OWN_ACTORS_FILE));
        expect(cli.findings.filter(f => f.file === OWN_ACTORS_FILE && f.rule === 'uninvolved-actor').map(f => f.element)).toEqual(['LocalCharity']);
        await session.settle(FILES);
    });

    it('answers for the edited file first, with exactly its final findings, then for every file', async () => {
        const file = 'arrangements/arr-0030.joinery';
        const full = path.join(folder, file);
        const uri = pathToFileURL(full).href;
        const original = readFileSync(full, 'utf-8');
        // Take away the board's controls and the team's shared system link: findings change here and nowhere else.
        const edited = original.replace('    controls Pool\n', '').replace('  link Cases <-> Shared { shares "referrals" }\n', '');
        expect(edited).not.toBe(original);
        const opened = session.nextDiagnostics(uri);
        await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'joinery', version: 1, text: original } });
        await opened;
        const first = session.nextDiagnostics(uri);
        await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: edited }] });
        const firstAnswer = await first;
        writeFileSync(full, edited);
        const cli = checkJson(['.'], { cwd: folder });
        expect(fromServer(firstAnswer)).toEqual(fromCli(cli.findings, file));
        expect(cli.findings.some(f => f.file === file && f.rule === 'budget-without-board')).toBe(true);

        await session.settle(FILES);
        for (const [documentUri, diagnostics] of session.diagnostics) {
            const relative = path.relative(folder, new URL(documentUri).pathname);
            expect(fromServer(diagnostics), relative).toEqual(fromCli(cli.findings, relative));
        }
    });
});

describe('joinery/buildStatistics after an edit', () => {
    it('counts one re-validated document of the workspace and says where the time went, step by step', async () => {
        const file = path.join(folder, 'arrangements/arr-0012.joinery');
        const uri = pathToFileURL(file).href;
        const text = readFileSync(file, 'utf-8');
        const opened = session.nextDiagnostics(uri);
        await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'joinery', version: 1, text } });
        await opened;
        const answered = session.nextDiagnostics(uri);
        await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: text.replace(/"Partnership 12[^"]*"/, '"Partnership 12, renamed"') }] });
        await answered;
        const statistics = await session.connection.sendRequest(BuildStatisticsRequest);
        expect(statistics.validatedDocuments).toBe(1);
        expect(statistics.workspaceDocuments).toBe(FILES);
        expect(Object.keys(statistics.phaseMs)).toEqual(['parse', 'index', 'scopes', 'link', 'references', 'validate', 'findings', 'total']);
        const steps = Object.entries(statistics.phaseMs).filter(([name]) => name !== 'total').map(([, ms]) => ms);
        expect(steps.every(ms => ms >= 0)).toBe(true);
        expect(steps.reduce((sum, ms) => sum + ms, 0)).toBeCloseTo(statistics.phaseMs.total, 3);
    });
});
