import { describe, expect, it } from 'vitest';
import { LINE_PAINT, TEXT_PAINT } from '../../language-server/src/report/map-paint.js';
import { drawMapViews } from '../../language-server/src/report/map-print.js';
import { buildMapViews } from '../../language-server/src/report/map-views.js';
import { buildIntegrationGraph } from '../../language-server/src/report/integration-graph.js';
import type { SceneItem } from '../../language-server/src/report/map-scene.js';
import { loadAllExamples } from './example-models.js';

describe('the map\'s look', () => {
    it('tells every kind of line from the others by its dash pattern or width, not by colour alone', () => {
        const looks = Object.values(LINE_PAINT).map(paint => `${paint.dash ?? 'solid'} @ ${paint.width}`);
        expect(new Set(looks).size).toBe(looks.length);
    });

    it('keeps every legend row inside the map, however narrow, wrapping rather than cutting', async () => {
        const { models, findings } = await loadAllExamples();
        const model = models.find(m => m.arrangement.name === 'SharedBackOffice')!;
        const maps = await drawMapViews(buildMapViews(model, buildIntegrationGraph(model, findings)), 'legend');
        const texts = (items: SceneItem[]): Array<Extract<SceneItem, { type: 'text' }>> => items.flatMap(item => item.type === 'group' ? texts(item.items) : item.type === 'text' ? [item] : []);
        let entries = 0;
        for (const { scene } of maps) {
            const legend = texts(scene.items).filter(item => item.paint === TEXT_PAINT.legend);
            expect(legend.length).toBeGreaterThan(0);
            entries += legend.length;
            // 6.6 units a character is wider than the legend's 11-unit text needs in any sans-serif font.
            for (const item of legend) expect(item.x + item.text.length * 6.6, item.text).toBeLessThanOrEqual(scene.width);
        }
        expect(entries).toBeGreaterThan(20);
    });
});
