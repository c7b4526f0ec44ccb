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

    it('checks each of several claims among 6a, 6b and 6c, in one finding (issue 14)', async () => {
        const found = await findingsOf(RULE, model('stage 6b, 6c', `
  team Rehab { staff NHS, Council }
  budget Pool { kind pooled from NHS, Council held by IJB }`));
        expect(elements(found)).toEqual(['North']);
        expect(found[0].message).toContain('claims stage 6c (common leaders), but the model does not show: a `leader` that names an actor of kind role (stage 6c)');
        expect(found[0].message).not.toContain('6b (pooled budgets), but');
        expect(await findingsOf(RULE, model('stage 6b', `
  team Rehab { staff NHS, Council }
  budget Pool { kind pooled from NHS, Council held by IJB }`))).toEqual([]);
    });

    it('lets a lead agency that took the work over skip stages 3 to 5 (seed 004, issue 14)', async () => {
        const lead = `
actor A "Lead council" { sector statutory }
actor B "Second council" { sector statutory }
arrangement Shared "Shared service" {
  partners A, B
  stage 6a
  lead A
  forum Committee { kind board voting A, B }
  system One { owner A users A, B }
  team Service { staff A uses One }
}`;
        expect(await findingsOf(RULE, lead)).toEqual([]);
        // Its one system must serve the partners: a system only the lead uses is not the consolidation.
        const found = await findingsOf(RULE, lead.replace(' users A, B', ''));
        expect(found[0].message).toContain('a team of the lead that uses one system, or systems joined by links, that two partners use (stage 6a)');
        expect(found[0].message).not.toContain('(stage 5)');
    });
});
