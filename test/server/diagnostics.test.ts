import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkJson } from '../support/cli.js';
import { LanguageServerSession, ROOT } from '../support/lsp-client.js';
import { plainMessage } from '../support/lsp-text.js';

/** The examples plus a broken file, so model errors and gaps both show. */
let workspace: string;
let session: LanguageServerSession;

beforeAll(async () => {
    workspace = mkdtempSync(path.join(tmpdir(), 'joinery-lsp-'));
    cpSync(path.join(ROOT, 'examples'), workspace, { recursive: true });
    cpSync(path.join(ROOT, 'test/fixtures/broken'), path.join(workspace, 'broken'), { recursive: true });
    session = await LanguageServerSession.start(workspace);
});

afterAll(async () => {
    await session?.stop();
    rmSync(workspace, { recursive: true, force: true });
});

describe('language server diagnostics', () => {
    it('equal the CLI findings for the same workspace, finding for finding', async () => {
        const cli = checkJson(['.'], { cwd: workspace });
        expect(cli.files).toBeGreaterThan(7);
        await session.settle(cli.files);
        const fromCli = cli.findings.map(f => ({
            uri: pathToFileURL(path.join(workspace, f.file)).href, range: f.range, severity: f.severity, rule: f.rule, message: f.message
        }));
        const severities = ['', 'error', 'warning', 'info', 'info'];
        const fromServer = [...session.diagnostics].flatMap(([uri, diagnostics]) => diagnostics.map(d => ({
            uri, range: d.range, severity: severities[d.severity ?? 1], rule: String(d.code), message: plainMessage(d)
        })));
        const key = (f: { uri: string; range: { start: { line: number; character: number } }; rule: string; message: string }) =>
            `${f.uri}:${f.range.start.line}:${f.range.start.character}:${f.rule}:${f.message}`;
        expect(fromServer.map(key).sort()).toEqual(fromCli.map(key).sort());
        expect(fromServer.sort((a, b) => key(a) < key(b) ? -1 : 1)).toEqual(fromCli.sort((a, b) => key(a) < key(b) ? -1 : 1));
        expect(fromCli.some(f => f.rule === 'syntax')).toBe(true);
        expect(fromCli.some(f => f.rule === 'reference')).toBe(true);
    });
});
