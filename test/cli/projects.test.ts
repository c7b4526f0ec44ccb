import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkJson, joinery } from '../support/cli.js';
import { modelFolders } from '../support/model-folders.js';

/**
 * Projects in the CLI (issue 16): `joinery check` on a folder holding several
 * projects checks each on its own, with its own joinery.json, as if run in each.
 */

const models = modelFolders('joinery-cli-projects-');

const ACTORS = 'actor Health "Health board" { sector statutory }\nactor Council "Council" { sector statutory }\n';
const PARTNERSHIP = (name: string) => `arrangement ${name} "${name}" {\n  partners Health, Council\n  forum Board { kind board voting Health, Council }\n  forum Lonely { kind planning }\n}\n`;

function twoProjects(name: string, extra: Record<string, string> = {}): string {
    return models.folder(name, {
        'north/joinery.json': '{ "rules": { "isolated-forum": "off" } }\n',
        'north/actors.joinery': ACTORS,
        'north/partnership.joinery': PARTNERSHIP('North'),
        'south/joinery.json': '{ "ignores": ["drafts/**"] }\n',
        'south/actors.joinery': ACTORS,
        'south/partnership.joinery': PARTNERSHIP('South'),
        'south/drafts/half.joinery': 'arrangement Half {\n',
        ...extra
    });
}

const rulesIn = (findings: Array<{ file: string; rule: string }>, file: string) => findings.filter(f => f.file === file).map(f => f.rule).sort();

describe('joinery check on several projects', () => {
    it('checks each project on its own: the same names twice are no duplicates, and each applies its own joinery.json', () => {
        const root = twoProjects('two');
        const all = checkJson(['.'], { cwd: root });
        expect(all.stderr).toBe('');
        expect(all.files).toBe(4);
        expect(all.findings.filter(f => f.rule === 'semantic')).toEqual([]);
        expect(rulesIn(all.findings, 'north/partnership.joinery')).not.toContain('isolated-forum');
        expect(rulesIn(all.findings, 'south/partnership.joinery')).toContain('isolated-forum');
        // The same findings as a check run inside each project (paths aside).
        for (const project of ['north', 'south']) {
            const alone = checkJson(['.'], { cwd: path.join(root, project) });
            const within = all.findings.filter(f => f.file.startsWith(`${project}/`)).map(f => ({ ...f, file: f.file.slice(project.length + 1) }));
            expect(within.map(({ fingerprint: _, ...f }) => f)).toEqual(alone.findings.map(({ fingerprint: _, ...f }) => f));
        }
    });

    it('a name from another project is not found, and the root joinery.json configures files with no project of their own', () => {
        const root = twoProjects('across', {
            'joinery.json': '{ "rules": { "isolated-forum": "error" } }\n',
            'loose.joinery': ACTORS + PARTNERSHIP('Loose').replace('partners Health, Council', 'partners Health, Council, North.Board')
        });
        const all = checkJson(['.'], { cwd: root });
        const loose = all.findings.filter(f => f.file === 'loose.joinery');
        expect(loose.some(f => f.rule === 'reference' && f.message.includes("'North.Board'"))).toBe(true);
        expect(loose.find(f => f.rule === 'isolated-forum')?.severity).toBe('error');
        // south has a joinery.json of its own: the rule keeps its default there.
        expect(all.findings.find(f => f.file === 'south/partnership.joinery' && f.rule === 'isolated-forum')?.severity).toBe('info');
    });

    it('fingerprints tell two projects apart, and the root project keeps the fingerprints it had without projects', () => {
        const looseModel = (ACTORS + PARTNERSHIP('Loose')).replace(/Health|Council/g, name => `Loose${name}`);
        const same = { 'west/joinery.json': '{}\n', 'west/actors.joinery': ACTORS, 'west/partnership.joinery': PARTNERSHIP('South'), 'loose.joinery': looseModel };
        const prints = (root: string, file: string) => checkJson(['.'], { cwd: root }).findings.filter(f => f.file === file).map(f => `${f.rule} ${f.fingerprint}`);
        const before = prints(twoProjects('prints-before', same), 'west/partnership.joinery');
        // The same gap fixed in south, whose arrangement has the same names as west's: west's fingerprints stay.
        const fixed = twoProjects('prints-fixed', { ...same, 'south/partnership.joinery': PARTNERSHIP('South').replace('  forum Lonely { kind planning }\n', '') });
        expect(prints(fixed, 'west/partnership.joinery')).toEqual(before);
        expect(before.some(line => line.startsWith('isolated-forum '))).toBe(true);
        // The root project's files print as they do with no project anywhere.
        const alone = models.folder('prints-alone', { 'loose.joinery': looseModel });
        expect(prints(fixed, 'loose.joinery')).toEqual(prints(alone, 'loose.joinery'));
    });

    it('--config gives one configuration to every project; the projects stay apart', () => {
        const root = twoProjects('config', { 'strict.json': '{ "rules": { "isolated-forum": "error" } }\n' });
        const all = checkJson(['.', '--config', 'strict.json'], { cwd: root });
        expect(all.findings.filter(f => f.rule === 'isolated-forum').map(f => `${f.file} ${f.severity}`)).toEqual(['north/partnership.joinery error', 'south/partnership.joinery error']);
        expect(all.findings.filter(f => f.rule === 'semantic')).toEqual([]);
        // south's own ignores are not read: its draft is checked.
        expect(all.files).toBe(5);
    });

    it("a project's broken joinery.json stops the check with one line naming it", () => {
        const root = twoProjects('broken', { 'south/joinery.json': '{ "rules": { "isolated-forum": "loud" } }\n' });
        const run = joinery(['check', '.'], { cwd: root });
        expect(run.status).toBe(2);
        expect(run.stderr.trim().split('\n')).toHaveLength(1);
        expect(run.stderr).toContain('config south/joinery.json');
    });

    it('--print-config names the project a file belongs to and the joinery.json that applies', () => {
        const root = twoProjects('print');
        const printed = (file: string) => JSON.parse(joinery(['check', '--print-config', file], { cwd: root }).stdout) as Record<string, unknown>;
        expect(printed('north/partnership.joinery')).toMatchObject({ project: 'north', config: 'north/joinery.json', ignored: false, rules: { 'isolated-forum': 'off' } });
        expect(printed('south/drafts/half.joinery')).toMatchObject({ project: 'south', config: 'south/joinery.json', ignored: true });
    });

    it('the report covers every project', () => {
        const root = twoProjects('report');
        const run = joinery(['report', '.', '--format', 'md'], { cwd: root });
        expect(run.status).toBe(0);
        expect(run.stdout).toContain('North');
        expect(run.stdout).toContain('South');
    });
});
