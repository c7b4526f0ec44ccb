import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { LanguageServerSession } from '../support/lsp-client.js';

const MODEL = `actor H "Health board" { sector statutory }
arrangement A "A partnership" {
  partners H
  forum B "Board" { kind board voting H }
  forum Chat "Chat group" { kind engagement voting H }
}
`;

let session: LanguageServerSession | undefined;
let folder: string | undefined;
afterEach(async () => {
    await session?.stop();
    if (folder) rmSync(folder, { recursive: true, force: true });
    session = undefined;
});

async function serve(files: Record<string, string>, settledFiles: number): Promise<LanguageServerSession> {
    folder = mkdtempSync(path.join(tmpdir(), 'joinery-settings-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(folder, name), text);
    session = await LanguageServerSession.start(folder);
    await session.settle(settledFiles);
    return session;
}

describe('rule settings in the language server', () => {
    it('reports a gap at its default severity with a link to the rule documentation', async () => {
        const server = await serve({ 'm.joinery': MODEL }, 1);
        const diagnostics = server.diagnostics.get(pathToFileURL(path.join(folder!, 'm.joinery')).href)!;
        const isolated = diagnostics.find(d => d.code === 'isolated-forum');
        expect(isolated?.severity).toBe(3);
        expect(isolated?.codeDescription?.href).toMatch(/^file:.*docs\/rules\/isolated-forum\.md$/);
    });

    it('applies joinery.json at the workspace root', async () => {
        const server = await serve({ 'm.joinery': MODEL, 'joinery.json': '{"rules": {"isolated-forum": "off"}}' }, 1);
        const diagnostics = server.diagnostics.get(pathToFileURL(path.join(folder!, 'm.joinery')).href)!;
        expect(diagnostics.some(d => d.code === 'isolated-forum')).toBe(false);
    });

    it('puts a diagnostic on a malformed joinery.json, naming the wrong key', async () => {
        const server = await serve({ 'm.joinery': MODEL, 'joinery.json': '{\n  "rules": {\n    "no-such-rule": "off"\n  }\n}\n' }, 2);
        const configDiagnostics = server.diagnostics.get(pathToFileURL(path.join(folder!, 'joinery.json')).href)!;
        expect(configDiagnostics).toHaveLength(1);
        expect(configDiagnostics[0].message).toMatch(/"rules"\."no-such-rule": unknown rule/);
        expect(configDiagnostics[0].range).toEqual({ start: { line: 2, character: 4 }, end: { line: 2, character: 18 } });
    });

    it('points a JSON syntax error of joinery.json at the token where it is', async () => {
        const server = await serve({ 'm.joinery': MODEL, 'joinery.json': '{\n  "rules": {\n    "isolated-forum": "off",\n  }\n}\n' }, 2);
        const [problem] = server.diagnostics.get(pathToFileURL(path.join(folder!, 'joinery.json')).href)!;
        expect(problem.message).toBe('joinery.json is not valid JSON: PropertyNameExpected');
        expect(problem.range.start).toEqual({ line: 3, character: 2 });
    });
});
