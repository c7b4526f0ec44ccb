import { describe, expect, it } from 'vitest';
import { elements, findingsOf } from './rule-findings.js';

const RULE = 'fixed-term-core-service';

function model(body: string): string {
    return `
actor Council "Council" { sector statutory }
actor Police "Police" { sector statutory }
actor Refuge "Domestic abuse charity" { sector third }
actor PCC "Police and crime commissioner" { sector statutory }
arrangement Safety "Community safety partnership" {
  partners Council, Police
  forum Board "Safety board" { kind board voting Council, Police advisory Refuge controls Core }
  budget Grant "Victims grant" { kind grant from PCC 200k held by PCC }
  budget Core "Community safety fund" { kind pooled from Council 1m, Police 1m held by Board }
  ${body}
}`;
}

describe('fixed-term-core-service', () => {
    it('reports a service people are referred to that only grants fund, naming its deliverers and budgets', async () => {
        const found = await findingsOf(RULE, model(`
  service IDVA "Independent domestic violence advisers" { delivered by Refuge }
  budget More "Home Office grant" { kind grant from Police 50k held by Police funds Refuge }
  referral Police -> Refuge`).replace('held by PCC }', 'held by PCC funds IDVA }'));
        expect(elements(found)).toEqual(['IDVA']);
        expect(found[0].severity).toBe('info');
        expect(found[0].message).toContain('Independent domestic violence advisers, delivered by Domestic abuse charity, takes referrals in Community safety partnership, '
            + 'but is funded only by fixed-term money: Victims grant and Home Office grant (a grant with no `term` counts as fixed-term)');
        expect(found[0].related?.map(r => r.message)).toContain('a referral to Independent domestic violence advisers');
    });

    it('counts a referral to a delivering team that a non-statutory actor staffs', async () => {
        const found = await findingsOf(RULE, model(`
  team Outreach { staff Refuge, Council }
  service Support { delivered by Outreach }
  referral Police -> Outreach`).replace('held by PCC }', 'held by PCC funds Outreach }'));
        expect(elements(found)).toEqual(['Support']);
    });

    it('is silent when some recurrent or other money funds it', async () => {
        expect(await findingsOf(RULE, model(`
  service IDVA { delivered by Refuge }
  referral Police -> Refuge`).replace('held by PCC }', 'held by PCC funds IDVA }').replace('held by Board }', 'held by Board funds Refuge }'))).toEqual([]);
    });

    it('is silent when no one is referred to it, when no budget funds it, or when only statutory actors deliver it', async () => {
        const funded = (body: string) => model(body).replace('held by PCC }', 'held by PCC funds IDVA }');
        expect(await findingsOf(RULE, funded('service IDVA { delivered by Refuge }'))).toEqual([]);
        expect(await findingsOf(RULE, model('service IDVA { delivered by Refuge } referral Police -> Refuge'))).toEqual([]);
        expect(await findingsOf(RULE, funded('service IDVA { delivered by Council } referral Police -> Council'))).toEqual([]);
        // Referred to the statutory co-deliverer, not to the charity.
        expect(await findingsOf(RULE, funded('service IDVA { delivered by Council, Refuge } referral Police -> Council'))).toEqual([]);
    });

    it('reads a stated term before the kind: a recurrent grant is not fixed-term, a fixed-term pooled budget is', async () => {
        const referred = `
  service IDVA { delivered by Refuge }
  referral Police -> Refuge`;
        expect(await findingsOf(RULE, model(referred).replace('held by PCC }', 'held by PCC funds IDVA term recurrent }'))).toEqual([]);
        const found = await findingsOf(RULE, model(referred).replace('held by Board }', 'held by Board funds IDVA term fixed until 2026-03-31 }'));
        expect(elements(found)).toEqual(['IDVA']);
        // Stated, so the message does not say it was read from the kind.
        expect(found[0].message).not.toContain('a grant with no `term`');
    });

    it('counts money a direction spends on the service', async () => {
        const found = await findingsOf(RULE, model(`
  service IDVA { delivered by Refuge }
  referral Police -> Refuge
  direction Advice { from Board to Refuge for IDVA budget Grant }`).replace('held by PCC }', 'held by Board }'));
        expect(elements(found)).toEqual(['IDVA']);
    });
});
