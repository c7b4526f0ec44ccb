import { describe, expect, it } from 'vitest';
import { elements, findingsOf } from './rule-findings.js';

const RULE = 'efficiency-only-indicators';

function model(indicators: string): string {
    return `
actor NHS "Health board" { sector statutory }
arrangement North "North partnership" {
  partners NHS
  goal Flow "Hospital flow" { owner NHS }
  indicator Delays "Delayed discharges" { measures Flow kind efficiency }
  ${indicators}
}`;
}

describe('efficiency-only-indicators', () => {
    it('reports the arrangement when no indicator measures outcomes or experience', async () => {
        const found = await findingsOf(RULE, model('indicator Visits "Visits made" { measures Flow kind output }'));
        expect(elements(found)).toEqual(['North']);
        expect(found[0].message).toContain('Delayed discharges: efficiency and Visits made: output');
    });

    it('is silent once one indicator is of kind outcome or experience', async () => {
        expect(await findingsOf(RULE, model('indicator Home { measures Flow kind outcome }'))).toEqual([]);
        expect(await findingsOf(RULE, model('indicator Say { measures Flow kind experience }'))).toEqual([]);
    });

    it('is silent when the arrangement has no indicator', async () => {
        expect(await findingsOf(RULE, `
actor NHS { sector statutory }
arrangement North { partners NHS }`)).toEqual([]);
    });
});
