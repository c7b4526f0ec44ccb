import { describe, expect, it } from 'vitest';
import { elements, findingsOf } from './rule-findings.js';

const RULE = 'team-without-shared-system';

function model(team: string, extra = ''): string {
    return `
actor NHS "Health board" { sector statutory }
actor Council "Council" { sector statutory }
actor Net "Local third sector" { sector third kind network }
actor Carers "Carers" { sector community kind people }
actor Lead "Team lead" { sector statutory kind role }
arrangement North "North partnership" {
  partners NHS, Council
  system Trak "Patient record" { owner NHS }
  system Swift "Social work record" { owner Council }
  system Hub "Integration hub" { owner Council }
  ${team}
  ${extra}
}`;
}

describe('team-without-shared-system', () => {
    it('reports a team of two organisations that uses no system', async () => {
        const found = await findingsOf(RULE, model('team Rehab "Rehabilitation team" { staff NHS, Council }'));
        expect(elements(found)).toEqual(['Rehab']);
        expect(found[0].message).toContain('Health board and Council');
        expect(found[0].message).toContain('uses no information system');
    });

    it('reports systems that do not form one linked group, naming the groups', async () => {
        const found = await findingsOf(RULE, model('team Rehab "Rehabilitation team" { staff NHS, Council uses Trak, Swift }'));
        expect(elements(found)).toEqual(['Rehab']);
        expect(found[0].message).toContain('Patient record | Social work record');
        expect(found[0].related?.map(r => r.message)).toEqual(['used by Rehabilitation team, not linked to Patient record']);
    });

    it('is silent when a link joins the systems, in either direction', async () => {
        expect(await findingsOf(RULE, model('team Rehab { staff NHS, Council uses Trak, Swift }', 'link Swift -> Trak'))).toEqual([]);
    });

    it('accepts a chain of links through a system the team does not use', async () => {
        expect(await findingsOf(RULE, model('team Rehab { staff NHS, Council uses Trak, Swift }', 'link Trak -> Hub\n  link Swift -> Hub'))).toEqual([]);
    });

    it('ignores teams with staff from one organisation; roles and people are not organisations', async () => {
        expect(await findingsOf(RULE, model('team Nurses { staff NHS }'))).toEqual([]);
        expect(await findingsOf(RULE, model('team Mixed { staff NHS, Lead, Carers }'))).toEqual([]);
    });

    it('counts a network (the GP practices, the local third sector) as an organisation, and lists every one', async () => {
        const found = await findingsOf(RULE, model('team Mixed "Neighbourhood team" { staff NHS, Council, Net }'));
        expect(elements(found)).toEqual(['Mixed']);
        expect(found[0].message).toContain('has staff from Health board, Council and Local third sector');
    });
});
