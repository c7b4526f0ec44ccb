import { describe, expect, it } from 'vitest';
import { elements, findingsOf } from './rule-findings.js';

const RULE = 'unfunded-provider';

function model(funds: string, services = 'service Meals "Lunch service" { delivered by Lunch }'): string {
    return `
actor Council "Council" { sector statutory }
actor Lunch "Lunch club" { sector community }
actor Care "Care provider" { sector independent }
arrangement North "North partnership" {
  partners Council
  forum IJB "Joint board" { kind board voting Council advisory Lunch, Care }
  budget Grants "Community grants" { kind grant from Council 50k held by Council ${funds} }
  team Homes "Home team" { staff Council, Care }
  ${services}
}`;
}

describe('unfunded-provider', () => {
    it('reports a non-statutory deliverer that no budget of the arrangement funds', async () => {
        const found = await findingsOf(RULE, model(''));
        expect(elements(found)).toEqual(['Lunch']);
        expect(found[0].arrangement).toBe('North');
        expect(found[0].message).toContain('Lunch club');
        expect(found[0].message).toContain('Lunch service');
        expect(found[0].message).toContain('North partnership');
        expect(found[0].related?.[0].message).toContain('delivered by Lunch club');
    });

    it('is silent when a budget funds the actor, or a service it delivers', async () => {
        expect(await findingsOf(RULE, model('funds Lunch'))).toEqual([]);
        expect(await findingsOf(RULE, model('funds Meals'))).toEqual([]);
    });

    it('looks only at actors named in `delivered by`, not at the staff of a delivering team', async () => {
        expect(await findingsOf(RULE, model('', 'service Visits { delivered by Homes }'))).toEqual([]);
    });

    it('does not check statutory deliverers', async () => {
        expect(await findingsOf(RULE, model('', 'service Social { delivered by Council }'))).toEqual([]);
    });

    it('does not count a budget of another arrangement', async () => {
        const found = await findingsOf(RULE, {
            'north.joinery': model(''),
            'south.joinery': 'arrangement South { partners Council budget B { kind grant held by Council funds Lunch } }'
        });
        expect(found.map(f => `${f.arrangement} ${f.element}`)).toEqual(['North Lunch']);
    });

    it('does not count delivery under contract or for fees, which is paid for (issue 14)', async () => {
        expect(await findingsOf(RULE, model('', 'service Meals { delivered by Lunch contracted }'))).toEqual([]);
        expect(await findingsOf(RULE, model('', 'service Meals { delivered by Lunch fee-funded }'))).toEqual([]);
    });

    it('counts a direction\'s budget as funding its services and the party it directs (issue 14)', async () => {
        const directed = 'forum Board { kind board voting Council }\n  direction D { from Board to Council for Meals budget Grants 10k }';
        expect(await findingsOf(RULE, model('', `service Meals { delivered by Lunch }\n  ${directed}`))).toEqual([]);
    });
});
