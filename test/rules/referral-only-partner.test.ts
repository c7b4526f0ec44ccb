import { describe, expect, it } from 'vitest';
import { elements, findingsOf } from './rule-findings.js';

const RULE = 'referral-only-partner';

const actors = `
actor NHS "Health board" { sector statutory }
actor Council "Council" { sector statutory }
actor Befriend "Befriending service" { sector third }
`;

function model(extra: string, advisory = ''): string {
    return `${actors}
arrangement North "North partnership" {
  partners NHS
  forum IJB "Joint board" { kind board voting NHS ${advisory} }
  team Rehab "Rehabilitation team" { staff NHS }
  referral Rehab -> Befriend
  ${extra}
}`;
}

describe('referral-only-partner', () => {
    it('reports a non-statutory actor whose only part is to receive referrals', async () => {
        const found = await findingsOf(RULE, model('channel Befriend -> NHS { kind informal }'));
        expect(elements(found)).toEqual(['Befriend']);
        expect(found[0].message).toContain('Befriending service (sector third) receives 1 referral from Rehabilitation team in North partnership');
        expect(found[0].related?.[0].message).toContain('a referral to Befriending service');
    });

    it('is not silenced by funding or delivering services', async () => {
        const found = await findingsOf(RULE, model(`
  budget Grant { kind grant held by NHS funds Befriend }
  service Calls { delivered by Befriend }`));
        expect(elements(found)).toEqual(['Befriend']);
    });

    it('is silent once the actor sits on a forum, staffs a team, is party to an agreement or has a channel to a forum', async () => {
        expect(await findingsOf(RULE, model('', 'advisory Befriend'))).toEqual([]);
        expect(await findingsOf(RULE, model('team Visits { staff Befriend }'))).toEqual([]);
        expect(await findingsOf(RULE, model('agreement Terms { between NHS, Befriend }'))).toEqual([]);
        expect(await findingsOf(RULE, model('channel Befriend -> IJB { kind consultation }'))).toEqual([]);
    });

    it('does not check statutory actors', async () => {
        const found = await findingsOf(RULE, model('referral Rehab -> Council'));
        expect(elements(found)).toEqual(['Befriend']);
    });

    it('looks only at what the arrangement itself declares', async () => {
        const found = await findingsOf(RULE, {
            'actors.joinery': actors,
            'north.joinery': 'arrangement North { partners NHS forum B { kind board voting NHS } referral NHS -> Befriend }',
            'south.joinery': 'arrangement South { partners NHS forum B { kind board voting NHS advisory Befriend } channel Befriend -> North.B }'
        });
        expect(found.map(f => `${f.arrangement} ${f.element}`)).toEqual(['North Befriend']);
    });

    it('does not report a contractor, whose part is to take referrals (issue 14)', async () => {
        expect(await findingsOf(RULE, model('service Visits { delivered by Befriend contracted }'))).toEqual([]);
        expect(elements(await findingsOf(RULE, model('service Visits { delivered by Befriend }')))).toEqual(['Befriend']);
    });

    it('takes referrals to a forum (agencies refer cases to a MARAC) without reporting the forum (issue 14)', async () => {
        const found = await findingsOf(RULE, model('forum MARAC { kind operational voting NHS reports to IJB }\n  referral NHS -> MARAC'));
        expect(elements(found)).toEqual(['Befriend']);
    });
});
