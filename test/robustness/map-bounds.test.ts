import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { IntegrationMapRequest, type IntegrationMapView } from '../../language-server/src/server/integration-map-protocol.js';
import { MAP_LIMITS } from '../../language-server/src/report/map-layout.js';
import { joinery } from '../support/cli.js';
import { LanguageServerSession } from '../support/lsp-client.js';

/**
 * The integration map has a size bound and a time bound and is laid out off the
 * request thread (issue 19): 20 fully connected actors blocked hover for 44 s; a
 * `reports to` chain of 500 forums answered nothing for 150 s; 2,000 forums ran out
 * of memory, in the server and in `joinery report`.
 */

/** 20 actors, each with a two-way channel to every other: 190 lines ELK takes long over. */
function complete(n: number): string {
    const lines = Array.from({ length: n }, (_, i) => `actor A${i} "Actor ${i}" { sector third }`);
    lines.push(`arrangement K { partners ${Array.from({ length: n }, (_, i) => `A${i}`).join(', ')}`);
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) lines.push(`  channel A${i} -> A${j} { kind consultation two-way }`);
    return lines.join('\n') + '\n}\n';
}

function chain(n: number, arrangement: string): string {
    const forums = Array.from({ length: n }, (_, i) => i === 0 ? `  forum F0 { kind board voting H${arrangement} }` : `  forum F${i} { kind planning reports to F${i - 1} }`);
    return `actor H${arrangement} "Health board" { sector statutory }\narrangement ${arrangement} { partners H${arrangement}\n${forums.join('\n')}\n}\n`;
}

let dir: string;
beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'joinery-map-bounds-'));
    for (const [name, text] of Object.entries({ complete: complete(20), chain: chain(500, 'C'), forums: chain(2000, 'D') })) {
        mkdirSync(path.join(dir, name));
        writeFileSync(path.join(dir, name, 'model.joinery'), text);
    }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const texts = (view: IntegrationMapView | null) => JSON.stringify(view?.scene.items).match(/"text":"[^"]*"/g) ?? [];

describe('the map in the server', () => {
    let session: LanguageServerSession;
    const previous = process.env.JOINERY_MAP_LAYOUT_MS;
    beforeAll(async () => {
        process.env.JOINERY_MAP_LAYOUT_MS = '4000';
        session = await LanguageServerSession.start(dir);
        await session.settle(3, 400, 120_000);
    }, 150_000);
    afterAll(async () => {
        await session?.stop();
        if (previous === undefined) delete process.env.JOINERY_MAP_LAYOUT_MS; else process.env.JOINERY_MAP_LAYOUT_MS = previous;
    });
    const uri = (name: string) => pathToFileURL(path.join(dir, name, 'model.joinery')).href;

    it('answers hover while a slow map is laid out, and draws that map simply once the time bound is hit', async () => {
        const started = Date.now();
        const map = session.connection.sendRequest(IntegrationMapRequest, { textDocument: { uri: uri('complete') }, arrangement: 'K' });
        await new Promise(resolve => setTimeout(resolve, 300));
        const hoverStarted = Date.now();
        const hover = await session.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri: uri('complete') }, position: { line: 0, character: 7 } });
        const hoverMs = Date.now() - hoverStarted;
        expect((hover.contents as MarkupContent).value).toContain('Actor 0');
        const view = await map;
        const mapMs = Date.now() - started;
        expect(hoverMs).toBeLessThan(mapMs);
        expect(mapMs).toBeLessThan(40_000);
        // Either ELK finished within the bound (a fast machine) or the simple layout stands in, saying so.
        const boxes = JSON.stringify(view?.scene.items).match(/"nodeId"/g) ?? [];
        expect(boxes).toHaveLength(20);
        if (mapMs >= 4000) expect(texts(view).join(' ')).toMatch(/Laying this map out took longer than 4 s, so it is drawn simply/);
    }, 60_000);

    it('answers a map too large to draw at once, with a notice saying so', async () => {
        for (const [name, arrangement, nodes] of [['chain', 'C', 501], ['forums', 'D', 2001]] as const) {
            const started = Date.now();
            const view = await session.connection.sendRequest(IntegrationMapRequest, { textDocument: { uri: uri(name) }, arrangement });
            expect(Date.now() - started).toBeLessThan(20_000);
            expect(texts(view).join(' ')).toContain(`This map is too large to draw (${nodes.toLocaleString('en-GB')} nodes`);
            expect(JSON.stringify(view?.scene.items)).not.toContain('"nodeId"');
        }
        expect(nodesLimit()).toBeLessThan(501);
    }, 60_000);
});

function nodesLimit(): number {
    return MAP_LIMITS.nodes;
}

describe('the map in joinery report and graph', () => {
    it('writes the report of a map too large to draw, and of a slow one, with a notice', () => {
        for (const name of ['chain', 'forums']) {
            const out = path.join(dir, `${name}.html`);
            const run = joinery(['report', path.join(dir, name), '--output', out]);
            expect(run.stderr).toBe('');
            expect(run.status).toBe(0);
            expect(readFileSync(out, 'utf-8')).toContain('This map is too large to draw');
        }
        const svg = joinery(['graph', path.join(dir, 'complete'), '--format', 'svg'], { env: { JOINERY_MAP_LAYOUT_MS: '1' } });
        expect(svg.status).toBe(0);
        expect(svg.stdout).toContain('so it is drawn simply');
        expect(svg.stdout.match(/class="node /g)).toHaveLength(20);
    }, 120_000);
});
