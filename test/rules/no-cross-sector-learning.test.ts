import { describe, expect, it } from 'vitest';
import { elements, findingsOf } from './rule-findings.js';

const RULE = 'no-cross-sector-learning';

function model(extra: string, services = 'service Nursing { delivered by NHS }\n  service Respite { delivered by Carers }'): string {
    return `
actor NHS "Health board" { sector statutory }
actor Carers "Carers centre" { sector third }
actor Shop "Care provider" { sector independent }
arrangement North "North partnership" {
  partners NHS
  forum IJB "Joint board" { kind board voting NHS advisory Carers, Shop }
  ${services}
  ${extra}
}`;
}

describe('no-cross-sector-learning', () => {
    it('reports the arrangement when delivering sectors share no learning forum or team', async () => {
        const found = await findingsOf(RULE, model('forum Practice { kind learning voting NHS advisory Shop }'));
        expect(elements(found)).toEqual(['North']);
        expect(found[0].message).toContain('statutory and third sectors');
        expect(found[0].message).toContain('North partnership');
    });

    it('is silent with a learning forum whose members come from two delivering sectors', async () => {
        expect(await findingsOf(RULE, model('forum Practice { kind learning voting NHS advisory Carers }'))).toEqual([]);
    });

    it('is silent with a team whose staff come from two delivering sectors', async () => {
        expect(await findingsOf(RULE, model('team Link { staff NHS, Carers }'))).toEqual([]);
    });

    it('does not count a forum of another kind', async () => {
        expect(elements(await findingsOf(RULE, model('forum Plan { kind planning voting NHS, Carers }')))).toEqual(['North']);
    });

    it('counts a delivering team as its staff', async () => {
        expect(elements(await findingsOf(RULE, model('team Mixed { staff NHS }\n  team Vol { staff Carers }',
            'service A { delivered by Mixed }\n  service B { delivered by Vol }')))).toEqual(['North']);
    });

    it('is silent when one sector delivers everything', async () => {
        expect(await findingsOf(RULE, model('', 'service Nursing { delivered by NHS }'))).toEqual([]);
    });
});
