import { describe, expect, it } from 'vitest';
import { elements, findingsOf } from './rule-findings.js';

const RULE = 'isolated-forum';

function model(locality: string, extra = ''): string {
    return `
actor NHS "Health board" { sector statutory }
actor Carers "Carers centre" { sector third }
arrangement North "North partnership" {
  partners NHS
  forum IJB "Joint board" { kind board voting NHS }
  forum Locality "Locality group" { kind engagement voting Carers, NHS ${locality} }
  ${extra}
}`;
}

describe('isolated-forum', () => {
    it('reports a non-board forum with no route to a board and no budget', async () => {
        const found = await findingsOf(RULE, model(''));
        expect(elements(found)).toEqual(['Locality']);
        expect(found[0].severity).toBe('info');
        expect(found[0].message).toContain('Locality group');
        expect(found[0].message).toContain('no route to any board');
    });

    it('is silent when it reports to a board, directly or through another forum', async () => {
        expect(await findingsOf(RULE, model('reports to IJB'))).toEqual([]);
        expect(await findingsOf(RULE, model('reports to Plan', 'forum Plan { kind planning voting NHS reports to IJB }'))).toEqual([]);
    });

    it('is silent when it controls or holds a budget', async () => {
        expect(await findingsOf(RULE, model('controls Fund', 'budget Fund { kind grant held by NHS }'))).toEqual([]);
        expect(await findingsOf(RULE, model('', 'budget Fund { kind grant held by Locality }'))).toEqual([]);
    });

    it('never reports a board', async () => {
        expect(elements(await findingsOf(RULE, model('', 'forum Other { kind board voting Carers }')))).toEqual(['Locality']);
    });

    it('is silent for a forum that scrutinises a board or a decision-maker (issue 14)', async () => {
        expect(await findingsOf(RULE, model('scrutinises IJB'))).toEqual([]);
        // A police and crime panel holds a commissioner, not a board, to account: still not isolated.
        const panel = model('', 'forum Panel "Police and crime panel" { kind committee voting NHS scrutinises Commissioner }')
            .replace('actor Carers', 'actor Commissioner "Commissioner" { sector statutory kind role }\nactor Carers');
        expect(elements(await findingsOf(RULE, panel))).toEqual(['Locality']);
    });

    it('is silent for a forum whose strategy a board must have regard to, or that has a channel to a board (issue 14)', async () => {
        expect(await findingsOf(RULE, model('', 'forum Board2 "Second board" { kind board voting NHS has regard to Locality }'))).toEqual([]);
        expect(await findingsOf(RULE, model('', 'goal Plan "Locality plan" { owner Locality }\n  forum Board2 { kind board voting NHS has regard to Plan }'))).toEqual([]);
        expect(await findingsOf(RULE, model('', 'channel Locality -> IJB { kind reporting }'))).toEqual([]);
        // Having regard to others gives the forum itself no route.
        expect(elements(await findingsOf(RULE, model('has regard to IJB')))).toEqual(['Locality']);
    });
});
