import { describe, expect, it } from 'vitest';
import { elements, findingsOf } from './rule-findings.js';

const RULE = 'power-asymmetry';

function model(board: string, budget = 'budget Pool { kind pooled from NHS 30m held by IJB }'): string {
    return `
actor NHS "Health board" { sector statutory }
actor Care "Care provider" { sector independent }
actor Lunch "Lunch club" { sector community }
arrangement North "North partnership" {
  partners NHS
  forum IJB "Joint board" { kind board voting ${board} controls Pool }
  ${budget}
  service Nursing { delivered by NHS }
  service Home { delivered by Care }
  service Meals { delivered by Lunch, Care }
}`;
}

describe('power-asymmetry', () => {
    it('reports once per sector that delivers but has no seat and no budget, quoting the power map', async () => {
        const found = await findingsOf(RULE, model('NHS'));
        expect(elements(found)).toEqual(['North', 'North']);
        const independent = found.find(f => f.message.includes('independent sector'))!;
        expect(independent.message).toContain('North partnership');
        expect(independent.message).toContain('0 voting seats');
        expect(independent.message).toContain('budget share 0%');
        expect(independent.message).toContain('2 of 3 services delivered (67%)');
        expect(found.some(f => f.message.includes('community sector'))).toBe(true);
    });

    it('names the actors of the sector that deliver, and points at each', async () => {
        const found = await findingsOf(RULE, model('NHS'));
        const independent = found.find(f => f.message.includes('independent sector'))!;
        expect(independent.message).toContain('Its deliverers: Care provider.');
        expect(independent.related?.map(r => r.message)).toEqual(['Care provider delivers 2 of 3 services with no voting seat and no budget']);
        const community = found.find(f => f.message.includes('community sector'))!;
        expect(community.message).toContain('Its deliverers: Lunch club.');
    });

    it('is silent for a sector with a voting seat on a board', async () => {
        const found = await findingsOf(RULE, model('NHS, Care'));
        expect(found.map(f => f.message.includes('community sector'))).toEqual([true]);
    });

    it('is silent for a sector that controls part of the budget', async () => {
        const found = await findingsOf(RULE, model('NHS', 'budget Pool { kind pooled from NHS 30m held by IJB }\n  budget Own { kind grant from NHS 1m held by Lunch }'));
        expect(found.map(f => f.message.includes('independent sector'))).toEqual([true]);
    });
});
