import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkJson, joinery } from '../support/cli.js';

const GOOD = `actor H "Health board" { sector statutory }
arrangement A "A partnership" { partners H forum B { kind board voting H } }
`;

let dir: string;
beforeAll(() => { dir = mkdtempSync(path.join(tmpdir(), 'joinery-cli-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function folder(name: string, files: Record<string, string | Buffer>): string {
    const root = path.join(dir, name);
    mkdirSync(root, { recursive: true });
    for (const [file, content] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        writeFileSync(path.join(root, file), content);
    }
    return root;
}

describe('joinery check', () => {
    it('checks the examples with the quick-start command and exits by severity', () => {
        const run = joinery(['check', 'examples']);
        expect(run.stderr).toBe('');
        expect([0, 1]).toContain(run.status);
        expect(run.stdout).toMatch(/in 12 files/);
    });

    it('prints JSON as CLI.md specifies', () => {
        const root = folder('json', { 'm.joinery': GOOD + 'arrangement Z { partners Nobody }\n' });
        const result = checkJson(['.'], { cwd: root });
        expect(result.status).toBe(1);
        expect(result.files).toBe(1);
        expect(result.findings).toEqual([{
            file: 'm.joinery',
            range: { start: { line: 2, character: 25 }, end: { line: 2, character: 31 } },
            severity: 'error', rule: 'reference',
            message: "Cannot find actor or body 'Nobody' (in `partners`)",
            arrangement: 'Z', element: 'Z',
            fingerprint: expect.stringMatching(/^[0-9a-f]{24}$/)
        }]);
        expect(result.summary).toEqual({ error: 1, warning: 0, info: 0 });
    });

    it('exits 0 on a clean model and prints a summary in stylish', () => {
        const root = folder('clean', { 'm.joinery': GOOD });
        const run = joinery(['check', '.'], { cwd: root });
        expect(run.status).toBe(0);
        expect(run.stdout).toContain('0 findings (0 errors, 0 warnings, 0 info) in 1 file');
    });

    it('groups stylish output by file with line:col, severity, message and rule', () => {
        const root = folder('stylish', { 'm.joinery': 'actor X { }\n' });
        const run = joinery(['check', '.', '--no-color'], { cwd: root });
        expect(run.status).toBe(1);
        expect(run.stdout.split('\n')[0]).toBe('m.joinery');
        expect(run.stdout).toMatch(/^ {2}1:7 +error +Actor X has no `sector`.* {2}semantic$/m);
        expect(run.stdout).not.toContain('\u001b[');
    });

    it('reads a model from standard input', () => {
        const result = checkJson(['-'], { input: 'actor X { sector third kind nonsense }' });
        expect(result.status).toBe(1);
        expect(result.findings.map(f => [f.file, f.rule])).toEqual([['<stdin>', 'syntax']]);
    });

    it('exits 2 with one line on standard error for a path that does not exist', () => {
        const run = joinery(['check', 'no/such/place']);
        expect(run.status).toBe(2);
        expect(run.stderr).toBe("joinery: cannot read 'no/such/place': no such file or directory\n");
        expect(run.stdout).toBe('');
    });

    it('exits 2 for a bad option, an unknown format or an unknown rule', () => {
        for (const args of [['check', '--frobnicate'], ['check', '--format', 'xml'], ['check', '--rule', 'no-such-rule=off'], ['check', '--max-warnings', 'many']]) {
            const run = joinery(args, { cwd: dir });
            expect(run.status, args.join(' ')).toBe(2);
            expect(run.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
            expect(run.stderr).toMatch(/^joinery: /);
        }
    });

    it('treats an empty file as an empty model', () => {
        const root = folder('empty', { 'empty.joinery': '' });
        const result = checkJson(['.'], { cwd: root });
        expect(result.status).toBe(0);
        expect(result.findings).toEqual([]);
        expect(result.files).toBe(1);
    });

    it('reports a binary file and still checks the good file next to it', () => {
        const root = folder('binary', {
            'blob.joinery': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0xff, 0xfe]),
            'good.joinery': GOOD + 'arrangement Y { partners Nobody }\n'
        });
        const result = checkJson(['.'], { cwd: root });
        expect(result.status).toBe(1);
        expect(result.findings.map(f => `${f.file} ${f.rule}`)).toEqual(['blob.joinery syntax', 'good.joinery reference']);
        expect(result.findings[0].message).toMatch(/not a text file/);
    });

    it('reports invalid UTF-8 as a finding', () => {
        const root = folder('latin1', { 'bad.joinery': Buffer.from('actor Caf\xe9 { sector third }', 'latin1') });
        const result = checkJson(['.'], { cwd: root });
        expect(result.findings.map(f => f.rule)).toEqual(['syntax']);
        expect(result.findings[0].message).toMatch(/UTF-8/);
    });

    it('keeps checking the other files when one is broken', () => {
        const root = folder('broken', {
            'a-broken.joinery': 'actor H { sector statutory\narrangement { partners }\n',
            'b-good.joinery': 'arrangement N "North" { partners H forum B { kind board voting H } }\n'
        });
        const result = checkJson(['.'], { cwd: root });
        expect(result.status).toBe(1);
        expect(result.findings.every(f => f.file === 'a-broken.joinery')).toBe(true);
        expect(result.findings.some(f => f.rule === 'syntax')).toBe(true);
    });

    it('skips node_modules and hidden folders but takes nested model folders', () => {
        const root = folder('walk', {
            'models/deep/a.joinery': GOOD,
            'node_modules/pkg/x.joinery': 'garbage !!!',
            '.hidden/y.joinery': 'garbage !!!',
            'notes.txt': 'not a model'
        });
        const result = checkJson(['.'], { cwd: root });
        expect(result.files).toBe(1);
        expect(result.findings).toEqual([]);
    });

    it('writes the report to --output', () => {
        const root = folder('output', { 'm.joinery': GOOD });
        const run = joinery(['check', '.', '--format', 'json', '--output', 'report.json'], { cwd: root });
        expect(run.status).toBe(0);
        expect(run.stdout).toBe('');
        expect(checkJson(['.'], { cwd: root }).files).toBe(1);
    });

    // root reads every file, so only an ordinary user can see this one.
    it.skipIf(process.getuid?.() === 0)('reports an unreadable file as a finding', () => {
        const root = folder('unreadable', { 'locked.joinery': GOOD });
        chmodSync(path.join(root, 'locked.joinery'), 0);
        const result = checkJson(['.'], { cwd: root });
        expect(result.findings.map(f => f.rule)).toEqual(['syntax']);
    });

    it('prints GitHub workflow commands', () => {
        const root = folder('github', { 'm.joinery': 'actor X { }\n' });
        const run = joinery(['check', '.', '--format', 'github'], { cwd: root });
        expect(run.stdout).toBe('::error file=m.joinery,line=1,col=7,endLine=1,endColumn=8,title=semantic::Actor X has no `sector`%3A say whether it is government, statutory, third, independent or community\n'.replace('%3A', ':'));
    });
});
