/// <reference lib="dom" />
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { integrationMapPage } from '../../extension/src/integration-map-page.js';
import { integrationMapView } from '../../language-server/src/server/integration-map.js';
import { buildIntegrationGraph } from '../../language-server/src/report/integration-graph.js';
import { layOutMapSafely } from '../../language-server/src/report/map-worker.js';
import { joinery } from '../support/cli.js';
import { ROOT } from '../support/lsp-client.js';
import { checkWorkspace } from '../support/workspace.js';
import { distinctColours, launchChromium, watchPage, type PageWatch } from './chromium.js';
import { HOSTILE_MODEL, HOSTILE_TITLES, loadExample } from './example-models.js';

// The HTML report and the editor's map page, opened in headless Chromium (Debian's,
// offline): they must draw something, stay on the machine and log no error.
const ARTIFACTS = path.join(ROOT, 'test-results/report');
let browser: Browser;
let dir: string;

beforeAll(async () => {
    browser = await launchChromium();
    dir = mkdtempSync(path.join(tmpdir(), 'joinery-browser-'));
    mkdirSync(ARTIFACTS, { recursive: true });
});
afterAll(async () => {
    // Guarded: when Chromium could not start, its one-line reason is the error shown, not this hook's.
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
});

async function open(file: string, width = 1440): Promise<{ page: Page; watch: PageWatch }> {
    const page = await browser.newPage({ viewport: { width, height: 1000 } });
    const watch = await watchPage(page);
    await page.goto(pathToFileURL(file).href);
    return { page, watch };
}

function expectQuiet(watch: PageWatch): void {
    expect(watch.outsideRequests).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.dialogs).toEqual([]);
}

describe('the HTML report in a browser', () => {
    it('shows the Lanarkshire report offline: who has a voice, who holds the money, which stage is reached', { timeout: 120_000 }, async () => {
        const file = path.join(dir, 'lanarkshire.html');
        expect(joinery(['report', 'examples/lanarkshire', '--output', file]).status).toBe(0);
        const { models, findings } = await loadExample('lanarkshire');
        const { page, watch } = await open(file);
        for (const model of models) {
            const section = page.locator(`section[data-arrangement="${model.arrangement.name}"]`);
            const graph = buildIntegrationGraph(model, findings);
            const whole = section.locator('figure.map[data-view="whole"]');
            expect(await whole.locator('svg g[data-node]').count()).toBe(graph.nodes.length);
            const box = await whole.locator('svg').boundingBox();
            expect(box!.width).toBeGreaterThan(800);
            const silenced = graph.nodes.filter(node => node.withoutVoice);
            expect(silenced.length).toBeGreaterThan(0);
            const voiceCard = await section.locator('.glance-voice').innerText();
            for (const node of silenced) expect(voiceCard).toContain(node.title);
            expect(await whole.locator('g.no-voice').count()).toBe(silenced.length);
            const stageCard = await section.locator('.glance-stage').innerText();
            expect(stageCard).toContain(`Claims stage ${model.stageSupport.claimed}, reaches stage ${model.stageSupport.supportedStage}`);
            const holders = model.powerMap.sectors.filter(p => p.budgetShare > 0).sort((a, b) => b.budgetShare - a.budgetShare);
            expect(await section.locator('.glance-money .headline').innerText()).toContain(`The ${holders[0].sector} sector controls`);
        }
        const screenshot = await page.screenshot({ fullPage: false, path: path.join(ARTIFACTS, 'lanarkshire-report.png') });
        expect(await distinctColours(browser, screenshot)).toBeGreaterThan(50);
        await page.locator('section[data-arrangement="NorthLanarkshire"] figure.map[data-view="whole"]').screenshot({ path: path.join(ARTIFACTS, 'lanarkshire-north-map.png') });
        expectQuiet(watch);
        await page.close();
    });

    it('cuts no text off at the edge of any map or chart, and filters the maps by sector without script', { timeout: 120_000 }, async () => {
        const file = path.join(dir, 'lanarkshire-maps.html');
        expect(joinery(['report', 'examples/lanarkshire', '--output', file]).status).toBe(0);
        const { page, watch } = await open(file);
        // Measured by the browser: every text's box lies inside its picture (legend labels were cut off: "governmen").
        const outside = await page.evaluate(() => Array.from(document.querySelectorAll<SVGTextElement>('svg text')).flatMap(text => {
            const svg = text.ownerSVGElement!;
            const view = svg.viewBox.baseVal;
            const box = text.getBBox();
            return box.x < view.x - 0.5 || box.x + box.width > view.x + view.width + 0.5 ? [`${text.textContent} (${Math.round(box.x)}–${Math.round(box.x + box.width)} of ${view.width})`] : [];
        }));
        expect(outside).toEqual([]);
        const north = page.locator('section[data-arrangement="NorthLanarkshire"]');
        const visible = () => north.locator('figure.map[data-view="whole"] g.node').evaluateAll(nodes => nodes.filter(node => getComputedStyle(node).display !== 'none').map(node => node.getAttribute('data-node')));
        const all = await visible();
        await north.locator('input[value="third"]').check();
        const third = await visible();
        expect(third.length).toBeGreaterThan(0);
        expect(third.length).toBeLessThan(all.length);
        // The third sector's actors stay, with what they connect to; a statutory partner they do not touch goes.
        expect(third).toEqual(expect.arrayContaining(['actor:VANL', 'actor:NLAnchors', 'actor:NLThirdSector', 'forum:IJB']));
        expect(third).not.toContain('actor:ScottishGovernment');
        await north.locator('input[value="all"]').check();
        expect(await visible()).toEqual(all);
        expectQuiet(watch);
        await page.close();
    });

    it('renders titles with markup in them as text, and runs nothing', { timeout: 120_000 }, async () => {
        const folder = path.join(dir, 'hostile');
        mkdirSync(folder);
        writeFileSync(path.join(folder, 'evil.joinery'), HOSTILE_MODEL);
        const file = path.join(dir, 'hostile.html');
        expect(joinery(['report', folder, '--output', file]).status).toBe(0);
        const { page, watch } = await open(file);
        expect(await page.locator('section.arrangement h2').innerText()).toBe(HOSTILE_TITLES[2]);
        expect(await page.locator('script, img, b, em, a[href="x"]').count()).toBe(0);
        const tables = await page.locator('table').allInnerTexts();
        for (const title of HOSTILE_TITLES.filter(t => !t.startsWith('The ') && !t.startsWith('System') && !t.startsWith('Team'))) {
            expect(tables.join('\n')).toContain(title);
        }
        const mapText = await page.locator('figure.map[data-view="whole"] svg').evaluate(svg => svg.textContent ?? '');
        expect(mapText).toContain(`alert('x')</script> &`);
        const screenshot = await page.screenshot();
        expect(await distinctColours(browser, screenshot)).toBeGreaterThan(20);
        expectQuiet(watch);
        await page.close();
    });
});

describe('the integration map webview page in a browser', () => {
    let page: Page;
    let watch: PageWatch;
    const nonce = 'bm9uY2UtZm9yLXRoZS10ZXN0';

    beforeAll(async () => {
        const file = path.join(dir, 'webview.html');
        writeFileSync(file, integrationMapPage({
            cspSource: 'file:', nonce, scriptUri: pathToFileURL(path.join(ROOT, 'extension/out/integration-map-view.js')).href
        }));
        page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
        watch = await watchPage(page);
        // What VS Code gives a webview: an API object that posts to the extension.
        await page.addInitScript(() => {
            const posted: unknown[] = [];
            Object.assign(window, { posted, acquireVsCodeApi: () => ({ postMessage: (message: unknown) => posted.push(message), getState: () => undefined, setState: () => undefined }) });
        });
        await page.goto(pathToFileURL(file).href);
        await page.waitForFunction(() => (window as unknown as { posted: Array<{ type: string }> }).posted.some(m => m.type === 'ready'));
    });
    afterAll(() => page?.close());

    const posted = () => page.evaluate(() => (window as unknown as { posted: unknown[] }).posted);

    it('paints the map it is sent, highlights the gaps, and asks to reveal a clicked node', async () => {
        const { models, findings } = await loadExample('lanarkshire');
        const north = models.find(m => m.arrangement.name === 'NorthLanarkshire')!;
        const view = await integrationMapView(north, models, findings, layOutMapSafely);
        await page.evaluate(v => window.postMessage({ type: 'map', view: v }, '*'), view);
        const nodes = Object.keys(view.locations);
        await page.waitForFunction(count => document.querySelectorAll('svg g[data-node]').length === count, nodes.length);
        expect(await page.locator('.map-title').innerText()).toBe(north.title);
        const summary = await page.locator('.map-summary').innerText();
        for (const title of view.summary.withoutVoice) expect(summary).toContain(title);
        expect(await page.locator('svg g.no-voice').count()).toBe(view.summary.withoutVoice.length);
        expect(await page.locator('svg g.edge.gap path').first().getAttribute('stroke-dasharray')).toBeTruthy();

        const silenced = await page.locator('svg g.no-voice').first().getAttribute('data-node');
        await page.locator(`svg g[data-node="${silenced}"]`).click();
        expect(await posted()).toContainEqual({ type: 'reveal', nodeId: silenced });
        await page.locator('svg g[data-node]').first().focus();
        await page.keyboard.press('Enter');
        expect((await posted() as Array<{ type: string }>).filter(m => m.type === 'reveal')).toHaveLength(2);

        const screenshot = await page.screenshot({ path: path.join(ARTIFACTS, 'webview-north.png') });
        expect(await distinctColours(browser, screenshot)).toBeGreaterThan(50);
        expectQuiet(watch);
    });

    it('puts titles with markup in as text', async () => {
        const { services, findings, arrangement } = await checkWorkspace(HOSTILE_MODEL);
        const analysis = services.analysis.IntegrationAnalysis;
        const view = await integrationMapView(analysis.arrangementModel(arrangement('Evil')), analysis.allArrangementModels(), findings, layOutMapSafely);
        await page.evaluate(v => window.postMessage({ type: 'map', view: v }, '*'), view);
        await page.waitForFunction(() => document.querySelector('.map-title')?.textContent?.startsWith('The "'));
        expect(await page.locator('.map-title').innerText()).toBe(HOSTILE_TITLES[2]);
        expect(await page.locator('.map-picker option').first().textContent()).toBe(HOSTILE_TITLES[2]);
        expect(await page.locator('script').count()).toBe(1); // the page's own
        expect(await page.locator('img, b, em, a').count()).toBe(0);
        const mapText = await page.locator('svg').evaluate(svg => svg.textContent ?? '');
        expect(mapText).toContain(`alert('x')</script> &`);
        expectQuiet(watch);
    });

    it('enforces its Content-Security-Policy: an injected inline script does not run', async () => {
        const ran = await page.evaluate(() => {
            const script = document.createElement('script');
            script.textContent = 'window.injected = true';
            document.body.append(script);
            return (window as unknown as { injected?: boolean }).injected === true;
        });
        expect(ran).toBe(false);
        await page.waitForTimeout(100);
        expect(watch.consoleErrors.some(message => /Content Security Policy/i.test(message))).toBe(true);
        expect(watch.outsideRequests).toEqual([]);
    });
});
