/// <reference lib="dom" />
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { integrationMapPage } from '../../extension/src/integration-map-page.js';
import { integrationMapView } from '../../language-server/src/server/integration-map.js';
import { layOutMapSafely } from '../../language-server/src/report/map-worker.js';
import { joinery } from '../support/cli.js';
import { ROOT } from '../support/lsp-client.js';
import { launchChromium, watchPage } from './chromium.js';
import { loadExample } from './example-models.js';

// WCAG 2.2 AA, as axe-core (from the npm registry) checks it in headless Chromium,
// on the HTML report and on the editor's map page; then the keyboard, by hand.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf-8');
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

interface AxeViolation { id: string; help: string; nodes: Array<{ target: string[]; failureSummary?: string }> }

/** axe-core's violations on the page as it is now; its source is evaluated, as the page's policy forbids inline scripts. */
async function axeViolations(page: Page): Promise<string[]> {
    await page.evaluate(AXE_SOURCE);
    const violations = await page.evaluate(async tags => {
        const axe = (window as unknown as { axe: { run(context: Document, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
        return (await axe.run(document, { runOnly: { type: 'tag', values: tags } })).violations;
    }, WCAG_22_AA);
    return violations.map(v => `${v.id} (${v.help}): ${v.nodes.slice(0, 3).map(n => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join(' | ')}`);
}

/** What takes the focus on each press of Tab, from the top of the page, until it comes round again. */
async function tabStops(page: Page, limit: number): Promise<Array<{ key: string; visible: boolean }>> {
    await page.evaluate(() => {
        (document.activeElement as HTMLElement | null)?.blur();
        window.scrollTo(0, 0);
    });
    // A click at the very top makes it the point sequential navigation starts from.
    await page.mouse.click(1, 1);
    const stops: Array<{ key: string; visible: boolean }> = [];
    for (let i = 0; i < limit; i++) {
        await page.keyboard.press('Tab');
        const stop = await page.evaluate(() => {
            const active = document.activeElement as HTMLElement | null;
            if (!active || active === document.body) return undefined;
            const style = getComputedStyle(active);
            const card = active.querySelector('rect.card');
            const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
            const thickened = card !== null && parseFloat(getComputedStyle(card).strokeWidth) >= 4;
            return { key: active.dataset.focusKey ?? '', visible: outlined || thickened };
        });
        if (!stop) break;
        if (stops.some(s => s.key === stop.key)) break;
        stops.push(stop);
    }
    return stops;
}

let browser: Browser;
let dir: string;
beforeAll(async () => {
    browser = await launchChromium();
    dir = mkdtempSync(path.join(tmpdir(), 'joinery-a11y-'));
});
afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
});

describe('the HTML report', () => {
    let page: Page;
    beforeAll(async () => {
        const file = path.join(dir, 'lanarkshire.html');
        expect(joinery(['report', 'examples/lanarkshire', '--output', file]).status).toBe(0);
        page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
        await watchPage(page);
        await page.goto(pathToFileURL(file).href);
    });
    afterAll(() => page?.close());

    it('meets WCAG 2.2 AA: axe-core finds no violation', { timeout: 240_000 }, async () => {
        expect(await axeViolations(page)).toEqual([]);
        // Also with a sector filter applied, and in the print layout a board paper uses.
        await page.locator('input[name="sector-filter-NorthLanarkshire"][value="third"]').check();
        expect(await axeViolations(page)).toEqual([]);
        await page.locator('input[name="sector-filter-NorthLanarkshire"][value="all"]').check();
        await page.emulateMedia({ media: 'print' });
        expect(await axeViolations(page)).toEqual([]);
        await page.emulateMedia({ media: 'screen' });
    });

    it('reaches every link, explanation, filter and scrollable map by keyboard, with a visible focus', { timeout: 120_000 }, async () => {
        const expected = await page.evaluate(() => {
            // One tab stop per radio group: its checked radio (arrow keys move within it).
            const focusable = Array.from(document.querySelectorAll<HTMLElement>('a[href], summary, input, [tabindex="0"]'))
                .filter(element => !(element instanceof HTMLInputElement && element.type === 'radio' && !element.checked));
            focusable.forEach((element, index) => { element.dataset.focusKey = String(index); });
            return focusable.map((_, index) => String(index));
        });
        expect(expected.length).toBeGreaterThan(50);
        const stops = await tabStops(page, expected.length + 2);
        expect(stops.map(s => s.key)).toEqual(expected);
        expect(stops.filter(s => !s.visible)).toEqual([]);
        // Within the filter, the arrow keys choose a sector, and Space on a summary opens its explanation.
        const first = page.locator('input[name="sector-filter-NorthLanarkshire"]').first();
        await first.focus();
        await page.keyboard.press('ArrowRight');
        expect(await page.locator('input[name="sector-filter-NorthLanarkshire"]:checked').getAttribute('value')).toBe('government');
        await page.keyboard.press('ArrowLeft');
        const summary = page.locator('section[data-arrangement="NorthLanarkshire"] details summary').first();
        await summary.focus();
        await page.keyboard.press('Space');
        expect(await page.locator('section[data-arrangement="NorthLanarkshire"] details').first().getAttribute('open')).toBe('');
    });
});

describe('the map webview page', () => {
    let page: Page;
    beforeAll(async () => {
        const file = path.join(dir, 'webview.html');
        writeFileSync(file, integrationMapPage({
            cspSource: 'file:', nonce: 'bm9uY2UtZm9yLWExMXk', scriptUri: pathToFileURL(path.join(ROOT, 'extension/out/integration-map-view.js')).href
        }));
        page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
        await page.addInitScript(() => {
            const posted: unknown[] = [];
            Object.assign(window, { posted, acquireVsCodeApi: () => ({ postMessage: (message: unknown) => posted.push(message), getState: () => undefined, setState: () => undefined }) });
        });
        await page.goto(pathToFileURL(file).href);
        const { models, findings } = await loadExample('lanarkshire');
        const view = await integrationMapView(models[0], models, findings, layOutMapSafely);
        await page.evaluate(v => window.postMessage({ type: 'map', view: v }, '*'), view);
        await page.waitForFunction(count => document.querySelectorAll('svg g[data-node]').length === count, Object.keys(view.locations).length);
    });
    afterAll(() => page?.close());

    it('meets WCAG 2.2 AA: axe-core finds no violation', { timeout: 120_000 }, async () => {
        expect(await axeViolations(page)).toEqual([]);
    });

    it('reaches the arrangement picker, the zoom, filter and export controls and every node of the map by keyboard, each with a visible focus', async () => {
        const expected = await page.evaluate(() => {
            // The panel's filters include a checkbox (hide systems): an input is a tab stop too.
            const focusable = Array.from(document.querySelectorAll<HTMLElement | SVGElement>('select, button, input, [tabindex="0"]'));
            focusable.forEach((element, index) => { element.dataset.focusKey = String(index); });
            return focusable.map((_, index) => String(index));
        });
        expect(expected.length).toBeGreaterThan(20);
        const stops = await tabStops(page, expected.length + 2);
        expect(stops.map(s => s.key)).toEqual(expected);
        expect(stops.filter(s => !s.visible)).toEqual([]);
    });
});
