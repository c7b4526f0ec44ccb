import { describe, expect, it } from 'vitest';
import { elements, findingsOf } from './rule-findings.js';

const RULE = 'no-board-voice';

const actors = `
actor NHS "Health board" { sector statutory }
actor TSI "Third sector interface" { sector third represents Groups }
actor Groups "Local groups" { sector community kind network }
actor Carers "Carers centre" { sector third }
actor Scot "Scottish Government" { sector government }
`;

function model(body: string): string {
    return `${actors}
arrangement North "North partnership" {
  partners NHS
  forum IJB "Joint board" { kind board voting NHS }
  forum Exec "Executive group" { kind board voting NHS }
  ${body}
}`;
}

describe('no-board-voice', () => {
    it('reports a non-statutory actor with no route to a board, naming the boards and the arrangement', async () => {
        const found = await findingsOf(RULE, model('service Respite { delivered by Carers }'));
        expect(elements(found)).toEqual(['Carers']);
        expect(found[0].arrangement).toBe('North');
        expect(found[0].severity).toBe('error');
        expect(found[0].message).toContain('Carers centre');
        expect(found[0].message).toContain('North partnership');
        expect(found[0].message).toContain('Joint board and Executive group');
    });

    it('is silent when the actor reaches a board through a channel to a member', async () => {
        expect(await findingsOf(RULE, model('service Respite { delivered by Carers }\n  channel Carers -> NHS { kind informal }'))).toEqual([]);
    });

    it('says when an intermediary claims to represent the actor without a channel, and points at it', async () => {
        const found = await findingsOf(RULE, model('channel TSI -> IJB { kind seat }'));
        expect(elements(found)).toEqual(['Groups']);
        expect(found[0].message).toContain('Third sector interface claims to represent Local groups');
        expect(found[0].message).toContain('Local groups has no channel to Third sector interface');
        expect(found[0].related?.[0].message).toContain('Third sector interface claims to represent Local groups');
    });

    it('is silent once the represented actor has a channel to the intermediary', async () => {
        expect(await findingsOf(RULE, model('channel TSI -> IJB { kind seat }\n  channel Groups -> TSI { kind representation }'))).toEqual([]);
    });

    it('does not check statutory or government actors', async () => {
        expect(await findingsOf(RULE, model('service Policy { delivered by Scot }\n  referral NHS -> Scot'))).toEqual([]);
    });

    it('says so when the arrangement has no board', async () => {
        const found = await findingsOf(RULE, `${actors}
arrangement South "South partnership" {
  partners NHS
  forum Plan "Planning group" { kind planning voting NHS advisory Carers }
}`);
        expect(elements(found)).toEqual(['Carers']);
        expect(found[0].message).toContain('no board');
    });

    it('counts only the boards of the arrangement, though the channel that reaches one may be declared elsewhere', async () => {
        const files = (channel: string) => ({
            'a.joinery': actors,
            'north.joinery': 'arrangement North "North" { partners NHS forum B { kind board voting NHS } referral NHS -> Carers }',
            'south.joinery': `arrangement South "South" { partners NHS forum B { kind board voting NHS } ${channel} }`
        });
        const toOther = await findingsOf(RULE, files('channel Carers -> B'));
        expect(toOther.map(f => `${f.arrangement} ${f.element}`)).toEqual(['North Carers']);
        const intoNorth = await findingsOf(RULE, files('channel Carers -> North.B'));
        expect(intoNorth.map(f => `${f.arrangement} ${f.element}`)).toEqual(['South Carers']);
    });

    it('reports a top-level actor once in each arrangement that involves it', async () => {
        const found = await findingsOf(RULE, {
            'actors.joinery': actors,
            'north.joinery': 'arrangement North "North partnership" { partners NHS forum B { kind board voting NHS } referral NHS -> Carers }',
            'south.joinery': 'arrangement South "South partnership" { partners NHS forum B { kind board voting NHS } service S { delivered by Carers } }'
        });
        expect(found.map(f => `${f.arrangement} ${f.element}`).sort()).toEqual(['North Carers', 'South Carers']);
        expect(found.find(f => f.arrangement === 'South')?.message).toContain('South partnership');
    });

    it('does not ask a voice for a contractor, which delivers here only under contract or for fees (issue 14)', async () => {
        expect(await findingsOf(RULE, model('service Respite { delivered by Carers contracted }'))).toEqual([]);
        expect(await findingsOf(RULE, model('service Respite { delivered by Carers fee-funded }'))).toEqual([]);
        expect(elements(await findingsOf(RULE, model('service Respite { delivered by Carers }')))).toEqual(['Carers']);
        // A contractor that also staffs a team of the arrangement is a partner there.
        expect(elements(await findingsOf(RULE, model('service Respite { delivered by Carers contracted }\n  team Mixed { staff NHS, Carers }')))).toEqual(['Carers']);
    });

    it('counts a voice through scrutiny, has regard to and a chair who holds no seat (issue 14)', async () => {
        expect(await findingsOf(RULE, model('forum Panel { kind committee voting Carers scrutinises IJB }'))).toEqual([]);
        expect(await findingsOf(RULE, model('forum Plan { kind planning voting Carers }\n  forum Exec2 { kind board voting NHS has regard to Plan }'))).toEqual([]);
        expect(await findingsOf(RULE, model('forum Panel { kind committee voting Carers }\n  forum Exec2 { kind board voting NHS has regard to Panel }'))).toEqual([]);
    });
});
