import { describe, expect, it } from 'vitest';
import { elements, findingsOf } from './rule-findings.js';

const RULE = 'unlinked-systems';

function model(body: string): string {
    return `
actor NHS "Health board" { sector statutory }
actor Council "Council" { sector statutory }
arrangement North "North partnership" {
  partners NHS, Council
  system Trak "Patient record" { owner NHS }
  system Rota "Nursing rota" { owner NHS }
  system Swift "Social work record" { owner Council }
  ${body}
}`;
}

describe('unlinked-systems', () => {
    it('reports two unlinked systems of one team on the later-declared one, pointing at the earlier', async () => {
        const found = await findingsOf(RULE, model('team Nurses "District nurses" { staff NHS uses Rota, Trak }'));
        expect(elements(found)).toEqual(['Rota']);
        expect(found[0].message).toContain('Nursing rota and Patient record');
        expect(found[0].message).toContain('team District nurses');
        expect(found[0].related?.[0].message).toContain('Patient record');
    });

    it('is silent when a chain of links connects them', async () => {
        expect(await findingsOf(RULE, model('team Nurses { staff NHS uses Rota, Trak }\n  link Trak -> Swift\n  link Rota <-> Swift'))).toEqual([]);
    });

    it('pairs the systems of the teams that deliver one service, once per pair', async () => {
        const found = await findingsOf(RULE, model(`
  team Nurses { staff NHS uses Trak, Rota }
  team Social { staff Council uses Swift }
  service Care "Home care" { delivered by Nurses, Social }`));
        expect(elements(found)).toEqual(['Rota', 'Swift', 'Swift']);
        expect(found.find(f => f.element === 'Rota')?.message).toContain('team Nurses and service Home care');
    });

    it('leaves the pairs of a team without a shared system to that rule', async () => {
        const body = 'team Rehab { staff NHS, Council uses Trak, Swift }';
        expect(await findingsOf(RULE, model(body))).toEqual([]);
        expect(elements(await findingsOf('team-without-shared-system', model(body)))).toEqual(['Rehab']);
    });

    it('also leaves them when the team delivers a service of another arrangement', async () => {
        const files = {
            'a.joinery': model('team Rehab { staff NHS, Council uses Trak, Swift }'),
            'b.joinery': 'arrangement South { partners NHS service Care { delivered by North.Rehab } }'
        };
        expect(await findingsOf(RULE, files)).toEqual([]);
    });

    it('does not pair the systems of a service\'s teams in different areas; a team with no area works with all (issue 14)', async () => {
        const fronts = `
  team NorthDesk { staff NHS uses Trak area "North" }
  team SouthDesk { staff Council uses Swift area " south" }`;
        expect(await findingsOf(RULE, model(`${fronts}
  service Contact { delivered by NorthDesk, SouthDesk }`))).toEqual([]);
        expect(elements(await findingsOf(RULE, model(`${fronts}
  team Central { staff NHS uses Rota }
  service Contact { delivered by NorthDesk, SouthDesk, Central }`)))).toEqual(['Rota', 'Swift']);
        expect(elements(await findingsOf(RULE, model(`
  team NorthDesk { staff NHS uses Trak area "North" }
  team NorthNurses { staff NHS uses Rota area "north" }
  service Contact { delivered by NorthDesk, NorthNurses }`)))).toEqual(['Rota']);
    });
});
