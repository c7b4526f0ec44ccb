import { describe, expect, it } from 'vitest';
import { elements, findingsOf } from './rule-findings.js';

const RULE = 'budget-without-board';

function model(board: string, budget: string): string {
    return `
actor NHS "Health board" { sector statutory }
actor Council "Council" { sector statutory }
arrangement North "North partnership" {
  partners NHS, Council
  forum IJB "Joint board" { kind board voting NHS, Council ${board} }
  forum Plan "Planning group" { kind planning voting NHS reports to IJB }
  forum Voice "Community forum" { kind engagement voting Council }
  ${budget}
}`;
}

describe('budget-without-board', () => {
    it('reports a shared budget that nobody holds', async () => {
        const found = await findingsOf(RULE, model('controls Pool', 'budget Pool "Integrated budget" { kind pooled }'));
        expect(elements(found)).toEqual(['Pool']);
        expect(found[0].message).toContain('Integrated budget');
        expect(found[0].message).toContain('nobody holds it');
    });

    it('reports a holder with no route to a board', async () => {
        const found = await findingsOf(RULE, model('controls Pool', 'budget Pool { kind aligned held by Voice }'));
        expect(elements(found)).toEqual(['Pool']);
        expect(found[0].message).toContain('its holder, Community forum, has no route to a board');
        expect(found[0].message).not.toContain('controls');
    });

    it('reports a budget that no board controls, even when its holder has a voice', async () => {
        const found = await findingsOf(RULE, model('', 'budget Pool { kind delegated held by NHS }'));
        expect(elements(found)).toEqual(['Pool']);
        expect(found[0].message).toContain('no board `controls` it');
    });

    it('is silent when a holder with a route to a board holds it and a board controls it', async () => {
        expect(await findingsOf(RULE, model('controls Pool', 'budget Pool { kind pooled held by Plan }'))).toEqual([]);
        expect(await findingsOf(RULE, model('controls Pool', 'budget Pool { kind pooled held by IJB }'))).toEqual([]);
    });

    it('does not check separate or grant budgets', async () => {
        expect(await findingsOf(RULE, model('', 'budget Own { kind separate }\n  budget Gift { kind grant }'))).toEqual([]);
    });

    it('is silent for a budget held by a board, which that board controls without `controls` (issue 14)', async () => {
        expect(await findingsOf(RULE, model('', 'budget Pool { kind pooled from NHS 10m, Council 5m held by IJB }'))).toEqual([]);
        // Held by a forum that is not a board, it still needs a board's `controls`.
        const found = await findingsOf(RULE, model('', 'budget Pool { kind pooled held by Plan }'));
        expect(found[0].message).toContain('no board `controls` it');
    });

    it('follows money allocated down a chain: a place budget delegated from a board\'s allocation (issue 14)', async () => {
        const found = await findingsOf(RULE, model('', `budget Allocation { kind delegated from NHS 100m held by IJB funds Place }
  budget Place { kind delegated from Allocation 20m held by Voice }`));
        expect(elements(found)).toEqual(['Place']);
    });
});
