import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_MODEL_BYTES } from '../../language-server/src/parser/input-limits.js';
import { CLI_BIN, type JsonFinding } from '../support/cli.js';

/**
 * Bad input at the command line (issue 7): each bad file is one finding or the
 * whole run is one line on standard error, never a stack trace, and the good
 * files beside a bad one are still checked.
 */

const GOOD = 'actor Good "A good actor" { sector third }\n';
/** A gap the checker reports on the good file, proving that it was checked. */
const CHECKED = 'actor Checked { sector third }\narrangement A { partners Checked forum Board { kind board voting Checked } forum Lonely { kind planning } }\n';

let dir: string;
beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'joinery-bad-'));
    // Root ignores file permissions; the unreadable cases run the CLI as `nobody`, who must reach the files.
    chmodSync(dir, 0o755);
});
afterAll(() => {
    chmodSync(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
});

function folder(name: string, files: Record<string, string | Buffer> = {}): string {
    const root = path.join(dir, name);
    mkdirSync(root, { recursive: true });
    chmodSync(root, 0o755);
    for (const [file, content] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        writeFileSync(path.join(root, file), content);
    }
    return root;
}

interface Run { status: number | null; stdout: string; stderr: string; signal: NodeJS.Signals | null }

function run(args: string[], cwd: string, options: { input?: string | Buffer; asNobody?: boolean } = {}): Run {
    const asNobody = options.asNobody && process.getuid?.() === 0;
    const result = spawnSync(process.execPath, [CLI_BIN, ...args], {
        cwd, input: options.input, encoding: 'utf-8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, NO_COLOR: '1' },
        ...(asNobody ? { uid: 65534, gid: 65534 } : {})
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr, signal: result.signal };
}

function check(cwd: string, args: string[] = ['.'], options: { input?: string | Buffer; asNobody?: boolean } = {}): { status: number | null; findings: JsonFinding[]; files: number; stderr: string } {
    const result = run(['check', ...args, '--format', 'json'], cwd, options);
    expect(result.signal, 'the CLI was killed (a hang?)').toBeNull();
    expect(result.stderr).toBe('');
    const parsed = JSON.parse(result.stdout);
    return { status: result.status, findings: parsed.findings, files: parsed.files, stderr: result.stderr };
}

/** The one finding on `file`, which must be a syntax error, by default at the start of the file. */
function only(findings: JsonFinding[], file: string, start = { line: 0, character: 0 }): JsonFinding {
    const mine = findings.filter(f => f.file === file);
    expect(mine, `findings on ${file}`).toHaveLength(1);
    expect(mine[0]).toMatchObject({ rule: 'syntax', severity: 'error', range: { start } });
    return mine[0];
}

function expectGoodFileChecked(findings: JsonFinding[], file = 'checked.joinery'): void {
    expect(findings.filter(f => f.file === file).map(f => `${f.rule} ${f.element}`)).toContain('isolated-forum Lonely');
}

describe('bad files beside good ones', () => {
    it('reports empty, binary, invalid UTF-8, oversized, special and linked files, and checks the rest', () => {
        const root = folder('mixed', {
            'checked.joinery': CHECKED,
            'empty.joinery': '',
            'binary.joinery': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0xff, 0xfe, 0x00]),
            'latin1.joinery': Buffer.from('actor Caf\xe9 { sector third }\n', 'latin1'),
            'huge.joinery': Buffer.alloc(10 * 1024 * 1024 + 5, 'a'),
            'x.joinery/inside.joinery': GOOD
        });
        symlinkSync('loop.joinery', path.join(root, 'loop.joinery'));
        symlinkSync('nowhere.joinery', path.join(root, 'dangling.joinery'));
        symlinkSync('checked.joinery', path.join(root, 'alias.joinery'));
        symlinkSync('..', path.join(root, 'x.joinery', 'up'));
        const fifo = spawnSync('mkfifo', [path.join(root, 'pipe.joinery')]);
        const result = check(root);
        expect(result.status).toBe(1);
        expect(only(result.findings, 'binary.joinery').message).toBe('This is not a text file (it contains NUL bytes): a model must be UTF-8 text');
        expect(only(result.findings, 'latin1.joinery').message).toBe('This file is not valid UTF-8: save it as UTF-8 text');
        expect(only(result.findings, 'huge.joinery').message).toMatch(/^This file is too large to check \(10\.0 MB\): Joinery reads model files of up to 512 KB; split it into several files$/);
        expect(only(result.findings, 'loop.joinery').message).toBe('Cannot read this file: too many levels of symbolic links (a link loop)');
        expect(only(result.findings, 'dangling.joinery').message).toBe('This is a broken symbolic link: the file it points to does not exist');
        if (fifo.status === 0) expect(only(result.findings, 'pipe.joinery').message).toMatch(/^This is not a regular file/);
        // The empty file is an empty model; the folder named x.joinery is a folder, walked once despite the link back
        // up: its one actor, in no arrangement, is reported once.
        expect(result.findings.filter(f => f.file === 'empty.joinery' || f.file.startsWith('x.joinery')).map(f => `${f.file} ${f.rule} ${f.element}`))
            .toEqual(['x.joinery/inside.joinery uninvolved-actor Good']);
        expectGoodFileChecked(result.findings);
        // A link to a file is that file again, so its names are declared twice.
        expect(result.findings.filter(f => /^Duplicate name 'Checked'/.test(f.message)).map(f => f.file)).toEqual(['checked.joinery']);
        expect(result.files).toBe(fifo.status === 0 ? 10 : 9);
    });

    it('reports a file and a folder it cannot read, and checks the rest', () => {
        const root = folder('unreadable', { 'checked.joinery': CHECKED, 'secret.joinery': GOOD, 'locked/inner.joinery': GOOD });
        chmodSync(path.join(root, 'secret.joinery'), 0o000);
        chmodSync(path.join(root, 'locked'), 0o000);
        try {
            const result = check(root, ['.'], { asNobody: true });
            expect(only(result.findings, 'secret.joinery').message).toBe('Cannot read this file: permission denied');
            expect(only(result.findings, 'locked').message).toBe('Cannot list this folder (permission denied): the models in it were not checked');
            expectGoodFileChecked(result.findings);
        } finally {
            chmodSync(path.join(root, 'locked'), 0o755);
        }
    });

    it('turns a model pasted from a word processor into findings, not a crash', () => {
        const pasted = '\uFEFFactor NHS \u201cNHS board\u201d {\r\n  sector\u00a0statutory\r\n}\r\narrangement A { partners NHS\r\n  referral NHS \u2013> NHS }\r\n';
        const root = folder('pasted', { 'pasted.joinery': pasted, 'checked.joinery': CHECKED });
        const result = check(root);
        expect(result.status).toBe(1);
        const messages = result.findings.filter(f => f.file === 'pasted.joinery').map(f => f.message);
        expect(messages).toContain("Unexpected character '\u201c' (U+201C)");
        expect(messages).toContain("Unexpected character '\u2013' (U+2013)");
        expectGoodFileChecked(result.findings);
    });

    it('reads a binary or oversized standard input as a finding', () => {
        const root = folder('stdin');
        expect(only(check(root, ['-'], { input: Buffer.from([1, 2, 0, 3]) }).findings, '<stdin>').message).toMatch(/not a text file/);
        expect(only(check(root, ['-'], { input: 'a'.repeat(MAX_MODEL_BYTES + 1) }).findings, '<stdin>').message).toMatch(/too large to check/);
    });
});

describe('limits: nesting, repetition and incomplete declarations', () => {
    it('reports braces nested a little too deep as syntax errors, and 100,000 deep as one, at the first brace beyond the limit', () => {
        const nested = (depth: number) => 'arrangement A {\n  forum F {' + '{'.repeat(depth) + '}'.repeat(depth) + '} }\n';
        const root = folder('nesting', { 'shallow.joinery': nested(10), 'deep.joinery': nested(100_000), 'checked.joinery': CHECKED });
        const result = check(root);
        expect(result.findings.find(f => f.file === 'shallow.joinery' && f.rule === 'syntax')).toMatchObject({ range: { start: { line: 1, character: 11 } }, message: "Expected '}' but found '{'" });
        expect(only(result.findings, 'deep.joinery', { line: 1, character: 109 }).message).toMatch(/^Braces nest more than 100 deep here/);
        expectGoodFileChecked(result.findings);
    });

    it('checks a file of 170,000 comments in a row, on which Langium alone overflows its stack', () => {
        const root = folder('comments', { 'comments.joinery': 'actor Commented { sector third }\n' + '//\n'.repeat(170_000), 'checked.joinery': CHECKED });
        const result = check(root);
        // Checked without overflowing: the actor before the comments is read and, in no arrangement, reported.
        expect(result.findings.filter(f => f.file === 'comments.joinery').map(f => `${f.rule} ${f.element}`)).toEqual(['uninvolved-actor Commented']);
        expectGoodFileChecked(result.findings);
    });

    it('reports a line of 100,000 open quotes, which would keep the lexer busy for minutes, as one syntax error', () => {
        const root = folder('quotes', { 'quotes.joinery': 'actor A { sector third }\nactor B ' + '"\\'.repeat(100_000) + '\n', 'checked.joinery': CHECKED });
        const result = check(root);
        expect(only(result.findings, 'quotes.joinery', { line: 1, character: 8 }).message).toMatch(/^Too many quotes or comments are left open from here on/);
        expectGoodFileChecked(result.findings);
    });

    it('reports braces nested beyond the limit at the first brace too deep', () => {
        const root = folder('pasted-forums', { 'forums.joinery': 'arrangement A {\n' + '  forum F {\n'.repeat(5_000), 'checked.joinery': CHECKED });
        const result = check(root);
        expect(only(result.findings, 'forums.joinery', { line: 100, character: 10 }).message).toMatch(/^Braces nest more than 100 deep here/);
        expectGoodFileChecked(result.findings);
    });

    it('reports incomplete declarations (a link with no target, a seat with no actor) as syntax errors only', () => {
        const root = folder('incomplete', {
            'half.joinery': 'actor H { sector statutory }\narrangement A { partners H system S { owner H } link S ->\n  forum F { kind board voting , H }\n  channel H -> }\n',
            'checked.joinery': CHECKED
        });
        const result = check(root);
        const half = result.findings.filter(f => f.file === 'half.joinery');
        expect(half.map(f => f.rule)).toContain('syntax');
        expect(half.filter(f => f.message.includes("''"))).toEqual([]);
        expect(half.filter(f => /internal error/.test(f.message))).toEqual([]);
        expectGoodFileChecked(result.findings);
    });
});

describe('output', () => {
    it('stops quietly when the reader of its output goes away (`joinery check | head`)', () => {
        const root = folder('epipe', { 'many.joinery': `arrangement A { partners ${Array.from({ length: 3000 }, (_, i) => `Nobody${i}`).join(', ')} }` });
        const piped = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI_BIN}" check . --format json | head -c 10 > /dev/null`], { cwd: root, encoding: 'utf-8', timeout: 60_000 });
        expect(piped.stderr).toBe('');
        expect(piped.status).toBe(0);
    });
});

describe('the check cannot run: exit 2 and one line', () => {
    function expectOneLine(result: Run, line: string | RegExp) {
        expect(result.status).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr.split('\n')).toHaveLength(2);
        expect(result.stderr.trimEnd()).toMatch(line);
    }

    it('for a path that does not exist or a link loop given by name', () => {
        const root = folder('paths', { 'checked.joinery': CHECKED });
        symlinkSync('self.joinery', path.join(root, 'self.joinery'));
        expectOneLine(run(['check', 'missing.joinery', 'checked.joinery'], root), "joinery: cannot read 'missing.joinery': no such file or directory");
        expectOneLine(run(['check', 'self.joinery'], root), "joinery: cannot read 'self.joinery': too many levels of symbolic links (a link loop)");
    });

    it('for a malformed joinery.json, saying which key is wrong', () => {
        const cases: Array<[string | Buffer, RegExp]> = [
            ['{"rules": {"no-board-voice": "loud"}}', /^joinery: config joinery\.json: "rules"\."no-board-voice": rule 'no-board-voice' has level "loud"; use off, info, warning or error$/],
            ['{"rules": {"no-such-rule": "off"}}', /^joinery: config joinery\.json: "rules"\."no-such-rule": unknown rule 'no-such-rule'$/],
            ['{"rule": {}}', /^joinery: config joinery\.json: unknown key "rule" \(only "rules", "ignores" and "profiles" are allowed\)$/],
            ['{"rules": ["off"]}', /^joinery: config joinery\.json: "rules" must be an object/],
            ['{"rules": {', /^joinery: config joinery\.json not valid JSON/],
            [Buffer.from([0xff, 0x00, 0x01]), /^joinery: config joinery\.json not valid JSON/]
        ];
        for (const [content, message] of cases) {
            const root = folder(`config-${cases.findIndex(c => c[0] === content)}`, { 'checked.joinery': CHECKED, 'joinery.json': content });
            expectOneLine(run(['check', '.'], root), message);
        }
        const withFolder = folder('config-folder', { 'checked.joinery': CHECKED, 'joinery.json/x': '' });
        expectOneLine(run(['check', '.'], withFolder), /^joinery: config joinery\.json cannot be read \(is a directory\)$/);
    });
});
