import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkJson, joinery } from '../support/cli.js';
import { LanguageServerSession } from '../support/lsp-client.js';
import { SIX_TO_TWO_IJB } from './ijb-models.js';

let dir: string;
beforeAll(() => { dir = mkdtempSync(path.join(tmpdir(), 'joinery-profile-cli-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LOCAL = {
    id: 'kinbrae-ijb',
    title: 'Kinbrae IJB (local variant)',
    extends: 'scotland-ijb',
    requirements: [{ type: 'voting-partners', id: 'voting-members', section: 'integration scheme, para. 3', title: 'five voting members from each partner', roles: ['health-board', 'local-authority'], min: 5, equal: true }]
};

function projectFolder(name: string, files: Record<string, string>): string {
    const root = path.join(dir, name);
    for (const [file, content] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        writeFileSync(path.join(root, file), content);
    }
    return root;
}

const FILES = {
    'joinery.json': JSON.stringify({ profiles: ['profiles/'] }),
    'profiles/kinbrae.json': JSON.stringify(LOCAL, null, 2),
    'profiles/broken.json': '{ "id": "broken", "title": "Broken", "requirments": [] }',
    'model.joinery': SIX_TO_TWO_IJB.replace('profile scotland-ijb', 'profile kinbrae-ijb')
};

describe('project profiles in the CLI and the server', () => {
    it('are loaded by `joinery check` from the folders joinery.json names, a broken one being a finding on its file', () => {
        const root = projectFolder('cli', FILES);
        const run = checkJson(['.'], { cwd: root });
        expect(run.stderr).toBe('');
        expect(run.status).toBe(1);
        const voting = run.findings.filter(f => f.rule === 'statutory-membership' && f.message.includes('five voting members from each partner'));
        expect(voting).toHaveLength(1);
        const broken = run.findings.filter(f => f.file.endsWith('broken.json'));
        expect(broken.map(f => [f.rule, f.message])).toEqual([['semantic', expect.stringContaining('requirments is not a key of a profile (did you mean "requirements"?)')]]);
        // The same profiles with --config from elsewhere: folders are relative to joinery.json.
        const elsewhere = checkJson([root, '--config', path.join(root, 'joinery.json')], { cwd: dir });
        expect(elsewhere.findings.map(f => `${f.rule} ${f.message}`).sort()).toEqual(run.findings.map(f => `${f.rule} ${f.message}`).sort());
    });

    it('reject a joinery.json whose "profiles" is not a list of folders', () => {
        const root = projectFolder('bad-config', { ...FILES, 'joinery.json': JSON.stringify({ profiles: 'profiles/' }) });
        const run = joinery(['check', '.'], { cwd: root });
        expect(run.status).toBe(2);
        expect(run.stderr).toContain('"profiles" must be a list of folders');
    });

    it('put the compliance checklist in the HTML report', () => {
        const root = projectFolder('report', FILES);
        const run = joinery(['report', '.', '--format', 'html'], { cwd: root });
        expect(run.status).toBe(0);
        expect(run.stdout).toContain('<h3>Statutory compliance</h3>');
        expect(run.stdout).toContain('data-profile="kinbrae-ijb"');
        expect(run.stdout).toMatch(/<strong>6 of 17 requirements met<\/strong>/);
        expect(run.stdout).toContain('✗ not met</td><th scope="row">five voting members from each partner</th>');
        expect(run.stdout).toContain('✓ met</td><th scope="row">a strategic planning group</th><td>Public Bodies (Joint Working) (Scotland) Act 2014, s.32</td><td>Met by Strategic planning group</td>');
        expect(run.stdout).toContain('✓ met</td><th scope="row">a chair and a vice-chair');
        expect(run.stdout).toContain('Met by NHS Kinbrae, Kinbrae Council');
    });

    it('are reloaded by the server when a profile file changes: an unknown role\'s error goes when a profile defines it, and comes back', async () => {
        const withRole = { id: 'kinbrae-roles', title: 'Kinbrae roles', extends: 'scotland-ijb', roles: { 'carers-voice': { title: 'The voice of unpaid carers' } }, requirements: [] };
        const root = projectFolder('reload', {
            'joinery.json': JSON.stringify({ profiles: ['profiles/'] }),
            'profiles/kinbrae.json': JSON.stringify(LOCAL, null, 2),
            'model.joinery': `${SIX_TO_TWO_IJB}\nactor Carers "Carers centre" { sector third role carers-voice }\n`
        });
        const modelUri = pathToFileURL(path.join(root, 'model.joinery')).href;
        const rolesFile = path.join(root, 'profiles/roles.json');
        const unknownRole = (diagnostics: ReadonlyArray<{ message: unknown }>) => diagnostics.filter(d => String(d.message).startsWith("Unknown role 'carers-voice'")).length;
        const session = await LanguageServerSession.start(root);
        try {
            await session.settle(1);
            expect(unknownRole(session.diagnostics.get(modelUri) ?? [])).toBe(1);
            let published = session.nextDiagnostics(modelUri);
            writeFileSync(rolesFile, JSON.stringify(withRole, null, 2));
            await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(rolesFile).href, type: 1 }] });
            expect(unknownRole(await published)).toBe(0);
            published = session.nextDiagnostics(modelUri);
            rmSync(rolesFile);
            await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(rolesFile).href, type: 3 }] });
            expect(unknownRole(await published)).toBe(1);
        } finally {
            await session.stop();
        }
    });

    it('are loaded by the server alike: the same findings, and the broken profile\'s problem on its file', async () => {
        const root = projectFolder('server', FILES);
        const cli = checkJson(['.'], { cwd: root });
        const session = await LanguageServerSession.start(root);
        try {
            await session.settle(2);
            const model = session.diagnostics.get(pathToFileURL(path.join(root, 'model.joinery')).href) ?? [];
            const broken = session.diagnostics.get(pathToFileURL(path.join(root, 'profiles/broken.json')).href) ?? [];
            const expected = cli.findings.filter(f => f.file.endsWith('model.joinery')).map(f => `${f.rule} ${f.message}`).sort();
            expect(model.map(d => `${d.code} ${d.message}`).sort()).toEqual(expected);
            expect(broken.map(d => d.message)).toEqual([expect.stringContaining('requirments is not a key')]);
        } finally {
            await session.stop();
        }
    });
});
