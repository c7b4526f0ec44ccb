import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkJson, joinery } from '../support/cli.js';
import { modelFolders } from '../support/model-folders.js';

const temp = modelFolders('joinery-diff-');
const folder = temp.folder.bind(temp);

const ACTORS = 'actor H "Health board" { sector statutory }\nactor V "Voluntary group" { sector third }\n';
// The base has an isolated forum (info) and a voluntary group with no voice (error).
const BASE = `arrangement A "A partnership" {
  partners H
  forum B "Board" { kind board voting H }
  forum Talk "Talking shop" { kind engagement advisory V }
  service S "Lunch club" { delivered by V }
}
`;
// The head gives the talking shop a route to the board (closing two findings) and adds an unmeasured goal (a warning).
const HEAD = BASE.replace('advisory V }', 'advisory V reports to B }').replace('  service S', '  goal G "Prevention" { owner B }\n  service S');

describe('joinery diff OLD NEW', () => {
    it('lists the findings a change opens and closes, by fingerprint, in JSON', () => {
        const base = folder('json/base', { 'actors.joinery': ACTORS, 'a.joinery': BASE });
        // The head also moves the actors to another file and retitles one: nothing to report for that.
        const head = folder('json/head', { 'people.joinery': ACTORS.replace('"Health board"', '"Health board (NHS)"'), 'a.joinery': HEAD });
        const run = joinery(['diff', base, head, '--format', 'json']);
        expect(run.stderr).toBe('');
        const result = JSON.parse(run.stdout);
        const describe = (list: Array<{ rule: string; element: string }>) => list.map(f => `${f.rule} ${f.element}`).sort();
        expect(describe(result.opened)).toEqual(['unmeasured-goal G']);
        expect(describe(result.closed)).toEqual(['isolated-forum Talk', 'no-board-voice V']);
        expect(result.opened[0]).toMatchObject({ file: 'a.joinery', severity: 'warning', fingerprint: expect.stringMatching(/^[0-9a-f]{24}$/) });
        expect(result.summary).toEqual({ opened: { error: 0, warning: 1, info: 0 }, closed: { error: 1, warning: 0, info: 1 } });
        expect(result.old.files).toBe(2);
        expect(result.notes).toEqual([]);
        // Nothing opened at error severity: exit 0.
        expect(run.status).toBe(0);
    });

    it('exits 1 when the change opens an error, and says so in stylish', () => {
        const base = folder('error/base', { 'm.joinery': ACTORS + HEAD });
        const head = folder('error/head', { 'm.joinery': ACTORS + BASE });
        const run = joinery(['diff', base, head, '--no-color']);
        expect(run.status).toBe(1);
        expect(run.stdout).toMatch(/^Opened \(2\)\n {2}error {3}Voluntary group \(sector third\) has no route to any board.* {2}no-board-voice {2}m\.joinery:2:7$/m);
        expect(run.stdout).toMatch(/^Closed \(1\)\n {2}warning {1}No indicator measures Prevention\./m);
        expect(run.stdout.trimEnd().split('\n').pop()).toMatch(/^✖ 2 \(1 error, 0 warnings, 1 info\) opened, 1 closed, \d+ unchanged$/);
    });

    it('writes Markdown for a pull-request comment: counts, then opened, then closed, each with its rule link', () => {
        const base = folder('md/base', { 'm.joinery': ACTORS + BASE });
        const head = folder('md/head', { 'm.joinery': ACTORS + HEAD.replace('"Prevention"', '"Prevention *now* <b>"') });
        const out = path.join(temp.root, 'md/comment/pr.md');
        const run = joinery(['diff', base, head, '-f', 'md', '-o', out]);
        expect(run.status, run.stderr).toBe(0);
        const md = readFileSync(out, 'utf-8');
        expect(md.startsWith('### Joinery: 1 finding opened, 2 closed\n')).toBe(true);
        expect(md).toContain('| opened | 0 | 1 | 0 |\n| closed | 1 | 0 | 1 |');
        expect(md.indexOf('#### Opened')).toBeLessThan(md.indexOf('#### Closed'));
        expect(md).toMatch(/^- \*\*warning\*\* \[`unmeasured-goal`\]\(https:\/\/[^)]+\/docs\/rules\/unmeasured-goal\.md\) m\.joinery:\d+: No indicator measures Prevention \\\*now\\\* &lt;b&gt;\./m);
        expect(md).toMatch(/^- \*\*error\*\* \[`no-board-voice`\]\(https:\/\/[^)]+\/no-board-voice\.md\) m\.joinery:2: /m);
    });

    it('says clearly when a folder is empty, or when the two share no file, and refuses two empty ones', () => {
        const empty = folder('empty', {});
        const models = folder('models', { 'm.joinery': ACTORS + BASE });
        const fromNothing = JSON.parse(joinery(['diff', empty, models, '-f', 'json']).stdout);
        expect(fromNothing.opened).toHaveLength(checkJson(['.'], { cwd: models }).findings.length);
        expect(fromNothing.notes).toEqual([`${empty} has no model file: every finding of ${models} is opened.`]);
        const toNothing = joinery(['diff', models, empty, '--no-color']);
        expect(toNothing.status).toBe(0);
        expect(toNothing.stdout.split('\n')[0]).toBe(`${empty} has no model file: every finding of ${models} is closed.`);

        const other = folder('other', { 'elsewhere/x.joinery': ACTORS + BASE });
        const unrelated = JSON.parse(joinery(['diff', models, other, '-f', 'json']).stdout);
        expect(unrelated.notes[0]).toMatch(/have no model file in common/);
        expect(unrelated.opened).toEqual([]);

        const nothing = joinery(['diff', empty, folder('empty2', {})]);
        expect(nothing.status).toBe(2);
        expect(nothing.stderr).toMatch(/^joinery: neither '.*empty' nor '.*empty2' has a model file \(\*\.joinery\): nothing to compare\n$/);
    });

    it('exits 2 with one line for a wrong use', () => {
        const models = folder('usage', { 'm.joinery': ACTORS });
        for (const args of [['diff', models], ['diff', models, path.join(models, 'm.joinery')], ['diff', models, path.join(temp.root, 'missing')], ['diff', models, models, '-f', 'sarif']]) {
            const run = joinery(args);
            expect(run.status, args.join(' ')).toBe(2);
            expect(run.stderr.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
        }
    });
});
