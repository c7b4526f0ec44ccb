import { rmSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { CompletionItem, CompletionList, Location } from 'vscode-languageserver-protocol';
import { LanguageServerSession } from '../support/lsp-client.js';
import { temporaryModelFolder } from '../support/model-folders.js';
import { cliFindings, parityDifferences, serverFindings } from '../support/parity.js';
import { positionOf } from '../support/lsp-text.js';

/**
 * Projects (issue 16): a folder below the workspace root holding a joinery.json
 * is a namespace of its own, with its own settings; the server and `joinery check`
 * on the same folder agree on it.
 */

const actors = (prefix: string) => [
    `actor Health "${prefix} health board" { sector statutory }`,
    `actor Council "${prefix} council" { sector statutory }`,
    `actor ${prefix}Only "Only in ${prefix}" { sector third }`,
    ''
].join('\n');
const arrangement = (name: string) => [
    `arrangement ${name} "${name} partnership" {`,
    '  partners Health, Council',
    '  forum Board { kind board voting Health, Council }',
    '  forum Lonely { kind planning }',
    '}',
    ''
].join('\n');

const FILES: Record<string, string> = {
    'north/joinery.json': '{ "rules": { "isolated-forum": "off" } }\n',
    'north/actors.joinery': actors('North'),
    'north/partnership.joinery': arrangement('North'),
    'south/joinery.json': '{}\n',
    'south/actors.joinery': actors('South'),
    'south/partnership.joinery': arrangement('South'),
    // The root project: no joinery.json above it but the root's (none here).
    'loose/actors.joinery': actors('Loose'),
    'loose/partnership.joinery': arrangement('Loose')
};

let folder: string;
let session: LanguageServerSession | undefined;
const uri = (name: string) => pathToFileURL(path.join(folder, name)).href;

function workspace(files: Record<string, string>): string {
    folder = temporaryModelFolder('joinery-projects-', files);
    return folder;
}

afterEach(async () => {
    await session?.stop();
    session = undefined;
    rmSync(folder, { recursive: true, force: true });
});

const rules = (name: string) => (session!.diagnostics.get(uri(name)) ?? []).map(d => String(d.code));

describe('projects', () => {
    it('two projects declaring the same names: no duplicates, each with its own settings, the CLI and the server alike', async () => {
        session = await LanguageServerSession.start(workspace(FILES));
        await session.settle(6);
        const cli = cliFindings(folder);
        expect(cli.files).toBe(6);
        expect(cli.findings.filter(f => f.message.includes('Duplicate name'))).toEqual([]);
        // north turns isolated-forum off; south and the root project keep it.
        expect(cli.findings.filter(f => f.rule === 'isolated-forum').map(f => f.file).sort()).toEqual(['loose/partnership.joinery', 'south/partnership.joinery']);
        expect(rules('north/partnership.joinery')).not.toContain('isolated-forum');
        expect(rules('south/partnership.joinery')).toContain('isolated-forum');
        expect(parityDifferences(cli.findings, serverFindings(session.diagnostics, folder))).toEqual({ onlyCli: [], onlyServer: [] });
    });

    it('names resolve within the project only: completion, definition, and an unresolved name from another project', async () => {
        const files: Record<string, string> = { ...FILES, 'south/partnership.joinery': arrangement('South').replace('partners Health, Council', 'partners Health, Council, NorthOnly') };
        session = await LanguageServerSession.start(workspace(files));
        await session.settle(6);
        expect((session.diagnostics.get(uri('south/partnership.joinery')) ?? []).some(d => d.code === 'reference' && String(d.message).includes('NorthOnly'))).toBe(true);
        const text = files['north/partnership.joinery'];
        const definition = await session.connection.sendRequest<Location[] | Location | null>('textDocument/definition', {
            textDocument: { uri: uri('north/partnership.joinery') }, position: positionOf(text, 'Health', 1, 1)
        });
        const targets = (Array.isArray(definition) ? definition : definition ? [definition] : []).map(location => (location as { targetUri?: string }).targetUri ?? location.uri);
        expect(targets).toEqual([uri('north/actors.joinery')]);
        await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri('north/partnership.joinery'), languageId: 'joinery', version: 1, text } });
        const completion = await session.connection.sendRequest<CompletionList | CompletionItem[] | null>('textDocument/completion', {
            textDocument: { uri: uri('north/partnership.joinery') }, position: positionOf(text, 'Health, Council', 1, 0)
        });
        const labels = (Array.isArray(completion) ? completion : completion?.items ?? []).map(item => item.label);
        expect(labels).toContain('NorthOnly');
        expect(labels).not.toContain('SouthOnly');
        expect(labels).not.toContain('LooseOnly');
    });

    it('a joinery.json created or deleted while the server runs makes or unmakes a project', async () => {
        const files = { ...FILES };
        delete files['south/joinery.json'];
        session = await LanguageServerSession.start(workspace(files));
        await session.settle(6);
        // south is in the root project with loose: their names collide.
        expect(rules('south/actors.joinery')).toContain('semantic');
        let published = session.nextDiagnostics(uri('south/actors.joinery'));
        writeFileSync(path.join(folder, 'south/joinery.json'), '{}\n');
        await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('south/joinery.json'), type: 1 }] });
        expect((await published).map(d => String(d.code))).toEqual(['uninvolved-actor']);
        expect(rules('loose/actors.joinery')).not.toContain('semantic');
        published = session.nextDiagnostics(uri('south/actors.joinery'));
        unlinkSync(path.join(folder, 'south/joinery.json'));
        await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('south/joinery.json'), type: 3 }] });
        expect((await published).map(d => String(d.code))).toContain('semantic');
    });

    it("ignores in the root's and a project's joinery.json leave models out, as joinery check leaves them out, also when changed", async () => {
        const files: Record<string, string> = {
            ...FILES,
            'joinery.json': '{ "ignores": ["loose/drafts/**"] }\n',
            'loose/drafts/half.joinery': 'arrangement Half {\n',
            'south/joinery.json': '{ "ignores": ["wip.joinery"] }\n',
            'south/wip.joinery': 'actor Health "Duplicate" { sector statutory }\n'
        };
        session = await LanguageServerSession.start(workspace(files));
        await session.settle(6);
        const cli = cliFindings(folder);
        expect(cli.files).toBe(6);
        expect(parityDifferences(cli.findings, serverFindings(session.diagnostics, folder))).toEqual({ onlyCli: [], onlyServer: [] });
        expect(session.diagnostics.has(uri('south/wip.joinery'))).toBe(false);
        expect(session.diagnostics.has(uri('loose/drafts/half.joinery'))).toBe(false);
        // south stops ignoring its draft: it is read, and its duplicate name reported, as by joinery check.
        const published = session.nextDiagnostics(uri('south/wip.joinery'));
        writeFileSync(path.join(folder, 'south/joinery.json'), '{}\n');
        await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('south/joinery.json'), type: 2 }] });
        expect((await published).map(d => String(d.code))).toContain('semantic');
        await session.settle(1);
        expect(parityDifferences(cliFindings(folder).findings, serverFindings(session.diagnostics, folder))).toEqual({ onlyCli: [], onlyServer: [] });
    });
});
