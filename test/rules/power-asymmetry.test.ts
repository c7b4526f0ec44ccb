import { describe, expect, it } from 'vitest';
import { checkWorkspace } from '../support/workspace.js';
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

    it('does not count delivery under contract or for fees: a contractor is not a partner (issue 14)', async () => {
        const contracted = model('NHS').replace('service Home { delivered by Care }', 'service Home { delivered by Care contracted }')
            .replace('service Meals { delivered by Lunch, Care }', 'service Meals { delivered by Lunch, Care fee-funded }');
        const found = await findingsOf(RULE, contracted);
        expect(found.map(f => f.message.split(' ')[1])).toEqual(['community']);
        expect(found[0].scope).toBe('community');
    });

    it('does not advise a vote on a board where the sector sits without one by law (issue 14)', async () => {
        const found = await findingsOf(RULE, model('NHS advisory by law Lunch'));
        const community = found.find(f => f.scope === 'community')!;
        expect(community.message).toContain('By law it sits on Joint board without a vote, so a vote there is not the remedy');
        expect(community.message).not.toContain('Give it a voting seat');
        expect(found.find(f => f.scope === 'independent')!.message).toContain('Give it a voting seat on a board, or a share of the budget.');
    });

    it('splits a budget held by a board that decides by consensus equally among its voters (issue 14)', async () => {
        const { services, arrangement } = await checkWorkspace(model('NHS 3, Care decides by consensus'));
        const power = services.analysis.IntegrationAnalysis.arrangementModel(arrangement('North')).powerMap;
        expect(power.get('independent').budgetShare).toBeCloseTo(0.5);
        const byVote = await checkWorkspace(model('NHS 3, Care'));
        expect(byVote.services.analysis.IntegrationAnalysis.arrangementModel(byVote.arrangement('North')).powerMap.get('independent').budgetShare).toBeCloseTo(0.25);
    });
});
