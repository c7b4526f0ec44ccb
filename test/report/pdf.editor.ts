import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRule } from '../../language-server/src/rules/registry.js';
import { checkJson, joinery, type JsonFinding } from '../support/cli.js';
import { chromiumPath } from '../support/programs.js';

// `joinery report --format pdf`, printed by Debian's Chromium, read back with
// Debian's poppler-utils (pdfinfo, pdftotext): the page count, the text of each
// page, each page's size, and the size of the words on the map pages.

function poppler(program: string, args: string[]): string {
    const run = spawnSync(program, args, { encoding: 'utf-8', maxBuffer: 64 * 1024 * 1024 });
    if (run.error) throw new Error(`${program} is needed for this test (apt-get install poppler-utils): ${run.error.message}`);
    expect(run.status, run.stderr).toBe(0);
    return run.stdout;
}

/** Text as a reader sees it, for comparing with messages: white space collapsed, backticks dropped. */
const flat = (text: string) => text.replace(/`/g, '').replace(/\s+/g, ' ').trim();
/**
 * Letters and digits only: pdftotext joins a word hyphenated at a line's end
 * ("co-\noperation" gives "cooperation") and spaces code apart from its full stop.
 */
const letters = (text: string) => text.replace(/[^A-Za-z0-9]/g, '');

let dir: string;
let file: string;
let pages: string[];
let sizes: Array<{ width: number; height: number }>;
let findings: JsonFinding[];

beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'joinery-pdf-'));
    file = path.join(dir, 'lanarkshire.pdf');
    const run = joinery(['report', 'examples/lanarkshire', '--format', 'pdf', '--output', file], { timeout: 300_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    // pdftotext ends each page with a form feed.
    pages = poppler('pdftotext', [file, '-']).split('\f').slice(0, -1);
    const info = poppler('pdfinfo', ['-f', '1', '-l', '9999', file]);
    sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map(m => ({ width: Number(m[1]), height: Number(m[2]) }));
    expect(Number(/^Pages:\s+(\d+)/m.exec(info)![1])).toBe(pages.length);
    findings = checkJson(['examples/lanarkshire']).findings;
}, 360_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the PDF board paper', () => {
    it('numbers every page "Page N of M" on A4, portrait for text and landscape for maps', () => {
        expect(pages.length).toBeGreaterThan(10);
        pages.forEach((text, index) => expect(text, `page ${index + 1}`).toContain(`Page ${index + 1} of ${pages.length}`));
        expect(sizes).toHaveLength(pages.length);
        const a4 = (size: { width: number; height: number }) => [Math.round(Math.min(size.width, size.height)), Math.round(Math.max(size.width, size.height))];
        for (const size of sizes) expect(a4(size)).toEqual([595, 842]);
        pages.forEach((text, index) => {
            const landscape = sizes[index].width > sizes[index].height;
            if (/^(Who reaches|Where the money goes|Who delivers, with which systems)/m.test(text)) expect(landscape, `page ${index + 1}`).toBe(true);
            if (/^(At a glance|Maturity profile|Findings by integration type)/m.test(text)) expect(landscape, `page ${index + 1}`).toBe(false);
        });
    });

    it('opens with a cover: each arrangement with its model\'s version and date, the headline facts and the counts', () => {
        const cover = flat(pages[0]);
        expect(cover).toContain('BOARD PAPER Integration report');
        expect(cover).toContain('North Lanarkshire Health and Social Care Partnership');
        expect(cover).toContain('South Lanarkshire Health and Social Care Partnership');
        expect(cover).toContain('1.2');
        expect(cover).toContain('2025-03-31 (as the model states them)');
        expect(cover).toMatch(/Model version/);
        for (const arrangement of ['NorthLanarkshire', 'SouthLanarkshire']) {
            const own = findings.filter(f => f.arrangement === arrangement);
            const n = (severity: string) => own.filter(f => f.severity === severity).length;
            expect(cover).toContain(`${n('error')} error${n('error') === 1 ? '' : 's'} · ${n('warning')} warnings · ${n('info')} info`);
        }
        expect(cover).toContain('5 of 7 non-statutory actors');
        expect(cover).toContain('0 of 10 votes (0%)');
        expect(pages[1]).not.toContain('Page 1 of');
    });

    it('prints every explanation open', () => {
        const text = letters(pages.join(' '));
        for (const rule of new Set(findings.map(f => f.rule))) {
            const docs = findRule(rule)?.docs;
            if (!docs) continue;
            expect(text, `${rule}: why`).toContain(letters(docs.why));
            expect(text, `${rule}: fix`).toContain(letters(docs.fix));
        }
    });

    it('cuts no finding across two pages', () => {
        const perPage = pages.map(letters);
        for (const finding of findings.filter(f => f.arrangement)) {
            const message = letters(finding.message);
            expect(perPage.some(page => page.includes(message)), `${finding.rule} on ${finding.element}: ${message.slice(0, 60)}`).toBe(true);
        }
    });

    it('prints the maps at a size people can read: no word on a map page under 7.5 pt high', () => {
        const landscape = sizes.flatMap((size, index) => size.width > size.height ? [index + 1] : []);
        expect(landscape.length).toBeGreaterThanOrEqual(4);
        for (const page of landscape) {
            const layout = poppler('pdftotext', ['-bbox-layout', '-f', String(page), '-l', String(page), file, '-']);
            const heights = [...layout.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">/g)].map(m => Number(m[2]) - Number(m[1]));
            expect(heights.length, `page ${page}`).toBeGreaterThan(0);
            // A map's smallest text is 10 units, printed at 0.9 of its size or more: 6.75 pt, about 7.8 pt as a word's box.
            expect(Math.min(...heights), `page ${page}`).toBeGreaterThanOrEqual(7.5);
        }
    });
});

describe('finding a browser', () => {
    const tiny = () => {
        const folder = path.join(dir, 'tiny');
        mkdirSync(folder, { recursive: true });
        writeFileSync(path.join(folder, 'a.joinery'), 'actor H "Health board" { sector statutory }\narrangement A "A partnership" { partners H forum B { kind board voting H } }\n');
        return folder;
    };

    it('uses JOINERY_CHROMIUM when Chromium is not on PATH', { timeout: 180_000 }, () => {
        const output = path.join(dir, 'tiny.pdf');
        const run = joinery(['report', tiny(), '--format', 'pdf', '--output', output], { env: { PATH: dir, JOINERY_CHROMIUM: chromiumPath() }, timeout: 170_000 });
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        expect(poppler('pdftotext', [output, '-'])).toContain('A partnership');
    });

    it('exits 2 with one line when there is none, or when --browser names no program', () => {
        const cases: Array<[string[], NodeJS.ProcessEnv, RegExp]> = [
            [[], { PATH: dir, JOINERY_CHROMIUM: '' }, /^joinery: --format pdf needs Chromium, and none was found on PATH \(chromium, .*\): install it, or give one with --browser PATH or JOINERY_CHROMIUM$/],
            [['--browser', path.join(dir, 'no-such-chromium')], {}, /^joinery: --browser names '.*no-such-chromium', which is not a program this user can run$/],
            [[], { JOINERY_CHROMIUM: path.join(dir, 'tiny') }, /^joinery: JOINERY_CHROMIUM names '.*tiny', which is not a program this user can run$/]
        ];
        for (const [extra, env, message] of cases) {
            const run = joinery(['report', tiny(), '--format', 'pdf', ...extra], { env });
            expect(run.status).toBe(2);
            expect(run.stdout).toBe('');
            expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
            expect(run.stderr.trimEnd()).toMatch(message);
        }
        const html = joinery(['report', tiny(), '--browser', chromiumPath()]);
        expect(html.status).toBe(2);
        expect(html.stderr).toBe('joinery: --browser is for --format pdf\n');
    });
});
