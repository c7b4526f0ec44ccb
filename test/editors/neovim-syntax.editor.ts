import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/lsp-client.js';
import { neovimPath } from '../support/programs.js';

// editors/vim (README, "Other editors") in Neovim itself: a .joinery file gets the
// filetype and the colouring groups, and the syntax file knows every grammar keyword.
const RUNTIME = path.join(ROOT, 'editors/vim');
const scratch = mkdtempSync(path.join(tmpdir(), 'joinery-vim-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const MODEL = `/// The health board.
actor NHS "NHS \\"Lanarkshire\\"" { sector statutory logic person-centred }
arrangement North {
  stage 6b // joinery-ignore is a comment
  channel NHS -> Board { kind seat two-way }
  forum Board { reports to Other }
}
`;

/** [line, column (1-based), the group expected there]. */
const PROBES: Array<[number, number, string]> = [
    [1, 1, 'joineryDocComment'], [2, 1, 'joineryDeclaration'], [2, 11, 'joineryString'], [2, 16, 'joineryEscape'],
    [2, 37, 'joineryProperty'], [2, 44, 'joineryValue'], [2, 60, 'joineryValue'], [4, 3, 'joineryProperty'], [4, 9, 'joineryNumber'],
    [4, 12, 'joineryComment'], [5, 15, 'joineryOperator'], [5, 38, 'joineryFlag'], [6, 17, 'joineryProperty'], [3, 1, 'joineryDeclaration']
];

describe('Neovim colouring (editors/vim)', () => {
    it('sets the filetype and colours declarations, properties, values, strings, numbers and comments', () => {
        const file = path.join(scratch, 'model.joinery');
        const out = path.join(scratch, 'groups.json');
        writeFileSync(file, MODEL);
        const lua = path.join(scratch, 'probe.lua');
        writeFileSync(lua, `
local probes = vim.fn.json_decode(os.getenv('JOINERY_PROBES'))
local found = {}
for _, p in ipairs(probes) do
  table.insert(found, vim.fn.synIDattr(vim.fn.synID(p[1], p[2], 1), 'name'))
end
local result = { filetype = vim.bo.filetype, syntax = vim.b.current_syntax, groups = found }
local handle = io.open(os.getenv('JOINERY_OUT'), 'w')
handle:write(vim.fn.json_encode(result))
handle:close()
vim.cmd('qall!')
`);
        const nvim = neovimPath();
        const run = spawnSync(nvim, ['--headless', '-n', '-i', 'NONE', '-u', 'NONE', '--cmd', `set runtimepath^=${RUNTIME}`,
            '-c', 'filetype on', '-c', 'syntax enable', '-c', `edit ${file}`, '-c', `luafile ${lua}`],
        { encoding: 'utf-8', timeout: 30_000, env: { ...process.env, JOINERY_OUT: out, JOINERY_PROBES: JSON.stringify(PROBES) } });
        if (run.error) throw new Error(`could not run ${nvim}: ${run.error.message}`);
        expect(run.status, run.stderr).toBe(0);
        const result = JSON.parse(readFileSync(out, 'utf-8')) as { filetype: string; syntax: string; groups: string[] };
        expect(result).toMatchObject({ filetype: 'joinery', syntax: 'joinery' });
        expect(PROBES.map(([line, column], i) => `${line}:${column} ${result.groups[i]}`)).toEqual(PROBES.map(([line, column, group]) => `${line}:${column} ${group}`));
    });

    it('knows every word keyword of the grammar', () => {
        const grammar = readFileSync(path.join(ROOT, 'grammar/joinery.langium'), 'utf-8').replace(/\/\/.*$/gm, '');
        const syntax = readFileSync(path.join(RUNTIME, 'syntax/joinery.vim'), 'utf-8').replace(/^".*$/gm, '');
        const keywords = [...new Set([...grammar.matchAll(/'([a-z][a-z-]*)'/g)].map(match => match[1]))];
        expect(keywords.length).toBeGreaterThan(50);
        expect(keywords.filter(keyword => !new RegExp(`[\\s/<]${keyword.replace('-', '\\-')}[\\s\\\\>]`).test(syntax))).toEqual([]);
    });
});
