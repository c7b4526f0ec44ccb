import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkJson, type JsonFinding } from '../support/cli.js';
import { ROOT, SERVER_BIN } from '../support/lsp-client.js';
import { neovimPath } from '../support/programs.js';

// Neovim (on PATH or $JOINERY_NVIM; Debian's 0.7 in CI, installed by .ci/run) as a real LSP client of
// `joinery-language-server --stdio`, configured by the README's own snippet.
const EXAMPLE = path.join(ROOT, 'examples/lanarkshire');
const scratch = mkdtempSync(path.join(tmpdir(), 'joinery-nvim-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface NeovimDiagnostic {
    file: string;
    lnum: number;
    col: number;
    end_lnum: number;
    end_col: number;
    severity: number;
    message: string;
    source: string;
    code: string;
}

describe('Neovim', () => {
    it('shows exactly the findings of `joinery check` as diagnostics', () => {
        const nvim = neovimPath();
        const cli = checkJson(['.'], { cwd: EXAMPLE });
        expect(cli.findings.length).toBeGreaterThan(0);
        const out = path.join(scratch, 'diagnostics.json');
        const init = path.join(scratch, 'init.lua');
        writeFileSync(init, readmeNeovimSnippet());
        // The snippet runs `joinery-language-server` from PATH, as after `npm install -g`.
        const bin = path.join(scratch, 'bin');
        mkdirSync(bin);
        symlinkSync(SERVER_BIN, path.join(bin, 'joinery-language-server'));
        const run = spawnSync(nvim, ['--headless', '-n', '-i', 'NONE', '-u', init, '-c', `luafile ${path.join(__dirname, 'neovim-diagnostics.lua')}`], {
            cwd: EXAMPLE, encoding: 'utf-8', timeout: 60_000,
            env: {
                ...process.env, PATH: `${bin}${path.delimiter}${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}`,
                JOINERY_FILE: 'south.joinery', JOINERY_FILES: String(cli.files), JOINERY_OUT: out
            }
        });
        if (run.error) throw new Error(`could not run ${nvim}: ${run.error.message}`);
        expect(run.status, run.stderr).toBe(0);
        const result = JSON.parse(readFileSync(out, 'utf-8')) as { filetype: string; clients: number; settled: boolean; files: number; diagnostics: NeovimDiagnostic[] };
        expect(result).toMatchObject({ filetype: 'joinery', clients: 1, settled: true });
        expect(result.files).toBe(cli.files);
        expect(result.diagnostics.map(asFinding).sort()).toEqual(cli.findings.map(describeFinding).sort());
    }, 90_000);
});

const SEVERITY = ['', 'error', 'warning', 'info', 'info'];

/** The Lua block of the README's "Other editors" section. */
function readmeNeovimSnippet(): string {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf-8');
    const section = readme.slice(readme.indexOf('## Other editors'));
    const snippet = /```lua\n([\s\S]*?)```/.exec(section);
    if (!snippet) throw new Error('README.md has no Lua snippet under "Other editors"');
    return snippet[1];
}

/** Neovim's diagnostic in the CLI's terms: its byte columns back to LSP's UTF-16 ones. */
function asFinding(diagnostic: NeovimDiagnostic): string {
    const lines = readFileSync(diagnostic.file, 'utf-8').split('\n');
    const character = (line: number, byte: number) => Buffer.from(lines[line] ?? '', 'utf-8').subarray(0, byte).toString('utf-8').length;
    expect(diagnostic.source).toBe('joinery');
    return describeFinding({
        file: path.relative(EXAMPLE, diagnostic.file).split(path.sep).join('/'),
        range: {
            start: { line: diagnostic.lnum, character: character(diagnostic.lnum, diagnostic.col) },
            end: { line: diagnostic.end_lnum, character: character(diagnostic.end_lnum, diagnostic.end_col) }
        },
        severity: SEVERITY[diagnostic.severity], rule: diagnostic.code, message: diagnostic.message
    });
}

function describeFinding(finding: Pick<JsonFinding, 'file' | 'range' | 'severity' | 'rule' | 'message'>): string {
    const { start, end } = finding.range;
    return `${finding.file}:${start.line}:${start.character}-${end.line}:${end.character} ${finding.severity} ${finding.rule} ${finding.message}`;
}
