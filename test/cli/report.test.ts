import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArrangementModel } from '../../language-server/src/analysis/arrangement-model.js';
import { share } from '../../language-server/src/report/figures.js';
import { buildIntegrationGraph, type IntegrationGraph } from '../../language-server/src/report/integration-graph.js';
import { checkJson, joinery, type JsonFinding } from '../support/cli.js';
import { HOSTILE_MODEL, HOSTILE_TITLES, loadAllExamples } from '../report/example-models.js';

let dir: string;
let models: ArrangementModel[];
let graphs: IntegrationGraph[];
let expectedFindings: JsonFinding[];

beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'joinery-report-'));
    const loaded = await loadAllExamples();
    models = loaded.models;
    graphs = models.map(model => buildIntegrationGraph(model, loaded.findings));
    expectedFindings = checkJson(['examples']).findings;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The text a reader sees: tags dropped, entities decoded. */
function visibleText(html: string): string {
    return html.replace(/<[^>]+>/g, '').replace(/&(lt|gt|quot|#39|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[name]!);
}

/** The whole map of an arrangement's part of the report (the views follow it). */
function wholeMapOf(section: string): string {
    const start = section.indexOf('data-view="whole"');
    expect(start).toBeGreaterThanOrEqual(0);
    return section.slice(start, section.indexOf('</figure>', start));
}

/** One arrangement's part of the HTML report. */
function sectionOf(html: string, name: string): string {
    const start = html.indexOf(`<section class="arrangement" id="arrangement-${name}"`);
    expect(start, name).toBeGreaterThanOrEqual(0);
    const next = html.indexOf('<section class="arrangement"', start + 1);
    return html.slice(start, next < 0 ? html.indexOf('</main>') : next);
}

describe('joinery report --format html', () => {
    let html: string;
    beforeAll(() => {
        const run = joinery(['report', 'examples', '--format', 'html']);
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        html = run.stdout;
    });

    it('is one self-contained page: no script, no remote resource, a policy that forbids them', () => {
        expect(html).toMatch(/^<!doctype html>/);
        expect(html).not.toMatch(/<script|<link|<iframe|@import|url\(\s*['"]?https?:/i);
        expect(html).not.toMatch(/\s(src|href)="https?:/i);
        expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    });

    it('shows every finding of each arrangement, grouped by integration type, with its rule', () => {
        for (const model of models) {
            const name = model.arrangement.name;
            const section = sectionOf(html, name);
            const own = expectedFindings.filter(f => f.arrangement === name);
            expect((section.match(/<li class="finding /g) ?? []).length, name).toBe(own.length);
            const text = visibleText(section).replace(/`/g, '');
            for (const finding of own) {
                expect(text, `${name}: ${finding.rule}`).toContain(finding.message.replace(/`/g, ''));
                expect(section).toContain(`data-rule="${finding.rule}"`);
            }
            if (own.length === 0) expect(section).toContain('No findings.');
            else for (const type of ['structural', 'relational', 'institutional', 'maturity', 'power']) expect(section).toContain(`data-type="${type}"`);
        }
    });

    it('shows every power-map figure of each arrangement', () => {
        for (const model of models) {
            const section = sectionOf(html, model.arrangement.name);
            for (const power of model.powerMap.sectors) {
                const row = new RegExp(`<tr data-sector="${power.sector}">(.*?)</tr>`).exec(section)?.[1];
                expect(row, `${model.arrangement.name} ${power.sector}`).toBeDefined();
                const cells = [...row!.matchAll(/<td>(.*?)<\/td>/g)].map(m => visibleText(m[1]));
                expect(cells).toEqual([String(power.votingSeats), share(power.budgetShare), `${power.servicesDelivered} (${share(power.serviceShare)})`]);
            }
            for (const power of model.powerMap.actors) {
                const row = new RegExp(`<tr data-actor="${power.actor.name}">(.*?)</tr>`).exec(section)?.[1];
                expect(row, `${model.arrangement.name} ${power.actor.name}`).toBeDefined();
                const cells = [...row!.matchAll(/<td>(.*?)<\/td>/g)].map(m => visibleText(m[1]));
                expect(cells).toEqual([power.actor.sector ?? '', String(power.votingSeats), share(power.budgetShare), `${power.servicesDelivered} (${share(power.serviceShare)})`]);
            }
        }
    });

    it('draws every node and route of each arrangement, and says which stage is claimed and which reached', () => {
        for (const [index, model] of models.entries()) {
            const section = sectionOf(html, model.arrangement.name);
            const whole = wholeMapOf(section);
            for (const node of graphs[index].nodes) expect(whole).toContain(`data-node="${node.id}"`);
            expect((whole.match(/data-edge="/g) ?? []).length).toBe(graphs[index].edges.length);
            const support = model.stageSupport;
            expect(section).toMatch(new RegExp(`class="rung supported[^"]*reached" data-stage="${support.supportedStage}"`));
            // Each claimed stage is its own rung (several may be claimed among 6a, 6b and 6c).
            for (const claim of support.claims) expect(section).toMatch(new RegExp(`class="rung [a-z]+ claimed[^"]*" data-stage="${claim}"`));
        }
    });

    it('writes the report to --output', () => {
        const file = path.join(dir, 'report.html');
        const run = joinery(['report', 'examples/lanarkshire', '--output', file]);
        expect(run.status).toBe(0);
        expect(run.stdout).toBe('');
        expect(readFileSync(file, 'utf-8')).toContain('North Lanarkshire Health and Social Care Partnership');
    });
});

describe('joinery report --format md', () => {
    it('has each arrangement\'s findings, stage ladder, power map and map', () => {
        const run = joinery(['report', 'examples', '--format', 'md']);
        expect(run.status).toBe(0);
        const parts = run.stdout.split(/^## /m).slice(1);
        for (const model of models) {
            const part = parts.find(p => p.startsWith(`${model.title}\n`))!;
            expect(part, model.arrangement.name).toBeDefined();
            const own = expectedFindings.filter(f => f.arrangement === model.arrangement.name);
            expect((part.match(/^- \*\*(error|warning|info)\*\* /gm) ?? []).length).toBe(own.length);
            for (const rule of new Set(own.map(f => f.rule))) expect(part).toContain(`[${rule}](`);
            for (const power of model.powerMap.sectors) {
                expect(part).toContain(`| ${power.sector} | ${power.votingSeats} | ${share(power.budgetShare)} | ${power.servicesDelivered} (${share(power.serviceShare)}) |`);
            }
            for (const power of model.powerMap.actors) {
                expect(part).toContain(`| ${power.actor.sector ?? ''} | ${power.votingSeats} | ${share(power.budgetShare)} | ${power.servicesDelivered} (${share(power.serviceShare)}) |`);
            }
            expect(part).toContain(`(reached) | `);
            expect(part).toContain('```mermaid\nflowchart TB');
        }
    });

    it('reads a model from standard input', () => {
        const run = joinery(['report', '-', '--format', 'md'], { input: 'actor H "Health board" { sector statutory }\narrangement A "A partnership" { partners H forum B { kind board voting H } }\n' });
        expect(run.status).toBe(0);
        expect(run.stdout).toContain('## A partnership');
        expect(run.stdout).toContain('Arrangement `A` in &lt;stdin&gt;.');
    });
});

describe('joinery graph', () => {
    it('writes DOT with every node and route, clustered by arrangement and domain level', () => {
        const run = joinery(['graph', 'examples', '--format', 'dot']);
        expect(run.status).toBe(0);
        for (const graph of graphs) {
            for (const layer of graph.layers) {
                if (graph.nodes.some(n => n.layer === layer.level)) expect(run.stdout).toContain(`subgraph "cluster_${graph.arrangement}_${layer.level}"`);
            }
            for (const node of graph.nodes) expect(run.stdout).toContain(`"${graph.arrangement}/${node.id}" [`);
            for (const edge of graph.edges) expect(run.stdout).toContain(`"${graph.arrangement}/${edge.from}" -> "${graph.arrangement}/${edge.to}" [`);
            const routes = run.stdout.split('\n').filter(line => line.includes(` -> `) && line.includes(`"${graph.arrangement}/`));
            expect(routes.length).toBe(graph.edges.length);
        }
        expect(run.stdout).toMatch(/style=dashed/); // the unlinked systems
    });

    it('writes Mermaid with a node per element and a line per route', () => {
        const run = joinery(['graph', 'examples', '--format', 'mermaid']);
        expect(run.status).toBe(0);
        expect(run.stdout.startsWith('flowchart TB\n')).toBe(true);
        const nodes = run.stdout.split('\n').filter(line => /^\s+n\d+\["/.test(line));
        const routes = run.stdout.split('\n').filter(line => /^\s+n\d+ [-=.]+/.test(line));
        expect(nodes.length).toBe(graphs.reduce((sum, g) => sum + g.nodes.length, 0));
        expect(routes.length).toBe(graphs.reduce((sum, g) => sum + g.edges.length, 0));
    });

    it('writes SVG with every node and route', () => {
        const run = joinery(['graph', 'examples/lanarkshire', '--format', 'svg', '--arrangement', 'SouthLanarkshire']);
        expect(run.status).toBe(0);
        expect(run.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
        const south = graphs.find(g => g.arrangement === 'SouthLanarkshire')!;
        for (const node of south.nodes) expect(run.stdout).toContain(`data-node="${node.id}"`);
        expect((run.stdout.match(/data-edge="/g) ?? []).length).toBe(south.edges.length);
    });
});

describe('bad options', () => {
    const cases: Array<[string, string[], RegExp]> = [
        ['an unknown report format', ['report', 'examples', '--format', 'docx'], /unknown format 'docx' for report: use html, md, pdf/],
        ['an unknown graph format', ['graph', 'examples', '--format', 'html'], /unknown format 'html' for graph: use dot, mermaid, svg/],
        ['an unknown option', ['graph', 'examples', '--colour'], /Unknown option '--colour'/],
        ['a missing path', ['report', 'no/such/folder'], /cannot read 'no\/such\/folder': no such file or directory/],
        ['an unknown arrangement', ['graph', 'examples/lanarkshire', '--arrangement', 'Fife'], /no arrangement named 'Fife' \(there are: NorthLanarkshire, SouthLanarkshire\)/],
        ['a bad rule setting', ['report', 'examples', '--rule', 'nonsense'], /--rule takes ID=LEVEL/]
    ];
    for (const [what, args, message] of cases) {
        it(`exits 2 with one line for ${what}`, () => {
            const run = joinery(args);
            expect(run.status).toBe(2);
            expect(run.stdout).toBe('');
            expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
            expect(run.stderr).toMatch(message);
        });
    }

    it('exits 2 when there is no arrangement to draw', () => {
        const empty = path.join(dir, 'actors-only');
        mkdirSync(empty);
        writeFileSync(path.join(empty, 'a.joinery'), 'actor H "Health board" { sector statutory }\n');
        const run = joinery(['graph', empty]);
        expect(run.status).toBe(2);
        expect(run.stderr).toBe('joinery: no arrangement to draw in these files\n');
    });
});

describe('titles with markup in them', () => {
    let folder: string;
    beforeAll(() => {
        folder = path.join(dir, 'hostile');
        mkdirSync(folder);
        writeFileSync(path.join(folder, 'evil.joinery'), HOSTILE_MODEL);
    });

    it('are text in the HTML report', () => {
        const run = joinery(['report', folder, '--format', 'html']);
        expect(run.status).toBe(0);
        expect(run.stdout).not.toMatch(/<script|<img|<b>|<em>|<a href='x'|<br\/>|<!-- -->/i);
        const text = visibleText(run.stdout);
        for (const title of HOSTILE_TITLES) expect(text).toContain(title);
    });

    it('are text in the Markdown report', () => {
        const run = joinery(['report', folder, '--format', 'md']);
        expect(run.status).toBe(0);
        const outsideMermaid = run.stdout.replace(/```mermaid[\s\S]*?```/g, '');
        expect(outsideMermaid).not.toMatch(/<script|<img|<b>|<em>|<a href|<!--/i);
        expect(outsideMermaid).toContain('## The "&lt;b&gt;Joint&lt;/b&gt;" &amp; &lt;Partnership&gt;');
        expect(outsideMermaid).toContain('Team \\`code\\` \\| pipe \\*star\\* \\[link\\](http://example.org)');
    });

    it('stay inside quoted labels in DOT and Mermaid', () => {
        const dot = joinery(['graph', folder, '--format', 'dot']);
        expect(dot.status).toBe(0);
        const outsideStrings = dot.stdout.replace(/"(?:[^"\\]|\\.)*"/g, '""');
        expect(outsideStrings).not.toMatch(/<|script|&/);
        expect(dot.stdout).toContain('label="The \\"<b>Joint</b>\\" & <Partnership>"');

        const mermaid = joinery(['graph', folder, '--format', 'mermaid']);
        expect(mermaid.status).toBe(0);
        const labels = [...mermaid.stdout.matchAll(/\["(.*?)"\]/g)].map(m => m[1]);
        expect(labels.length).toBeGreaterThan(0);
        for (const label of labels) expect(label.replace(/<br\/>/g, '')).not.toMatch(/[<>"&`|[\]]/);
        expect(mermaid.stdout).toContain('#60;script#62;alert(\'x\')#60;/script#62;');
    });
});
