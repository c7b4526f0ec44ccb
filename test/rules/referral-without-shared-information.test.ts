import { describe, expect, it } from 'vitest';
import { elements, findingsOf } from './rule-findings.js';

const RULE = 'referral-without-shared-information';

function model(body: string): string {
    return `
actor Police "Police force" { sector statutory }
actor Council "Council" { sector statutory }
actor Refuge "Domestic abuse charity" { sector third }
actor GPs "GP practices" { sector independent kind network }
actor Victims "Victims" { sector community kind people }
arrangement Safety "Community safety partnership" {
  partners Police, Council
  forum Board "Safety board" { kind board voting Police, Council advisory Refuge, GPs }
  system Crime "Crime records" { owner Police }
  system Cases "Charity case system" { owner Refuge }
  system Social "Social care records" { owner Council }
  ${body}
}`;
}

describe('referral-without-shared-information', () => {
    it('reports the receiving end of a referral between organisations that share nothing', async () => {
        const found = await findingsOf(RULE, model('referral Police -> Refuge'));
        expect(elements(found)).toEqual(['Refuge']);
        expect(found[0].severity).toBe('warning');
        expect(found[0].arrangement).toBe('Safety');
        expect(found[0].message).toContain('Domestic abuse charity receives referrals from Police force in Community safety partnership, '
            + 'but Domestic abuse charity and Police force share no system, link or agreement');
        expect(found[0].related?.[0].message).toBe('the referral from Police force to Domestic abuse charity');
    });

    it('counts a team as its staff, and reports each referral once on the team that receives it', async () => {
        const found = await findingsOf(RULE, model(`
  team Safeguarding "Safeguarding team" { staff Council uses Social }
  team Outreach "Outreach team" { staff Refuge uses Cases }
  referral Safeguarding -> Outreach
  referral Police -> Outreach`));
        expect(elements(found)).toEqual(['Outreach', 'Outreach']);
        expect(found.map(f => f.message).join('\n')).toContain('Domestic abuse charity and Council share no system');
    });

    it('is silent when an organisation is at both ends, or a system is shared or linked', async () => {
        for (const body of [
            'team Hub { staff Police, Refuge } referral Police -> Hub',
            'team Hub { staff Refuge uses Crime } referral Police -> Hub',
            'team Desk { staff Police uses Cases } referral Desk -> Refuge',
            'link Crime -> Social link Social <-> Cases referral Police -> Refuge'
        ]) expect(await findingsOf(RULE, model(body)), body).toEqual([]);
    });

    it('is silent when an agreement names both ends, or covers a team at one end and names the other', async () => {
        for (const body of [
            'agreement ISP { between Police, Refuge } referral Police -> Refuge',
            'team Outreach { staff Refuge } agreement ISP { between Police covers Outreach } referral Police -> Outreach'
        ]) expect(await findingsOf(RULE, model(body)), body).toEqual([]);
        // An agreement that names only one end does not carry the information to the other.
        expect(elements(await findingsOf(RULE, model('agreement ISP { between Police, Council } referral Police -> Refuge')))).toEqual(['Refuge']);
    });

    it('counts a network as an organisation, and leaves referrals to or from people and roles alone', async () => {
        expect(elements(await findingsOf(RULE, model('referral GPs -> Refuge')))).toEqual(['Refuge']);
        expect(await findingsOf(RULE, model('referral Victims -> Refuge referral Police -> Victims'))).toEqual([]);
    });

    it('leaves a non-statutory actor that only takes referrals to referral-only-partner', async () => {
        const text = model('referral Police -> Refuge').replace('advisory Refuge, GPs', 'advisory GPs');
        expect(await findingsOf(RULE, text)).toEqual([]);
        expect(elements(await findingsOf('referral-only-partner', text))).toEqual(['Refuge']);
    });

    it('counts a forum at either end as its member organisations, and an agreement that covers the forum', async () => {
        const marac = 'forum MARAC "Risk conference" { kind operational voting Police, Council advisory Refuge }';
        // Refuge sits on the MARAC, so a referral from it to the MARAC stays within one organisation.
        expect(await findingsOf(RULE, model(`${marac}\n  referral Refuge -> MARAC`))).toEqual([]);
        const found = await findingsOf(RULE, model('forum Panel "Police panel" { kind operational voting Police }\n  referral Panel -> Refuge'));
        expect(elements(found)).toEqual(['Refuge']);
        expect(await findingsOf(RULE, model('forum Panel { kind operational voting Police }\n  referral Panel -> Refuge\n'
            + '  agreement Protocol { between Refuge covers Panel }'))).toEqual([]);
    });

    it('counts the stated users of a system as using it', async () => {
        expect(await findingsOf(RULE, model('system Shared { owner Council users Police, Refuge }\n  referral Police -> Refuge'))).toEqual([]);
    });
});
