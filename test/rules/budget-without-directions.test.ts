import { describe, expect, it } from 'vitest';
import { elements, findingsOf } from './rule-findings.js';

const RULE = 'budget-without-directions';

function model(budget: string, extra = ''): string {
    return `
actor NHS "Health board" { sector statutory }
actor Council "Council" { sector statutory }
actor Trust "Community trust" { sector statutory }
actor Care "Care provider" { sector independent }
arrangement North "North partnership" {
  partners NHS, Council
  forum IJB "Integration joint board" { kind board voting NHS 4, Council 4 controls Pool }
  ${budget}
  team Rehab "Rehabilitation team" { staff NHS, Council }
  service HomeCare "Care at home" { delivered by Council, Care }
  service Nursing "Community nursing" { delivered by Trust }
  service Visits "Home visits" { delivered by Rehab }
  ${extra}
}`;
}

describe('budget-without-directions', () => {
    it('reports a pooled budget a board hands back to its contributors, naming them and what it funds', async () => {
        const found = await findingsOf(RULE, model('budget Pool "Integrated budget" { kind pooled from NHS 40m, Council 20m held by IJB funds HomeCare, Nursing }'));
        expect(elements(found)).toEqual(['Pool']);
        expect(found[0].severity).toBe('info');
        expect(found[0].message).toContain('Integration joint board holds Integrated budget (kind pooled) and hands it back to Council, which contributes to it, for Care at home');
        expect(found[0].message).toContain('no agreement with them covers it');
        expect(found[0].related?.map(r => r.message)).toEqual(['holds Integrated budget', 'funded by Integrated budget']);
    });

    it('counts a team the contributors staff, a service their team delivers and a contributor funded directly', async () => {
        for (const funds of ['Rehab', 'Visits', 'NHS']) {
            const found = await findingsOf(RULE, model(`budget Pool { kind delegated from NHS 40m held by IJB funds ${funds} }`));
            expect(elements(found), funds).toEqual(['Pool']);
        }
    });

    it('is silent when an agreement with a contributor among its parties covers what the money funds for them', async () => {
        const budget = 'budget Pool { kind pooled from NHS 40m, Council 20m held by IJB funds HomeCare, Rehab }';
        expect(await findingsOf(RULE, model(budget, 'agreement S75 "Section 75 agreement" { between NHS, Council covers Rehab }'))).toEqual([]);
        // An agreement that is not between the partners (a supplier's contract), or covers nothing the money funds for them, says nothing of it.
        expect(elements(await findingsOf(RULE, model(budget, 'agreement Other { between Trust, Care covers HomeCare }')))).toEqual(['Pool']);
        expect(elements(await findingsOf(RULE, model(budget, 'agreement Contract { between Council, Care covers HomeCare, Rehab }')))).toEqual(['Pool']);
        expect(elements(await findingsOf(RULE, model(budget, 'agreement Other { between NHS, Council covers Nursing }')))).toEqual(['Pool']);
    });

    it('is silent when the money goes to others than its contributors', async () => {
        // An ICB-style delegation: the board funds a trust and a provider, not the partner that put the money in.
        expect(await findingsOf(RULE, model('budget Pool { kind delegated from NHS 40m held by IJB funds Nursing }'))).toEqual([]);
        expect(await findingsOf(RULE, model('budget Pool { kind pooled from NHS 40m held by IJB }'))).toEqual([]);
    });

    it('is silent when a partner hosts the budget, a forum that is not a board holds it, the partners merged or a lead agency delivers, or it is not pooled or delegated', async () => {
        expect(await findingsOf(RULE, model('budget Pool { kind pooled from NHS 40m, Council 20m held by Council funds HomeCare }'))).toEqual([]);
        expect(await findingsOf(RULE, model('budget Pool { kind pooled from NHS 40m held by Plan funds HomeCare }',
            'forum Plan { kind planning voting NHS reports to IJB }'))).toEqual([]);
        for (const flag of ['merged', 'lead Council']) {
            expect(await findingsOf(RULE, model(`${flag}\n  budget Pool { kind pooled from NHS 40m, Council 20m held by IJB funds Rehab }`)), flag).toEqual([]);
        }
        for (const kind of ['aligned', 'separate', 'grant']) {
            expect(await findingsOf(RULE, model(`budget Pool { kind ${kind} from NHS 40m held by IJB funds HomeCare }`)), kind).toEqual([]);
        }
    });

    it('is silent when the board directs the partners with the budget, and expects directions once it gives any', async () => {
        const pool = 'budget Pool "Integrated budget" { kind pooled from NHS 40m, Council 20m held by IJB funds HomeCare, Rehab }';
        const direction = 'direction Social "Adult social care" { from IJB to Council for HomeCare budget Pool 20m }';
        expect(await findingsOf(RULE, model(pool, direction))).toEqual([]);
        // A direction for another budget says the board directs: an agreement no longer stands in for directions here.
        const other = 'budget Other { kind delegated from NHS 5m held by IJB }\n  direction Health { from IJB to NHS for Nursing budget Other }';
        const found = await findingsOf(RULE, model(pool, `${other}\n  agreement S75 { between NHS, Council covers Rehab }`));
        expect(elements(found)).toEqual(['Pool']);
        expect(found[0].message).toContain('although it directs the partners for its other budgets');
    });

    it('is silent when a partnership agreement covers the budget itself (a section 75 agreement)', async () => {
        const pool = 'budget Pool { kind pooled from NHS 40m, Council 20m held by IJB funds HomeCare, Rehab }';
        expect(await findingsOf(RULE, model(pool, 'agreement S75 { between NHS, Council covers Pool }'))).toEqual([]);
        expect(elements(await findingsOf(RULE, model(pool, 'agreement Contract { between Council, Care covers Pool }')))).toEqual(['Pool']);
    });
});
