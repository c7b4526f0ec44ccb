import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isBoard } from '../../language-server/src/analysis/membership.js';
import { buildIntegrationGraph, mapNodeId, type MappedElement } from '../../language-server/src/report/integration-graph.js';
import { MIN_PRINT_SCALE, printScale } from '../../language-server/src/report/map-print.js';
import { checkJson, joinery, type JsonFinding } from '../support/cli.js';
import { ROOT } from '../support/lsp-client.js';
import { loadAllExamples } from '../report/example-models.js';

// What a board paper says, read from the real CLI's HTML report.

let dir: string;
beforeAll(() => { dir = mkdtempSync(path.join(tmpdir(), 'joinery-board-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The text a reader sees: tags dropped, entities decoded, white space collapsed. */
function visibleText(html: string): string {
    return html.replace(/<[^>]+>/g, '').replace(/&(lt|gt|quot|#39|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[name]!).replace(/\s+/g, ' ');
}

function between(html: string, start: string, end: string, from = 0): string {
    const at = html.indexOf(start, from);
    expect(at, start).toBeGreaterThanOrEqual(0);
    return html.slice(at, html.indexOf(end, at + start.length));
}

function sectionOf(html: string, name: string): string {
    return between(html, `<section class="arrangement" id="arrangement-${name}"`, '<section class="arrangement"');
}

function folderWith(name: string, files: Record<string, string>): string {
    const folder = path.join(dir, name);
    mkdirSync(folder, { recursive: true });
    for (const [file, text] of Object.entries(files)) writeFileSync(path.join(folder, file), text);
    return folder;
}

describe('the summary: voice, votes and money as three facts', () => {
    let html: string;
    beforeAll(() => {
        const run = joinery(['report', 'examples/lanarkshire']);
        expect(run.status).toBe(0);
        html = run.stdout;
    });

    it('says who reaches a board, who votes and who controls the money separately, with the shares outside the statutory sector', () => {
        // Worked out by hand from examples/lanarkshire: seven non-statutory actors are involved in the North; the
        // independent providers and the local third sector reach no board; only NHS Lanarkshire (5) and the council
        // (5) vote; the third-sector anchors hold the 1m fund of 651m through Community Solutions' one voting seat.
        const north = sectionOf(html, 'NorthLanarkshire');
        expect(visibleText(between(north, 'class="card glance-voice"', '</div>'))).toContain('5 of 7 non-statutory actors reach a board');
        const votes = visibleText(between(north, 'class="card glance-votes"', '</div>'));
        expect(votes).toContain('All 10 votes are held by the statutory sector');
        expect(votes).toContain('NHS Lanarkshire (statutory): 5 votes');
        expect(between(north, 'data-share="votes">', '<')).toBe('data-share="votes">0%');
        expect(between(north, 'data-share="money">', '<')).toBe('data-share="money">0.2%');
        expect(visibleText(north)).not.toContain('Every non-statutory actor reaches a board');
        const cover = visibleText(between(html, '<header class="cover">', '</header>'));
        expect(cover).toMatch(/Reach a board\s*5 of 7 non-statutory actors/);
        expect(cover).toMatch(/Votes outside the statutory sector\s*0 of 10 votes \(0%\)/);
        expect(cover).toMatch(/Money controlled outside the statutory sector\s*0\.2%/);
    });

    it('counts a vote outside the statutory sector, and a single error, in the words the numbers need', () => {
        const folder = folderWith('one-error', {
            'model.joinery': `actor H "Health board" { sector statutory }
actor V "Voluntary group" { sector third }
actor U "Users' forum" { sector community kind people }
arrangement A "A partnership" {
  partners H
  forum B "Board" { kind board voting H 3, U 1 }
  service S { delivered by V }
}
`
        });
        const findings = checkJson([folder]).findings.filter(f => f.severity === 'error');
        expect(findings.map(f => `${f.rule} ${f.element}`)).toEqual(['no-board-voice V']);
        const run = joinery(['report', folder]);
        expect(run.status).toBe(0);
        const text = visibleText(run.stdout);
        expect(text).toContain('1 error ·');
        expect(text).toContain('1 error, ');
        expect(text).not.toMatch(/\b1 errors\b/);
        expect(text).toContain('1 of 4 votes (25%) sit outside the statutory sector');
        expect(text).toContain('1 of 2 non-statutory actors reach a board');
    });
});

describe('maps that read', () => {
    let html: string;
    let expected: JsonFinding[];
    beforeAll(() => {
        const run = joinery(['report', 'examples']);
        expect(run.status).toBe(0);
        html = run.stdout;
        expected = checkJson(['examples']).findings;
    });

    it('draws one map per board with its members and every route that reaches it, and says who is left out', async () => {
        const { models, findings } = await loadAllExamples();
        for (const model of models) {
            const section = sectionOf(html, model.arrangement.name);
            const graph = buildIntegrationGraph(model, findings);
            for (const board of model.forums.filter(isBoard)) {
                const figures = [...section.matchAll(new RegExp(`<figure [^>]*data-view="board-${board.name}"[\\s\\S]*?</figure>`, 'g'))].map(m => m[0]);
                expect(figures.length, `${model.arrangement.name} ${board.name}`).toBeGreaterThan(0);
                const drawn = new Set(figures.flatMap(figure => [...figure.matchAll(/<g class="node[^"]*" data-node="([^"]+)"/g)].map(m => m[1])));
                const reaching = [...model.workspace.routes.reaching([board])].map(node => mapNodeId(node as MappedElement, model)).filter(id => graph.nodes.some(n => n.id === id));
                expect([...drawn].sort(), `${model.arrangement.name} ${board.name}`).toEqual([...new Set(reaching)].sort());
                const outside = model.involvedActors.filter(actor => !model.workspace.routes.reaching([board]).has(actor));
                if (outside.length) expect(visibleText(figures[figures.length - 1])).toContain('Not on this map');
            }
        }
    });

    it('prints every view at a legible scale, splitting a large one into several maps; only the whole map may be too large', () => {
        let split = 0;
        for (const figure of html.matchAll(/<figure class="([^"]*)" data-map="[^"]+" data-view="([^"]+)" data-part="(\d+)">[\s\S]*?<svg [^>]*viewBox="0 0 (\d+) (\d+)"/g)) {
            const [, classes, view, part, width, height] = figure;
            const scale = printScale({ width: Number(width), height: Number(height) });
            if (view === 'whole') expect(classes.includes('too-large'), `whole map ${width}×${height}`).toBe(scale < MIN_PRINT_SCALE);
            else expect(scale, `${view} part ${part}: ${width}×${height}`).toBeGreaterThanOrEqual(MIN_PRINT_SCALE);
            if (Number(part) > 1) split++;
        }
        expect(split).toBeGreaterThan(0);
        expect(html).toContain('class="map map-page map-whole too-large"');
    });

    it('lists under each map, as text, every finding on one of its boxes', () => {
        let checked = 0;
        for (const [figure] of html.matchAll(/<figure class="map[^"]*" data-map="([^"]+)"[\s\S]*?<\/figure>/g)) {
            const arrangement = /data-map="([^"]+)"/.exec(figure)![1];
            const nodes = [...figure.matchAll(/<g class="node[^"]*" data-node="[a-z]+:([^"]+)"/g)].map(m => m[1]);
            const notes = visibleText(figure.slice(figure.indexOf('<div class="map-notes">')));
            for (const finding of expected.filter(f => f.arrangement === arrangement && f.element !== arrangement && nodes.includes(f.element!))) {
                expect(notes, `${arrangement}: ${finding.rule} on ${finding.element}`).toContain(finding.message.replace(/`/g, ''));
                checked++;
            }
        }
        expect(checked).toBeGreaterThan(50);
    });

    it('names each actor\'s sector on its card, so that colour is not the only sign of it', () => {
        for (const [, sector, text] of html.matchAll(/<g class="node node-actor sector-([a-z]+)[^"]*" data-node="[^"]+"><title>[\s\S]*?<\/title>([\s\S]*?)<\/g>/g)) {
            expect(text.toLowerCase()).toContain(`>actor · ${sector}`);
        }
    });
});

describe('accepted risks', () => {
    it('lists each suppressed finding with its reason and where the suppression is written, apart from the open findings', () => {
        const folder = folderWith('accepted', {
            'model.joinery': `actor H "Health board" { sector statutory }
// joinery-ignore unfunded-provider: funded by a national grant outside this model
actor V "Voluntary group" { sector third }
arrangement A "A partnership" {
  partners H
  forum B "Board" { kind board voting H advisory V }
  service S { delivered by V }
}
`
        });
        expect(checkJson([folder]).findings.map(f => f.rule)).not.toContain('unfunded-provider');
        const run = joinery(['report', folder]);
        expect(run.status).toBe(0);
        const accepted = between(run.stdout, '<section class="accepted">', '</section>');
        expect(accepted).toContain('data-rule="unfunded-provider"');
        const text = visibleText(accepted);
        expect(text).toContain('Accepted because: funded by a national grant outside this model');
        expect(text).toMatch(/\(suppressed at [^)]*accepted\/model\.joinery:2\)/);
        expect(visibleText(between(run.stdout, '<header class="cover">', '</header>'))).toContain('1 accepted risk');
        expect(between(run.stdout, 'Findings by integration type', '<section class="accepted">')).not.toContain('unfunded-provider');
    });

    it('lists every finding of a baseline (--baseline FILE) as known, held back from the open findings as check holds it back', () => {
        const folder = folderWith('baselined', {
            'model.joinery': `actor H "Health board" { sector statutory }
actor V "Voluntary group" { sector third }
arrangement A "A partnership" {
  partners H
  forum B "Board" { kind board voting H advisory V }
  service S { delivered by V }
}
`
        });
        const baseline = path.join(dir, 'baselined.json');
        expect(joinery(['check', folder, '--write-baseline', baseline]).status).toBe(0);
        const known = checkJson([folder]).findings.filter(f => f.arrangement === 'A');
        expect(known.map(f => f.rule)).toContain('unfunded-provider');
        const run = joinery(['report', folder, '--baseline', baseline]);
        expect(run.stderr).toBe('');
        const accepted = between(run.stdout, '<section class="accepted">', '</section>');
        for (const finding of known) expect(accepted, finding.rule).toContain(`data-rule="${finding.rule}"`);
        expect(visibleText(accepted)).toContain(`Accepted as known: recorded in the baseline ${baseline}`);
        expect(visibleText(between(run.stdout, '<header class="cover">', '</header>'))).toContain(`${known.length} accepted risk`);
        expect(between(run.stdout, 'Findings by integration type', '<section class="accepted">')).not.toContain('data-rule="unfunded-provider"');
        // The same model without the baseline: the findings are open, and none is accepted.
        const open = joinery(['report', folder]).stdout;
        expect(between(open, 'Findings by integration type', '<section class="accepted">')).toContain('data-rule="unfunded-provider"');
        expect(joinery(['report', folder, '--baseline', path.join(dir, 'missing.json')]).stderr).toMatch(/^joinery: cannot read baseline '.*missing\.json'/);
        expect(joinery(['report', folder, '--baseline', baseline, '--format', 'md']).status).toBe(2);
    });
});

describe('joinery report NEW --compare OLD', () => {
    let html: string;
    let oldFindings: JsonFinding[];
    let newFindings: JsonFinding[];
    beforeAll(() => {
        const old = path.join(dir, 'old'), now = path.join(dir, 'new');
        cpSync(path.join(ROOT, 'examples/lanarkshire'), old, { recursive: true });
        cpSync(path.join(ROOT, 'examples/lanarkshire'), now, { recursive: true });
        // The new model links the two records (closing the team's gap) and adds a goal nobody measures (opening one).
        const north = readFileSync(path.join(now, 'north.joinery'), 'utf-8')
            .replace('  // No link between them', '  link HealthRecord <-> SocialWorkRecord { shares "referrals" }\n  // Once no link between them')
            .replace('  goal Prevention', '  goal Carers "Support for unpaid carers" { owner IJB }\n  goal Prevention');
        writeFileSync(path.join(now, 'north.joinery'), north);
        oldFindings = checkJson([old]).findings;
        newFindings = checkJson([now]).findings;
        const run = joinery(['report', now, '--compare', old]);
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        html = run.stdout;
    });

    /** `rule element` of findings in `a` and not in `b`, as multisets: worked out from `check --format json` alone. */
    function difference(a: JsonFinding[], b: JsonFinding[], arrangement: string): string[] {
        const left = b.filter(f => f.arrangement === arrangement).map(f => `${f.rule} ${f.element}`);
        const result: string[] = [];
        for (const key of a.filter(f => f.arrangement === arrangement).map(f => `${f.rule} ${f.element}`)) {
            const at = left.indexOf(key);
            if (at >= 0) left.splice(at, 1); else result.push(key);
        }
        return result.sort();
    }

    function listed(section: string, kind: 'opened' | 'closed'): string[] {
        const list = section.includes(`<ul class="changed-findings ${kind}">`) ? between(section, `<ul class="changed-findings ${kind}">`, '</ul>') : '';
        return [...list.matchAll(/data-rule="([^"]+)"[\s\S]*?class="finding-meta">[\s\S]*?<code>([^<]+)<\/code>/g)].map(m => `${m[1]} ${m[2]}`).sort();
    }

    it('shows what was opened and what was closed since the last review, matched finding by finding', () => {
        for (const name of ['NorthLanarkshire', 'SouthLanarkshire']) {
            const section = between(sectionOf(html, name), '<section class="change"', '</section>');
            const opened = difference(newFindings, oldFindings, name), closed = difference(oldFindings, newFindings, name);
            expect(listed(section, 'opened'), `${name} opened`).toEqual(opened);
            expect(listed(section, 'closed'), `${name} closed`).toEqual(closed);
            expect(between(section, 'data-count="closed">', '<')).toBe(`data-count="closed">${closed.length} closed`);
        }
        const north = between(sectionOf(html, 'NorthLanarkshire'), '<section class="change"', '</section>');
        expect(listed(north, 'opened')).toContain('unmeasured-goal Carers');
        expect(listed(north, 'closed')).toContain('team-without-shared-system IRT');
        expect(visibleText(between(sectionOf(html, 'SouthLanarkshire'), '<section class="change"', '</section>'))).toContain('0 findings opened · 0 closed');
    });

    it('draws the maturity profile before and after on one radar', () => {
        const radar = between(sectionOf(html, 'NorthLanarkshire'), '<svg class="maturity-radar"', '</svg>');
        const score = (series: string, dimension: string) => {
            const group = between(radar, `data-series="${series}"`, '</g>');
            return Number(new RegExp(`data-dimension="${dimension}" data-score="(\\d)"`).exec(group)![1]);
        };
        // By hand: the link gives step 3; with it the team has a shared system (4) and every shared system an agreement (5).
        expect(score('before', 'digital-infrastructure')).toBe(2);
        expect(score('now', 'digital-infrastructure')).toBe(5);
        expect(visibleText(radar)).toContain('at the last review (dashed line, square points)');
    });

    it('exits 2 with one line when asked to compare in Markdown, or in a graph', () => {
        for (const args of [['report', 'examples/lanarkshire', '--compare', 'examples', '--format', 'md'], ['graph', 'examples/lanarkshire', '--compare', 'examples']]) {
            const run = joinery(args);
            expect(run.status).toBe(2);
            expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
            expect(run.stderr).toMatch(/--compare/);
        }
    });
});
