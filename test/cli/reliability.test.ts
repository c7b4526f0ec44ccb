import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CLI_BIN, joinery } from '../support/cli.js';
import { terminalText } from '../../language-server/src/findings/terminal-text.js';
import { checkWorkspace } from '../support/workspace.js';

/**
 * Issue 19 at the command line: model text never reaches a terminal or a CI log
 * raw (escape sequences, bidi controls), `--output` never overwrites a model, a full
 * disk is one line, and the report's SVG, Mermaid and DOT stay valid for any title.
 */

// Each test runs the real CLI a few times; on a loaded machine one run takes seconds.
vi.setConfig({ testTimeout: 180_000 });

const ESC = '\u001b';
/** A title that would clear the screen, write the clipboard (OSC 52), add a link (OSC 8) and ring the bell. */
const HOSTILE = `${ESC}[2J${ESC}[1;1H${ESC}]52;c;ZXZpbA==\u0007${ESC}]8;;https://example.org\u0007link${ESC}]8;;\u0007\u009b31m`;
const BIDI = 'Acc\u202Eess\u2066 granted\u2069';

let dir: string;
beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'joinery-reliability-cli-'));
    writeFileSync(path.join(dir, 'model.joinery'), [
        `actor H "${HOSTILE}" { sector statutory }`,
        `actor V "${BIDI}" { sector third }`,
        `arrangement A "Care 😀 and ${BIDI}" { partners H, V`,
        `  forum Lonely "${HOSTILE}" { kind planning }`,
        '  service S1 "Home 🏠" { delivered by H for "older people" function "care" }',
        '  service S2 "Home 🏡" { delivered by V for "older people" function "care" }',
        '}', ''
    ].join('\n'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('model text on a terminal and in a CI log', () => {
    it('writes every control character and bidi control visibly in the stylish and github formats', () => {
        for (const format of ['stylish', 'github']) {
            const run = joinery(['check', '.', '--format', format], { cwd: dir });
            expect(run.stderr).toBe('');
            // eslint-disable-next-line no-control-regex -- finding control characters is the point
            expect(run.stdout, format).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/);
            expect(run.stdout).toContain('[U+001B]]52;c;');
            expect(run.stdout).toContain('Acc[U+202E]ess');
        }
    });

    it('neutralises each kind of control, and leaves ordinary text alone', () => {
        expect(terminalText(`a${ESC}[31mred\u0007\r\u009b\u202e\u2066b`)).toBe('a[U+001B][31mred[U+0007][U+000D][U+009B][U+202E][U+2066]b');
        expect(terminalText('Gwasanaeth Iechyd — 医疗 😀 עברית')).toBe('Gwasanaeth Iechyd — 医疗 😀 עברית');
    });

    it('reports a bidi control as a Trojan Source warning, once per line, in the CLI and the editor alike', async () => {
        const { findings } = await checkWorkspace({ 'm.joinery': `actor V "${BIDI}" { sector third }\n// a comment \u202e\nactor W { sector third }\n` });
        const bidi = findings.filter(f => f.message.startsWith('Bidirectional control character'));
        expect(bidi.map(f => [f.rule, f.severity, f.range.start])).toEqual([
            ['semantic', 'warning', { line: 0, character: 12 }],
            ['semantic', 'warning', { line: 1, character: 13 }]
        ]);
        expect(bidi[0].message).toContain('U+202E (RIGHT-TO-LEFT OVERRIDE)');
        expect(bidi[0].message).toContain('Trojan Source');
    });
});

describe('--output and standard output', () => {
    it('refuses to overwrite a model being checked with the report', () => {
        const model = path.join(dir, 'model.joinery');
        const before = readFileSync(model, 'utf-8');
        for (const args of [['check', '.', '--output', 'model.joinery'], ['check', 'model.joinery', '--output', './model.joinery'], ['report', '.', '--output', 'model.joinery'], ['graph', '.', '--output', model]]) {
            const run = joinery(args, { cwd: dir });
            expect(run.status, args.join(' ')).toBe(2);
            expect(run.stderr).toMatch(/^joinery: --output .*model\.joinery is one of the model files being checked; refusing to overwrite it\n$/);
            expect(readFileSync(model, 'utf-8')).toBe(before);
        }
    });

    it('says in one line that standard output is full, with no stack trace', () => {
        const full = openSync('/dev/full', 'w');
        try {
            const run = spawnSync(process.execPath, [CLI_BIN, 'check', '.'], { cwd: dir, stdio: ['ignore', full, 'pipe'], encoding: 'utf-8', env: { ...process.env, NO_COLOR: '1' } });
            expect(run.stderr).toBe('joinery: cannot write the output: no space left on device\n');
            expect(run.status).toBe(2);
        } finally {
            closeSync(full);
        }
    });
});

describe('the report and the graph for any title', () => {
    it('writes valid SVG (no control character XML forbids), emoji as one Mermaid entity, and DOT that ranks', () => {
        const svg = joinery(['graph', '.', '--format', 'svg'], { cwd: dir });
        expect(svg.status, svg.stderr).toBe(0);
        // eslint-disable-next-line no-control-regex -- finding control characters is the point
        expect(svg.stdout).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u202A-\u202E]/);
        expect(svg.stdout).toContain('[U+001B]');
        const mermaid = joinery(['graph', '.', '--format', 'mermaid'], { cwd: dir });
        expect(mermaid.stdout).toContain(`#${'😀'.codePointAt(0)};`);
        expect(mermaid.stdout).not.toMatch(/#5[5-7]\d{3};/); // no lone surrogate (U+D800–U+DFFF is 55296–57343)
        const dot = joinery(['graph', '.', '--format', 'dot'], { cwd: dir });
        expect(dot.stdout).toContain('newrank=true;');
        // eslint-disable-next-line no-control-regex -- finding control characters is the point
        expect(dot.stdout).not.toMatch(/[\u0000-\u0008\u000B-\u001F]/);
        const html = joinery(['report', '.'], { cwd: dir });
        // eslint-disable-next-line no-control-regex -- finding control characters is the point
        expect(html.stdout).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u202A-\u202E]/);
    });
});
