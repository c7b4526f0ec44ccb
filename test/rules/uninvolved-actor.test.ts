import { describe, expect, it } from 'vitest';
import { checkWorkspace } from '../support/workspace.js';
import { elements, findingsOf } from './rule-findings.js';

const RULE = 'uninvolved-actor';

const actors = `
actor NHS "Health board" { sector statutory }
actor TSI "Third sector interface" { sector third represents Groups }
actor Groups "Local groups" { sector community kind network }
actor Carers "Carers centre" { sector third }
`;

describe('uninvolved-actor', () => {
    it('reports an actor that no arrangement involves, once, at its declaration', async () => {
        const found = await findingsOf(RULE, `${actors}
arrangement North "North partnership" { partners NHS forum IJB { kind board voting NHS } }
arrangement South "South partnership" { partners NHS }`);
        expect(elements(found)).toEqual(['Carers', 'Groups', 'TSI']);
        expect(found.every(f => f.arrangement === 'North' && f.severity === 'info')).toBe(true);
        const carers = found.find(f => f.element === 'Carers')!;
        expect(carers.message).toContain('Carers centre (sector third) is declared but takes part in no arrangement');
        expect(carers.range.start.line).toBe(4);
    });

    it('makes a gap visible when a stakeholder is taken off its last forum', async () => {
        const seated = `${actors}
arrangement North "North partnership" { partners NHS forum IJB { kind board voting NHS } forum Locality { kind engagement advisory Carers } }`;
        const before = await checkWorkspace(seated);
        expect(before.findings.filter(f => f.element === 'Carers').map(f => f.rule)).toEqual(['no-board-voice']);
        const after = await checkWorkspace(seated.replace('advisory Carers', ''));
        expect(after.findings.filter(f => f.element === 'Carers').map(f => f.rule)).toEqual([RULE]);
    });

    it('counts every way of taking part, and the actors an involved actor represents', async () => {
        const ways = [
            'channel Carers -> NHS', 'referral NHS -> Carers', 'service S { delivered by Carers }', 'team T { staff NHS leads Carers }',
            'budget B { from Carers }', 'budget B { held by Carers }', 'budget B { funds Carers }', 'system S { owner Carers }',
            'goal G { owner Carers }', 'indicator I { reported by Carers }', 'agreement A { between Carers }', 'forum F { voting Carers }'
        ];
        for (const way of ways) {
            const found = await findingsOf(RULE, `${actors}
arrangement North { partners NHS channel TSI -> NHS ${way} }`);
            expect(elements(found), way).toEqual([]);
        }
    });

    it('files the finding with the first arrangement of the actor\'s own file, else of its folder, else of the workspace', async () => {
        const found = await findingsOf(RULE, {
            'a.joinery': `${actors} arrangement A { partners NHS channel TSI -> NHS }`,
            'b.joinery': 'actor Idle { sector community } arrangement B1 { partners NHS } arrangement B2 { partners NHS }',
            'care/actors.joinery': 'actor Spare { sector third }',
            'care/north.joinery': 'arrangement CareNorth { partners NHS }',
            'other/actors.joinery': 'actor Orphan { sector third }'
        });
        expect(found.map(f => `${f.element} @${f.arrangement}`).sort()).toEqual(['Carers @A', 'Idle @B1', 'Orphan @A', 'Spare @CareNorth']);
    });

    it('is silent in a workspace with no arrangement, and on actors taking part in any arrangement', async () => {
        expect(await findingsOf(RULE, actors)).toEqual([]);
        expect(await findingsOf(RULE, {
            'actors.joinery': actors,
            'north.joinery': 'arrangement N { partners NHS channel TSI -> NHS }',
            'south.joinery': 'arrangement S { partners NHS referral NHS -> Carers }'
        })).toEqual([]);
    });

    it('leaves a duplicate of an involved actor to the duplicate-name error', async () => {
        const { findings } = await checkWorkspace({
            'a.joinery': 'actor NHS "Health board" { sector statutory }\narrangement North { partners NHS }',
            'b.joinery': 'actor NHS "Health board" { sector statutory }\nactor Idle { sector third }'
        });
        expect(findings.filter(f => f.rule === 'uninvolved-actor').map(f => f.element)).toEqual(['Idle']);
        expect(findings.some(f => f.message.startsWith("Duplicate name 'NHS'"))).toBe(true);
    });
});
