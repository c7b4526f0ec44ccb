import { describe, expect, it } from 'vitest';
import { checkWorkspace } from '../support/workspace.js';
import { elements, findingsOf } from './rule-findings.js';

const RULE = 'stage-claim-unsupported';

function model(stage: string, extra = ''): string {
    return `
actor NHS "Health board" { sector statutory }
actor Council "Council" { sector statutory }
actor Outside "Other body" { sector statutory }
arrangement North "North partnership" {
  partners NHS, Council
  ${stage}
  forum IJB "Joint board" { kind board voting NHS, Council }
  forum Plan "Planning group" { kind planning voting NHS, Council reports to IJB }
  forum Ops "Locality huddle" { kind operational voting NHS, Council reports to IJB }
  goal G { owner Plan }
  system S1 { owner NHS }
  system S2 { owner Council }
  link S1 <-> S2
  ${extra}
}`;
}

describe('stage-claim-unsupported', () => {
    it('lists each missing requirement and the highest supported stage', async () => {
        const found = await findingsOf(RULE, model('stage 6b', 'budget Pool { kind pooled from NHS held by IJB }'));
        expect(elements(found)).toEqual(['North']);
        const message = found[0].message;
        expect(message).toContain('North partnership claims stage 6b (pooled budgets)');
        expect(message).toContain('a team with staff from at least two partners (stage 5)');
        expect(message).toContain('a pooled budget with contributions from at least two partners, held by a board (stage 6b)');
        expect(message).toContain('The highest stage it supports is stage 4 (cross-agency co-ordination)');
    });

    it('is silent when the model shows the claimed stage', async () => {
        expect(await findingsOf(RULE, model('stage 6b', `
  team Rehab { staff NHS, Council }
  budget Pool { kind pooled from NHS, Council held by IJB }`))).toEqual([]);
        expect(await findingsOf(RULE, model('stage 4'))).toEqual([]);
    });

    it('is silent when no stage is claimed', async () => {
        expect(await findingsOf(RULE, model(''))).toEqual([]);
    });

    it('needs the lead agency to be a partner (said by this rule alone, as in v1)', async () => {
        const { findings } = await checkWorkspace(model('stage 6a\n  lead Outside', 'team Rehab { staff NHS, Council }'));
        expect(findings.filter(f => f.rule === 'semantic')).toEqual([]);
        const found = findings.filter(f => f.rule === RULE);
        expect(found[0].message).toContain('a `lead` that names a partner (stage 6a)');
        expect(found[0].message).toContain('The highest stage it supports is stage 5');
    });
});
