import { describe, expect, it } from 'vitest';
import { GAP_RULES } from '../../language-server/src/rules/registry.js';
import { buildIntegrationProfile } from '../../language-server/src/report/integration-profile.js';
import { checkWorkspace } from '../support/workspace.js';

const MODEL = `
actor NHS "Health board" { sector statutory }
actor Council "Council" { sector statutory }
actor TSI "Third sector interface" { sector third represents Groups }
actor Carers "Carers centre" { sector third }
actor Groups "Local groups" { sector community kind network }
actor Providers "Care providers" { sector independent kind network }
actor Minister "Minister" { sector government }
arrangement North "North partnership" {
  partners NHS, Council
  stage 6b
  forum IJB "Joint board" { kind board voting NHS 3, Council 2 advisory TSI controls Pool }
  forum Locality "Locality group" { kind engagement voting Council advisory Groups reports to IJB }
  budget Pool "Pooled budget" { kind pooled from NHS 40m, Council 10m held by IJB funds Care }
  budget Grants "Grants" { kind grant from Council 1m held by Council funds Groups }
  team Rehab { staff NHS, Council }
  service Care { delivered by Providers }
  channel Carers -> IJB { kind consultation }
  channel NHS -> Minister { kind reporting }
}`;

async function northProfile() {
    const { services, findings, arrangement } = await checkWorkspace(MODEL);
    const model = services.analysis.IntegrationAnalysis.arrangementModel(arrangement('North'));
    return { profile: buildIntegrationProfile(model, findings, f => `line ${f.range.start.line + 1}`, uri => uri), findings };
}

describe('the integration profile', () => {
    it('says how each actor\'s voice reaches the board, strongest first', async () => {
        const { profile } = await northProfile();
        const voices = Object.fromEntries(profile.voices.map(v => [v.title, { voice: v.voice, votes: v.votes, through: v.through, without: v.withoutVoice }]));
        expect(voices['Health board']).toEqual({ voice: 'votes', votes: 3, through: [], without: false });
        expect(voices['Council']).toEqual({ voice: 'votes', votes: 2, through: [], without: false });
        expect(voices['Third sector interface']).toEqual({ voice: 'sits', votes: 0, through: [], without: false });
        expect(voices['Carers centre']).toEqual({ voice: 'channel', votes: 0, through: [], without: false });
        expect(voices['Local groups']).toEqual({ voice: 'route', votes: 0, through: ['Locality group'], without: false });
        expect(voices['Care providers']).toEqual({ voice: 'none', votes: 0, through: [], without: true });
        // A government actor with no route is not a gap: no-board-voice is about non-statutory actors.
        expect(voices['Minister']).toEqual({ voice: 'none', votes: 0, through: [], without: false });
        expect(profile.voices.map(v => v.voice)).toEqual(['votes', 'votes', 'sits', 'channel', 'route', 'none', 'none']);
        expect(profile.voices.find(v => v.title === 'Council')!.budgetsHeld).toEqual(['Grants']);
    });

    it('lays out the stage ladder: what each stage needs, what the model shows, what blocks the claim', async () => {
        const { profile } = await northProfile();
        expect(profile.claimed).toBe('6b');
        expect(profile.supported).toBe('3');
        expect(profile.stages.map(s => s.stage)).toEqual(['1', '2', '3', '4', '5', '6a', '6b', '6c', '7']);
        const rung = (stage: string) => profile.stages.find(s => s.stage === stage)!;
        expect(rung('3').supported).toBe(true);
        expect(rung('4').supported).toBe(false);
        expect(rung('6b').claimed).toBe(true);
        // 6b's own requirement is met, but it builds on 5, which is not reached.
        expect(rung('6b').requirements.every(r => r.met)).toBe(true);
        expect(rung('6b').blockedBy).toBe('5');
        expect(profile.missingForClaim.map(r => r.stage).sort()).toEqual(['4', '4', '4']);
    });

    it('gives the power map and the budgets with their holders', async () => {
        const { profile } = await northProfile();
        const statutory = profile.power.find(p => p.sector === 'statutory')!;
        expect(statutory.votingSeats).toBe(5);
        expect(profile.totals).toEqual({ votingSeats: 5, budget: 51e6, budgets: 2, services: 1 });
        expect(profile.budgets.map(b => [b.title, b.amount, b.heldBy, b.controlledBy])).toEqual([
            ['Pooled budget', 40e6 + 10e6, 'Joint board', ['Joint board']],
            ['Grants', 1e6, 'Council', []]
        ]);
    });

    it('gives the power map per actor, in the sectors\' order, so a sector\'s figures do not hide its members', async () => {
        const { profile } = await northProfile();
        expect(profile.actorPower.map(p => [p.title, p.sector, p.votingSeats, p.servicesDelivered])).toEqual([
            ['Health board', 'statutory', 3, 0],
            ['Council', 'statutory', 2, 0],
            ['Care providers', 'independent', 0, 1]
        ]);
        // The board's 50m of 51m splits 3:2 by seats; the council also holds the 1m of grants.
        expect(profile.actorPower.find(p => p.name === 'Council')!.budgetShare).toBeCloseTo((50 * 2 / 5 + 1) / 51);
    });

    it('groups its findings by the rules\' integration types, errors first', async () => {
        const { profile, findings } = await northProfile();
        expect(profile.findings.length).toBe(findings.filter(f => f.arrangement === 'North').length);
        for (const finding of profile.findings) {
            expect(finding.type).toBe(GAP_RULES.find(rule => rule.id === finding.rule)?.type ?? 'model');
            expect(finding.place).toBe(`line ${finding.range.start.line + 1}`);
        }
        const order = { error: 0, warning: 1, info: 2 };
        const severities = profile.findings.map(f => order[f.severity]);
        expect(severities).toEqual([...severities].sort((a, b) => a - b));
        expect(profile.findings.some(f => f.rule === 'no-board-voice' && f.element === 'Providers')).toBe(true);
    });
});
