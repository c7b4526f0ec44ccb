import { describe, expect, it } from 'vitest';
import { elements, findingsOf } from './rule-findings.js';

const RULE = 'shared-system-without-agreement';

function model(body: string): string {
    return `
actor NHS "Health board" { sector statutory }
actor Council "Council" { sector statutory }
actor Police "Police" { sector statutory }
arrangement North "North partnership" {
  partners NHS, Council
  system Trak "Patient record" { owner NHS }
  system Swift "Social work record" { owner Council }
  ${body}
}`;
}

describe('shared-system-without-agreement', () => {
    it('reports a system used by a team of two organisations with no agreement', async () => {
        const found = await findingsOf(RULE, model('team Rehab { staff NHS, Council uses Trak }'));
        expect(elements(found)).toEqual(['Trak']);
        expect(found[0].message).toContain('Patient record is used across Health board and Council');
    });

    it('counts the owners of linked systems as users, and says whom an agreement leaves out', async () => {
        const found = await findingsOf(RULE, model(`
  team Nurses { staff NHS uses Trak }
  link Trak -> Swift
  agreement Sharing "Sharing protocol" { between NHS covers Trak, Swift }`));
        expect(elements(found)).toEqual(['Swift', 'Trak']);
        expect(found[0].message).toContain('Sharing protocol leaves out Council');
        expect(found[0].related?.[0].message).toContain('leaves out Council');
    });

    it('is silent when an agreement covers the system and names every user', async () => {
        expect(await findingsOf(RULE, model(`
  team Rehab { staff NHS, Council uses Trak }
  agreement Sharing { between NHS, Council covers Trak }`))).toEqual([]);
    });

    it('needs one agreement naming all users, not several naming some', async () => {
        expect(elements(await findingsOf(RULE, model(`
  team Rehab { staff NHS, Council uses Trak }
  agreement A { between NHS covers Trak }
  agreement B { between Council covers Trak }`)))).toEqual(['Trak']);
    });

    it('ignores a system used by one organisation', async () => {
        expect(await findingsOf(RULE, model('team Nurses { staff NHS uses Trak }'))).toEqual([]);
    });

    it('takes the users a system states, with its owner, instead of every staff organisation of its teams (issue 14)', async () => {
        // The health board's record, used by the team's health staff only.
        expect(await findingsOf(RULE, model(`
  system Own { owner NHS users NHS }
  team Rehab { staff NHS, Council uses Own }`))).toEqual([]);
        // The owner counts among the users: the council uses the health board's system.
        const found = await findingsOf(RULE, model(`
  team Desk { staff Council uses Trak }`));
        expect(elements(found)).toEqual(['Trak']);
        expect(found[0].message).toContain('is used across Health board and Council');
    });

    it('counts bilateral agreements that together cover every pair of users (issue 14)', async () => {
        const users = 'system Hub { owner NHS users NHS, Council, Police }';
        expect(await findingsOf(RULE, model(`${users}
  agreement HC { between NHS, Council covers Hub }
  agreement HP { between NHS, Police covers Hub }
  agreement CP { between Council, Police covers Hub }`))).toEqual([]);
        const found = await findingsOf(RULE, model(`${users}
  agreement HC { between NHS, Council covers Hub }
  agreement HP { between NHS, Police covers Hub }`));
        expect(elements(found)).toEqual(['Hub']);
        expect(found[0].message).toContain('no agreement, alone or with others, covers it between Council and Police');
    });
});
