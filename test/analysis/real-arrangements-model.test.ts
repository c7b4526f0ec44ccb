import { describe, expect, it } from 'vitest';
import { decisionRights, lawForbidsVote, sayOverDecisions } from '../../language-server/src/analysis/decision-rights.js';
import { isOrganisation, sectorOf } from '../../language-server/src/analysis/membership.js';
import { retainedAmount, termOf } from '../../language-server/src/analysis/money.js';
import type { Forum } from '../../language-server/src/generated/ast.js';
import { checkWorkspace } from '../support/workspace.js';

/** The derived facts the language of issue 14 adds, read from one small workspace. */
const MODEL = `
actor NHS "Health board" { sector statutory }
actor Council "Council" { sector statutory }
actor Officer "Chief officer" { sector statutory kind role }
actor TSI "Third sector interface" { sector third }
actor Practices "GP practices" { sector independent kind network }
actor Firm "Care provider" { sector independent }
actor Ministers { sector government }
arrangement N "North" {
  partners NHS, Council
  forum IJB "Joint board" { kind board body voting NHS 3, Council 1 advisory by law Officer, TSI chair Officer decides by consensus }
  forum Mixed { kind board body voting NHS, TSI }
  forum Audit { kind committee voting Council scrutinises IJB }
  forum Plan { kind planning voting TSI }
  forum Exec { kind board voting NHS has regard to Strategy chair Officer }
  goal Strategy { owner Plan }
  budget National { kind delegated from Ministers 100m held by Ministers funds Pool }
  budget Pool { kind pooled from National 40m, IJB 1m held by IJB term fixed until 2027-03-31 }
  budget Local { kind delegated from Pool 10m held by IJB }
  direction D { from IJB to NHS for Home budget Pool 5m review 2027-03-31 }
  system S { owner IJB users NHS }
  system T { owner Council }
  link S -> T
  team Team { staff NHS, IJB, Practices uses S }
  service Home { delivered by Team, Firm contracted }
}`;

async function model() {
    const { services, arrangement } = await checkWorkspace(MODEL);
    return services.analysis.IntegrationAnalysis.arrangementModel(arrangement('N'));
}

describe('the derived model of real arrangements', () => {
    it('treats a body as an organisation with a sector: its own, or the one its voting members share', async () => {
        const n = await model();
        const [ijb, mixed] = n.forums;
        expect([isOrganisation(ijb), sectorOf(ijb), sectorOf(mixed)]).toEqual([true, 'statutory', undefined]);
        expect(isOrganisation(n.forums.find(f => f.name === 'Audit')!)).toBe(false);
    });

    it('reads decision rights: seats, members without a vote by law, the chair, and consensus', async () => {
        const ijb = (await model()).forums[0];
        const rights = decisionRights(ijb);
        expect(rights.seats.map(s => [s.member.name, s.seats])).toEqual([['NHS', 3], ['Council', 1]]);
        expect(rights.advisoryByLaw.map(m => m.name)).toEqual(['Officer', 'TSI']);
        expect([rights.chair?.name, rights.decidesBy]).toEqual(['Officer', 'consensus']);
        expect(lawForbidsVote(ijb, rights.advisoryByLaw[1])).toBe(true);
        // By consensus each voter can block: an equal say, whatever the seats.
        expect(sayOverDecisions(ijb).map(s => s.share)).toEqual([0.5, 0.5]);
    });

    it('routes scrutiny to what is scrutinised, a strategy to who must have regard to it, and a chair without a seat to the forum', async () => {
        const n = await model();
        const byName = (name: string) => n.forums.find(f => f.name === name)!;
        const via = (from: string, to: Forum) => n.workspace.routes.edgesFrom(from === 'Officer' ? n.involvedActors.find(a => a.name === 'Officer')! : byName(from))
            .filter(e => e.to === to).map(e => e.via);
        expect(via('Audit', byName('IJB'))).toEqual(['scrutiny']);
        expect(via('Plan', byName('Exec'))).toEqual(['regard']);
        expect(via('Officer', byName('IJB'))).toEqual(['advisory']);
        expect(via('Officer', byName('Exec'))).toEqual(['chair']);
        expect(n.routesToBoard.has(byName('Plan'))).toBe(true);
        expect(n.workspace.regardedBy(byName('Plan')).map(f => (f as Forum).name)).toEqual(['Exec']);
    });

    it('follows allocation chains, counts money once where it is decided, and reads terms and directions', async () => {
        const n = await model();
        const [national, pool, local] = n.budgets;
        expect(n.workspace.money.allocationsTo(pool).map(a => [a.from.name, a.amount])).toEqual([['National', 40e6]]);
        expect(n.workspace.money.allocationsFrom(pool).map(a => a.to.name)).toEqual(['Local']);
        const own = new Set(n.budgets);
        expect([national, pool, local].map(b => retainedAmount(b, n.workspace.money, own))).toEqual([60e6, 31e6, 10e6]);
        expect(termOf(pool)).toEqual({ kind: 'fixed', ends: '2027-03-31' });
        expect(n.budgetsFunding(n.services[0]).map(b => b.name)).toEqual(['Pool']);
        expect(n.budgetsFunding(pool).map(b => b.name)).toEqual(['National']);
        expect(n.workspace.boardsControlling(pool).map(b => b.name)).toEqual(['IJB']);
    });

    it('knows who uses a system, and who delivers as a contractor', async () => {
        const n = await model();
        const [s, t] = n.systems;
        expect(n.workspace.systemUse.usersOf(s).map(u => u.name)).toEqual(['IJB', 'NHS', 'Council']);
        // Without `users`, the users of a system are inferred as in v1 (here: its owner and the linked system's).
        expect(n.workspace.systemUse.usersOf(t).map(u => u.name)).toEqual(['Council', 'IJB']);
        const firm = n.involvedActors.find(a => a.name === 'Firm')!;
        expect(n.partOf(firm).isContractor).toBe(true);
        expect(n.powerMap.get('independent')).toMatchObject({ servicesDelivered: 1, servicesAsPartner: 1 });
    });
});
