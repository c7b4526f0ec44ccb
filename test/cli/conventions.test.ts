import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GAP_RULES } from '../../language-server/src/rules/registry.js';
import { checkJson, joinery } from '../support/cli.js';
import { modelFolders } from '../support/model-folders.js';

const temp = modelFolders('joinery-conventions-');
const folder = temp.folder.bind(temp);

const ACTORS = 'actor H "Health board" { sector statutory }\nactor V "Voluntary group" { sector third }\n';
/** Uses the actors of another file: checked alone, its names do not resolve. */
const ARRANGEMENT = 'arrangement A "A partnership" { partners H forum B { kind board voting H advisory V } forum Talk { kind engagement } }\n';
const WARNINGS = 'actor H { sector statutory }\narrangement A { partners H forum B { kind board voting H } goal G { owner B } goal G2 { owner B } }\n';

const oneLine = (stderr: string) => stderr.trimEnd().split('\n');

describe('paths that match no model file', () => {
    it('exit 2 with one line: an empty folder, the current folder, a glob that matches nothing', () => {
        const empty = folder('empty', { 'README.md': '# no models here\n' });
        const cases: Array<[string[], string, RegExp]> = [
            [['check', '.'], empty, /^joinery: no model file \(\*\.joinery\) in '\.'$/],
            [['check'], empty, /^joinery: no model file \(\*\.joinery\) in the current folder$/],
            [['check', 'models/**/*.joinery'], empty, /^joinery: no model file \(\*\.joinery\) in 'models\/\*\*\/\*\.joinery'$/],
            [['report', '.'], empty, /^joinery: no model file/],
            [['graph', '.'], empty, /^joinery: no model file/]
        ];
        for (const [args, cwd, message] of cases) {
            const run = joinery(args, { cwd });
            expect(run.status, args.join(' ')).toBe(2);
            expect(oneLine(run.stderr), args.join(' ')).toHaveLength(1);
            expect(run.stderr.trimEnd(), args.join(' ')).toMatch(message);
        }
    });
});

describe('quoted globs', () => {
    it('check the model files they match', () => {
        const root = folder('globs', { 'models/a/one.joinery': ACTORS, 'models/b/two.joinery': ARRANGEMENT, 'models/b/draft.joinery': 'actor X { }\n', 'other/three.joinery': ACTORS });
        const all = checkJson(['models/**/*.joinery'], { cwd: root });
        expect(all.files).toBe(3);
        expect(new Set(all.findings.map(f => f.file))).toEqual(new Set(['models/b/two.joinery', 'models/b/draft.joinery']));
        const some = checkJson(['models/*/t*.joinery', './models/a/*.joinery'], { cwd: root });
        expect(some.files).toBe(2);
        expect(some.findings.every(f => f.file === 'models/b/two.joinery')).toBe(true);
    });
});

describe('ignore patterns', () => {
    it('skip files and folders named by "ignores" in joinery.json and by --ignore-pattern', () => {
        const root = folder('ignores', {
            'actors.joinery': ACTORS, 'a.joinery': ARRANGEMENT, 'drafts/x.joinery': 'actor X { }\n', 'deep/er/drafts/y.joinery': 'actor Y { }\n',
            'scratch.joinery': 'actor Z { }\n', 'joinery.json': JSON.stringify({ ignores: ['drafts/', '**/drafts/**'] })
        });
        const configured = checkJson(['.'], { cwd: root });
        expect(configured.files).toBe(3);
        expect(configured.findings.some(f => f.file.includes('drafts'))).toBe(false);
        const more = checkJson(['.', '--ignore-pattern', 'scratch.joinery'], { cwd: root });
        expect(more.files).toBe(2);
        // Patterns in joinery.json are relative to its folder, wherever the check runs from.
        const fromAbove = checkJson([path.basename(root), '--config', path.join(root, 'joinery.json')], { cwd: temp.root });
        expect(fromAbove.files).toBe(3);

        // A file given by name that is ignored is skipped: a pre-commit hook passes such files.
        const named = joinery(['check', 'drafts/x.joinery'], { cwd: root });
        expect(named.status).toBe(0);
        expect(named.stderr).toBe("joinery: 'drafts/x.joinery' is ignored (ignores in joinery.json, --ignore-pattern): nothing to check\n");
        const printed = JSON.parse(joinery(['check', '--print-config', 'drafts/x.joinery'], { cwd: root }).stdout);
        expect(printed.ignored).toBe(true);

        writeFileSync(path.join(root, 'joinery.json'), JSON.stringify({ ignores: 'drafts' }));
        const bad = joinery(['check', '.'], { cwd: root });
        expect(bad.status).toBe(2);
        expect(bad.stderr).toBe('joinery: config joinery.json: "ignores" must be an array of glob patterns such as ["drafts/**"]\n');
    });
});

describe('--output', () => {
    it('creates missing folders, and -o and -f are short for --output and --format', () => {
        const root = folder('output', { 'm.joinery': ACTORS + ARRANGEMENT });
        const run = joinery(['check', '.', '-f', 'sarif', '-o', 'reports/ci/joinery.sarif'], { cwd: root });
        expect(run.stdout).toBe('');
        expect(JSON.parse(readFileSync(path.join(root, 'reports/ci/joinery.sarif'), 'utf-8')).version).toBe('2.1.0');
        expect(joinery(['report', '.', '-f', 'md', '-o', 'reports/profile.md'], { cwd: root }).status).toBe(0);
        expect(readFileSync(path.join(root, 'reports/profile.md'), 'utf-8')).toMatch(/^# Integration report/);
    });

    it('refuses to write over a model being checked, also through a link, and keeps it', () => {
        const root = folder('overwrite', { 'm.joinery': ACTORS + ARRANGEMENT, 'sub/n.joinery': ACTORS.replace(/\b([HV])\b/g, '$1n') });
        symlinkSync(path.join(root, 'm.joinery'), path.join(root, 'link.txt'));
        for (const args of [['check', '.', '-o', 'm.joinery'], ['check', '.', '-o', 'link.txt'], ['check', 'm.joinery', '--workspace', '.', '-o', 'sub/n.joinery'], ['report', '.', '-o', './m.joinery'], ['graph', '.', '--output', 'm.joinery']]) {
            const run = joinery(args, { cwd: root });
            expect(run.status, args.join(' ')).toBe(2);
            expect(run.stderr, args.join(' ')).toMatch(/^joinery: --output .* is one of the model files being checked; refusing to overwrite it\n$/);
        }
        expect(readFileSync(path.join(root, 'm.joinery'), 'utf-8')).toBe(ACTORS + ARRANGEMENT);
        const folderTarget = joinery(['check', '.', '-o', 'sub'], { cwd: root });
        expect(folderTarget.status).toBe(2);
        expect(folderTarget.stderr).toBe("joinery: cannot write 'sub': is a directory\n");
    });
});

describe('colour', () => {
    it('follows --color / --no-color (the last given), then NO_COLOR, then FORCE_COLOR, else the terminal', () => {
        const root = folder('colour', { 'm.joinery': ACTORS + ARRANGEMENT });
        const coloured = (args: string[], env: Record<string, string>) => joinery(['check', '.', ...args], { cwd: root, env: { NO_COLOR: '', FORCE_COLOR: '', ...env } }).stdout.includes('\u001b[');
        expect(coloured([], {})).toBe(false); // not a terminal
        expect(coloured([], { FORCE_COLOR: '1' })).toBe(true);
        expect(coloured([], { FORCE_COLOR: '0' })).toBe(false);
        expect(coloured([], { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(false);
        expect(coloured(['--color'], { NO_COLOR: '1' })).toBe(true);
        expect(coloured(['--no-color'], { FORCE_COLOR: '1' })).toBe(false);
        expect(coloured(['--no-color', '--color'], {})).toBe(true);
        expect(coloured(['--color', '--no-color'], {})).toBe(false);
        // A file is plain unless --color asks.
        joinery(['check', '.', '-o', 'plain.txt'], { cwd: root, env: { FORCE_COLOR: '1', NO_COLOR: '' } });
        expect(readFileSync(path.join(root, 'plain.txt'), 'utf-8')).not.toContain('\u001b[');
    });
});

describe('--max-warnings and --quiet', () => {
    it('say why the exit code is 1, and --quiet still counts the warnings it hides', () => {
        const root = folder('warnings', { 'm.joinery': WARNINGS });
        const within = joinery(['check', '.', '--max-warnings', '2'], { cwd: root });
        expect(within.status).toBe(0);
        expect(within.stderr).toBe('');
        const over = joinery(['check', '.', '--max-warnings', '1'], { cwd: root });
        expect(over.status).toBe(1);
        expect(over.stderr).toBe('joinery: 2 warnings, more than --max-warnings 1 allows\n');
        const quiet = joinery(['check', '.', '--quiet', '--max-warnings', '1', '-f', 'json'], { cwd: root });
        expect(quiet.status).toBe(1);
        expect(JSON.parse(quiet.stdout).findings).toEqual([]);
        expect(quiet.stderr).toBe('joinery: 2 warnings, more than --max-warnings 1 allows\n');
    });
});

describe('--workspace DIR', () => {
    it('loads every model under DIR so that names resolve, and reports only on the files given', () => {
        const root = folder('workspace', { 'actors.joinery': ACTORS + 'actor X "Unsectored" { }\n', 'arrangements/a.joinery': ARRANGEMENT });
        const alone = checkJson(['arrangements/a.joinery'], { cwd: root });
        expect(alone.findings.filter(f => f.rule === 'reference').length).toBeGreaterThan(0);
        const withWorkspace = checkJson(['arrangements/a.joinery', '--workspace', '.'], { cwd: root });
        expect(withWorkspace.files).toBe(1);
        expect(withWorkspace.findings.some(f => f.rule === 'reference')).toBe(false);
        expect(withWorkspace.findings.length).toBeGreaterThan(0);
        expect(withWorkspace.findings.every(f => f.file === 'arrangements/a.joinery')).toBe(true);
        // The same findings, with the same fingerprints, as checking everything shows for that file.
        const everything = checkJson(['.'], { cwd: root }).findings.filter(f => f.file === 'arrangements/a.joinery');
        expect(withWorkspace.findings).toEqual(everything);
    });
});

describe('--print-config FILE', () => {
    it('prints every rule\'s level after joinery.json and --rule, and the ignore patterns', () => {
        const root = folder('print-config', { 'm.joinery': ACTORS, 'joinery.json': JSON.stringify({ rules: { 'isolated-forum': 'off' }, ignores: ['drafts/**'], profiles: ['profiles/'] }) });
        const run = joinery(['check', '--print-config', 'm.joinery', '--rule', 'unmeasured-goal=error'], { cwd: root });
        expect(run.status).toBe(0);
        const config = JSON.parse(run.stdout);
        expect(config).toMatchObject({ file: 'm.joinery', config: 'joinery.json', ignored: false, ignores: ['drafts/**'], profiles: ['profiles/'] });
        expect(Object.keys(config.rules)).toEqual([...GAP_RULES.map(rule => rule.id), 'unused-suppression', 'suppression-without-reason']);
        expect(config.rules['isolated-forum']).toBe('off');
        expect(config.rules['unmeasured-goal']).toBe('error');
        expect(config.rules['no-board-voice']).toBe('error');
        expect(config.rules['unused-suppression']).toBe('warning');
    });
});

describe('--help', () => {
    it('names every option and command README documents', () => {
        const help = joinery(['--help']).stdout;
        for (const option of ['-f, --format', 'sarif, github, gitlab or junit', '--ignore-pattern', '--workspace', '--baseline', '--write-baseline', '--max-warnings', '--quiet', '-o, --output', '--root', '--docs-url', '--color, --no-color', 'FORCE_COLOR', '--print-config', 'joinery diff OLD NEW']) {
            expect(help, option).toContain(option);
        }
    });
});
