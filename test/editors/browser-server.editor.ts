/// <reference lib="dom" />
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkJson } from '../support/cli.js';
import { ROOT } from '../support/lsp-client.js';
import { launchChromium, watchPage } from '../report/chromium.js';

// The web extension's language server (extension/out/web/server.js, the bundle the
// playground runs too) in a real Worker in headless Chromium, spoken to in LSP
// over the worker's messages: what it publishes must be what `joinery check` finds.
const SERVER_SCRIPT = path.join(ROOT, 'extension/out/web/server.js');
const EXAMPLE = path.join(ROOT, 'examples/lanarkshire');
const BASE = 'file:///workspace/';

let browser: Browser;
let page: Page;

beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
    const watch = await watchPage(page);
    await page.goto('about:blank');
    // A classic worker from a blob, as the playground starts it; the page keeps every message the server sends.
    await page.evaluate((script: string) => {
        const url = URL.createObjectURL(new Blob([script], { type: 'text/javascript' }));
        const worker = new Worker(url);
        const state = { received: [] as Array<Record<string, unknown>>, worker };
        (window as unknown as { lsp: typeof state }).lsp = state;
        worker.onmessage = event => {
            const message = event.data as Record<string, unknown>;
            state.received.push(message);
            // Requests from the server (configuration, capability registration) are answered as a minimal client would.
            if (message.id !== undefined && typeof message.method === 'string') {
                const items = (message.params as { items?: unknown[] } | undefined)?.items;
                worker.postMessage({ jsonrpc: '2.0', id: message.id, result: message.method === 'workspace/configuration' ? (items ?? []).map(() => null) : null });
            }
        };
    }, readFileSync(SERVER_SCRIPT, 'utf-8'));
    expect(watch.outsideRequests).toEqual([]);
}, 60_000);

afterAll(async () => {
    await browser?.close();
});

function send(message: Record<string, unknown>): Promise<void> {
    return page.evaluate(m => (window as unknown as { lsp: { worker: Worker } }).lsp.worker.postMessage(m), { jsonrpc: '2.0', ...message });
}

function received(): Promise<Array<Record<string, unknown>>> {
    return page.evaluate(() => (window as unknown as { lsp: { received: Array<Record<string, unknown>> } }).lsp.received);
}

async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
        const value = await probe();
        if (value !== undefined) return value;
        await new Promise(resolve => setTimeout(resolve, 100));
    }
    throw new Error(`timed out waiting for ${what}`);
}

describe('the language server in a web worker', () => {
    it('answers initialize with the same capabilities as the Node server', async () => {
        await send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, workspaceFolders: null, capabilities: { textDocument: { publishDiagnostics: { codeDescriptionSupport: true } } }, initializationOptions: { ruleDocsBase: 'https://docs.invalid/docs' } } });
        const answer = await waitFor(async () => (await received()).find(m => m.id === 1), 'the initialize answer');
        const capabilities = (answer.result as { capabilities: Record<string, unknown> }).capabilities;
        for (const feature of ['hoverProvider', 'completionProvider', 'codeActionProvider', 'documentFormattingProvider', 'renameProvider', 'codeLensProvider']) {
            expect(capabilities[feature], feature).toBeTruthy();
        }
        await send({ method: 'initialized', params: {} });
    });

    it('publishes, for the opened files, exactly the findings of `joinery check`', async () => {
        const cli = checkJson(['.'], { cwd: EXAMPLE });
        expect(cli.findings.length).toBeGreaterThan(0);
        const files = readdirSync(EXAMPLE).filter(name => name.endsWith('.joinery'));
        for (const file of files) {
            await send({ method: 'textDocument/didOpen', params: { textDocument: { uri: BASE + file, languageId: 'joinery', version: 1, text: readFileSync(path.join(EXAMPLE, file), 'utf-8') } } });
        }
        // Settled: every file has diagnostics, and nothing new came for a second.
        let published: Map<string, Array<Record<string, unknown>>> = new Map();
        let count = -1;
        await waitFor(async () => {
            const messages = (await received()).filter(m => m.method === 'textDocument/publishDiagnostics');
            published = new Map(messages.map(m => {
                const params = m.params as { uri: string; diagnostics: Array<Record<string, unknown>> };
                return [params.uri, params.diagnostics];
            }));
            const settled = published.size === files.length && messages.length === count;
            count = messages.length;
            if (!settled) await new Promise(resolve => setTimeout(resolve, 900));
            return settled ? true : undefined;
        }, 'the diagnostics to settle', 60_000);
        const shown = [...published].flatMap(([uri, diagnostics]) => diagnostics.map(d => asFinding(uri.slice(BASE.length), d)));
        expect(shown.sort()).toEqual(cli.findings.map(f => `${f.file}:${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.severity} ${f.rule} ${f.message}`).sort());
        // The documentation link points where the client said the docs are.
        const linked = [...published.values()].flat().find(d => d.code === 'no-board-voice') as { codeDescription?: { href: string } };
        expect(linked.codeDescription?.href).toBe('https://docs.invalid/docs/rules/no-board-voice.md');
    }, 90_000);

    it('draws the integration map (ELK inside the worker) and keeps answering afterwards', async () => {
        await send({ id: 2, method: 'joinery/integrationMap', params: { textDocument: { uri: `${BASE}south.joinery` } } });
        const answer = await waitFor(async () => (await received()).find(m => m.id === 2), 'the map', 60_000);
        const view = answer.result as { arrangement: string; scene: { items: unknown[] } };
        expect(view.arrangement).toBe('SouthLanarkshire');
        expect(view.scene.items.length).toBeGreaterThan(10);
        // ELK's bundle takes a worker's onmessage for itself when it loads: the server must still hear requests.
        await send({ id: 3, method: 'textDocument/hover', params: { textDocument: { uri: `${BASE}actors.joinery` }, position: { line: 0, character: 0 } } });
        await waitFor(async () => (await received()).find(m => m.id === 3), 'a hover answer after the map');
    }, 90_000);
});

const SEVERITY = ['', 'error', 'warning', 'info', 'info'];

function asFinding(file: string, diagnostic: Record<string, unknown>): string {
    const { start, end } = diagnostic.range as { start: { line: number; character: number }; end: { line: number; character: number } };
    return `${file}:${start.line}:${start.character}-${end.line}:${end.character} ${SEVERITY[diagnostic.severity as number]} ${String(diagnostic.code)} ${String(diagnostic.message)}`;
}
