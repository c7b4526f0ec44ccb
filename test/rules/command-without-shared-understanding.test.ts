import { describe, expect, it } from 'vitest';
import { elements, findingsOf } from './rule-findings.js';

const RULE = 'command-without-shared-understanding';

function model(governance: string, forum: string): string {
    return `
actor NHS "Health board" { sector statutory }
actor Council "Council" { sector statutory }
arrangement North "North partnership" {
  partners NHS, Council
  ${governance}
  forum IJB "Joint board" { kind board voting NHS, Council }
  ${forum}
}`;
}

describe('command-without-shared-understanding', () => {
    it('reports command governance with no planning or learning forum of every partner', async () => {
        const found = await findingsOf(RULE, model('governance command', 'forum Plan { kind planning voting NHS }'));
        expect(elements(found)).toEqual(['North']);
        expect(found[0].severity).toBe('info');
        expect(found[0].message).toContain('North partnership is governed by command');
    });

    it('is silent when every partner takes part in a planning or learning forum, advisory seats included', async () => {
        expect(await findingsOf(RULE, model('governance command', 'forum Plan { kind planning voting NHS advisory Council }'))).toEqual([]);
        expect(await findingsOf(RULE, model('governance command', 'forum Learn { kind learning advisory NHS, Council }'))).toEqual([]);
    });

    it('does not count the board or other forums', async () => {
        expect(elements(await findingsOf(RULE, model('governance command', 'forum Ops { kind operational voting NHS, Council }')))).toEqual(['North']);
    });

    it('is silent under process governance', async () => {
        expect(await findingsOf(RULE, model('governance process', ''))).toEqual([]);
    });
});
