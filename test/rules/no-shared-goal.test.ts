import { describe, expect, it } from 'vitest';
import { elements, findingsOf } from './rule-findings.js';

const RULE = 'no-shared-goal';

function model(steering: string, goalOwner: string, staff = 'Police, Council'): string {
    return `
actor Police "Police" { sector statutory }
actor Council "Council" { sector statutory }
actor Victims "Victims' group" { sector community kind people }
arrangement Hub "Victim support hub" {
  partners Police, Council
  forum Steering "Steering group" { kind planning ${steering} }
  team Support "Victim support team" { staff ${staff} }
  goal Recover "Victims recover" { owner ${goalOwner} }
}`;
}

describe('no-shared-goal', () => {
    it('reports a team of two organisations when no goal is owned by it or by a forum of all of them', async () => {
        const found = await findingsOf(RULE, model('voting Police', 'Steering'));
        expect(elements(found)).toEqual(['Support']);
        expect(found[0].message).toContain('Victim support team has staff from Police and Council but shares no goal');
    });

    it('is silent when a forum on which every staff organisation sits owns a goal (advisory counts)', async () => {
        expect(await findingsOf(RULE, model('voting Police advisory Council', 'Steering'))).toEqual([]);
    });

    it('is silent when the team owns a goal', async () => {
        expect(await findingsOf(RULE, model('voting Police', 'Support'))).toEqual([]);
    });

    it('says when the forums of all its organisations own no goal', async () => {
        const found = await findingsOf(RULE, model('voting Police, Council', 'Police'));
        expect(found[0].message).toContain('Steering group owns none');
    });

    it('ignores teams with staff from one organisation', async () => {
        expect(await findingsOf(RULE, model('voting Police', 'Steering', 'Police, Victims'))).toEqual([]);
    });
});
