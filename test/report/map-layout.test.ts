import { describe, expect, it } from 'vitest';
import { buildIntegrationGraph } from '../../language-server/src/report/integration-graph.js';
import { layOutMap } from '../../language-server/src/report/map-layout.js';
import { drawMap, type SceneItem } from '../../language-server/src/report/map-scene.js';
import { sceneToSvg } from '../../language-server/src/report/svg.js';
import { checkWorkspace } from '../support/workspace.js';
import { HOSTILE_MODEL, HOSTILE_TITLES, loadExample } from './example-models.js';

describe('the laid-out integration map', () => {
    it('places every node of the Lanarkshire maps without overlap, macro above meso above micro', async () => {
        const { models, findings } = await loadExample('lanarkshire');
        for (const model of models) {
            const graph = buildIntegrationGraph(model, findings);
            const layout = await layOutMap(graph);
            expect(layout.boxes.map(box => box.node.id).sort()).toEqual(graph.nodes.map(node => node.id).sort());
            for (const box of layout.boxes) {
                expect(box.x).toBeGreaterThanOrEqual(0);
                expect(box.x + box.width).toBeLessThanOrEqual(layout.width + 0.5);
                expect(box.y + box.height).toBeLessThanOrEqual(layout.height + 0.5);
            }
            for (const [i, a] of layout.boxes.entries()) {
                for (const b of layout.boxes.slice(i + 1)) {
                    const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
                    expect(apart, `${a.node.id} overlaps ${b.node.id}`).toBe(true);
                }
            }
            const present = (['macro', 'meso', 'micro'] as const).filter(level => graph.nodes.some(node => node.layer === level));
            expect(present.length).toBeGreaterThanOrEqual(2);
            const lowest = (level: string) => Math.max(...layout.boxes.filter(b => b.node.layer === level).map(b => b.y + b.height));
            const highest = (level: string) => Math.min(...layout.boxes.filter(b => b.node.layer === level).map(b => b.y));
            for (let i = 1; i < present.length; i++) expect(lowest(present[i - 1])).toBeLessThan(highest(present[i]));
            expect(layout.bands.map(band => band.level)).toEqual(present);
            expect(layout.lines.map(line => line.edge.id).sort()).toEqual(graph.edges.map(edge => edge.id).sort());
            for (const line of layout.lines) expect(line.points.length).toBeGreaterThanOrEqual(2);
        }
    });

    it('draws a group per node and per route, with the gaps marked', async () => {
        const { models, findings } = await loadExample('lanarkshire');
        const north = models.find(m => m.arrangement.name === 'NorthLanarkshire')!;
        const graph = buildIntegrationGraph(north, findings);
        const scene = drawMap(await layOutMap(graph), 'test');
        const groups = scene.items.filter((item): item is Extract<SceneItem, { type: 'group' }> => item.type === 'group');
        expect(groups.filter(g => g.nodeId).map(g => g.nodeId).sort()).toEqual(graph.nodes.map(n => n.id).sort());
        expect(groups.filter(g => g.edgeId).map(g => g.edgeId).sort()).toEqual(graph.edges.map(e => e.id).sort());
        const noVoice = groups.filter(g => g.class.split(' ').includes('no-voice')).map(g => g.nodeId).sort();
        expect(noVoice).toEqual(graph.nodes.filter(n => n.withoutVoice).map(n => n.id).sort());
        expect(noVoice.length).toBeGreaterThan(0);
        // Unlinked systems: dashed red lines and cards.
        const unlinked = groups.filter(g => g.edgeId && g.class.includes('gap'));
        expect(unlinked.length).toBe(graph.edges.filter(e => e.unlinked).length);
        for (const group of unlinked) {
            const path = group.items.find(item => item.type === 'path') as Extract<SceneItem, { type: 'path' }>;
            expect(path.paint['stroke-dasharray']).toBeDefined();
        }
    });

    it('writes model text into SVG as text, never as markup', async () => {
        const { services, findings, arrangement } = await checkWorkspace(HOSTILE_MODEL);
        const graph = buildIntegrationGraph(services.analysis.IntegrationAnalysis.arrangementModel(arrangement('Evil')), findings);
        const svg = sceneToSvg(drawMap(await layOutMap(graph), 'evil'));
        expect(svg).not.toMatch(/<script|<img|<b>|<em>|<a |<br|<!--/i);
        expect(svg).toContain('&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Health&quot;');
        expect(graph.nodes.map(node => node.title)).toEqual(expect.arrayContaining(HOSTILE_TITLES.filter(t => !t.startsWith('The '))));
    });
});
