import { describe, expect, it } from 'vitest';
import { elements, findingsOf } from './rule-findings.js';

const RULE = 'separate-budgets-in-team';

function model(budgets: string, staff = 'NHS, Council'): string {
    return `
actor NHS "Health board" { sector statutory }
actor Council "Council" { sector statutory }
arrangement North "North partnership" {
  partners NHS, Council
  ${budgets}
  team Rehab "Rehabilitation team" { staff ${staff} }
}`;
}

describe('separate-budgets-in-team', () => {
    it('reports a multi-organisation team funded only by separate budgets', async () => {
        const found = await findingsOf(RULE, model(`
  budget Health "Health budget" { kind separate held by NHS funds Rehab }
  budget Social "Social care budget" { kind separate held by Council funds Rehab }`));
        expect(elements(found)).toEqual(['Rehab']);
        expect(found[0].message).toContain('funded only by separate budgets (Health budget and Social care budget)');
    });

    it('reports a team funded by no budget while a staff organisation holds a separate one', async () => {
        const found = await findingsOf(RULE, model('budget Health "Health budget" { kind separate held by NHS }'));
        expect(elements(found)).toEqual(['Rehab']);
        expect(found[0].message).toContain('no budget funds it, while Health board holds a separate budget (Health budget)');
    });

    it('is silent when any budget of another kind funds the team', async () => {
        expect(await findingsOf(RULE, model(`
  budget Health { kind separate held by NHS funds Rehab }
  budget Pool { kind pooled held by NHS funds Rehab }`))).toEqual([]);
    });

    it('is silent for an unfunded team when no staff organisation holds a separate budget', async () => {
        expect(await findingsOf(RULE, model('budget Pool { kind pooled held by NHS }'))).toEqual([]);
    });

    it('ignores teams with staff from one organisation', async () => {
        expect(await findingsOf(RULE, model('budget Health { kind separate held by NHS funds Rehab }', 'NHS'))).toEqual([]);
    });
});
