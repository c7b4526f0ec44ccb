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
});
