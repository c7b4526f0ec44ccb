import { describe, expect, it } from 'vitest';
import { elements, findingsOf } from './rule-findings.js';

const RULE = 'conflicting-logics';

function model(body: string): string {
    return `
actor NHS "Health board" { sector statutory logic efficiency, professional }
actor Carers "Carers centre" { sector third logic person-centred }
actor Council "Council" { sector statutory logic person-centred }
actor Both "Mixed provider" { sector independent logic efficiency, person-centred }
arrangement North "North partnership" {
  partners NHS, Council
  ${body}
}`;
}

describe('conflicting-logics', () => {
    it('reports a team whose staff hold efficiency and person-centred logics', async () => {
        const found = await findingsOf(RULE, model('team Rehab "Rehabilitation team" { staff NHS, Council }'));
        expect(elements(found)).toEqual(['Rehab']);
        expect(found[0].message).toContain('In team Rehabilitation team, Health board works to an efficiency logic and Council to a person-centred one');
        expect(found[0].related?.map(r => r.message)).toEqual(['Health board: logic efficiency', 'Council: logic person-centred']);
    });

    it('reports a service whose deliverers hold the two logics', async () => {
        const found = await findingsOf(RULE, model('service Discharge "Discharge support" { delivered by NHS, Carers }'));
        expect(elements(found)).toEqual(['Discharge']);
        expect(found[0].message).toContain('service Discharge support');
    });

    it('reports a pair that staffs one delivering team on the team only', async () => {
        const found = await findingsOf(RULE, model(`
  team Rehab { staff NHS, Council }
  service Home { delivered by Rehab }
  service Wider { delivered by Rehab, Carers }`));
        expect(elements(found)).toEqual(['Rehab', 'Wider']);
        expect(found.find(f => f.element === 'Wider')?.message).toContain('Carers centre');
    });

    it('is silent when an agreement covers the team or service', async () => {
        expect(await findingsOf(RULE, model(`
  team Rehab { staff NHS, Council }
  service Discharge { delivered by NHS, Carers }
  agreement Ways { between NHS, Council covers Rehab, Discharge }`))).toEqual([]);
    });

    it('needs two different actors: one holding both logics is no conflict', async () => {
        expect(await findingsOf(RULE, model('service Care { delivered by Both }'))).toEqual([]);
    });
});
