import { describe, expect, it } from 'vitest';
import { elements, findingsOf } from './rule-findings.js';

const RULE = 'unmeasured-goal';

function model(indicators: string): string {
    return `
actor NHS "Health board" { sector statutory }
arrangement North "North partnership" {
  partners NHS
  goal Prevention "Early intervention and prevention" { owner NHS }
  goal Flow "Hospital flow" { owner NHS }
  ${indicators}
}`;
}

describe('unmeasured-goal', () => {
    it('reports each goal that no indicator measures', async () => {
        const found = await findingsOf(RULE, model('indicator Delays { measures Flow kind efficiency }'));
        expect(elements(found)).toEqual(['Prevention']);
        expect(found[0].message).toContain('No indicator measures Early intervention and prevention');
        expect(found[0].message).toContain('measures Prevention');
    });

    it('is silent when every goal is measured', async () => {
        expect(await findingsOf(RULE, model('indicator Delays { measures Flow, Prevention kind efficiency }'))).toEqual([]);
    });

    it('counts an indicator of another arrangement that measures the goal by its qualified name', async () => {
        expect(await findingsOf(RULE, {
            'north.joinery': model('indicator Delays { measures Flow }'),
            'south.joinery': 'arrangement South { partners NHS indicator Falls { measures North.Prevention kind outcome } }'
        })).toEqual([]);
    });
});
