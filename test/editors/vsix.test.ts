import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as yauzl from 'yauzl';
import { ROOT } from '../support/lsp-client.js';

// `npm run package` (after the build that `npm test` runs first): the .vsix must
// carry the client, the server and what they read at run time, and no node_modules.
const scratch = mkdtempSync(path.join(tmpdir(), 'joinery-vsix-test-'));
const vsix = path.join(scratch, 'joinery.vsix');
let files: string[] = [];

beforeAll(async () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts/package-extension.mjs'), '--out', vsix], { cwd: ROOT, encoding: 'utf-8', timeout: 120_000 });
    expect(run.status, run.stderr).toBe(0);
    files = (await zipEntries(vsix)).filter(name => !name.endsWith('/'));
}, 120_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the packaged VS Code extension', () => {
    it('holds exactly the manifest, the two bundles, the language files and the rule docs', () => {
        const ruleDocs = readdirSync(path.join(ROOT, 'docs/rules')).map(name => `extension/docs/rules/${name}`);
        const folder = (name: string) => readdirSync(path.join(ROOT, 'extension', name)).map(file => `extension/${name}/${file}`);
        expect(files.sort()).toEqual([
            '[Content_Types].xml',
            'extension.vsixmanifest',
            'extension/package.json',
            'extension/readme.md',
            'extension/language-configuration.json',
            'extension/out/extension.cjs',
            'extension/out/server.cjs',
            'extension/out/map-layout-worker.cjs',
            'extension/out/integration-map-view.js',
            ...folder('syntaxes'),
            ...folder('snippets'),
            ...folder('schemas'),
            ...folder('icons'),
            ...ruleDocs
        ].sort());
        expect(files.some(name => name.includes('node_modules'))).toBe(false);
    });

    it('is under 5 MB', () => {
        expect(statSync(vsix).size).toBeLessThan(5 * 1024 * 1024);
    });
});

function zipEntries(file: string): Promise<string[]> {
    return new Promise((resolve, reject) => {
        yauzl.open(file, { lazyEntries: true }, (error, zip) => {
            if (error) return reject(error);
            const names: string[] = [];
            zip.on('entry', (entry: yauzl.Entry) => {
                names.push(entry.fileName);
                zip.readEntry();
            });
            zip.on('end', () => resolve(names));
            zip.on('error', reject);
            zip.readEntry();
        });
    });
}
