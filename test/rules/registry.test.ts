import { describe, expect, it } from 'vitest';
import { GAP_RULES, findRule } from '../../language-server/src/rules/registry.js';

// RULES.md's table: id, default severity, integration type, in its order; then the rules added since (issue 14's, then issue 15's statutory rules).
const TABLE = [
    ['no-board-voice', 'error', 'structural'],
    ['team-without-shared-system', 'error', 'structural'],
    ['unlinked-systems', 'warning', 'structural'],
    ['budget-without-board', 'warning', 'structural'],
    ['unfunded-provider', 'warning', 'structural'],
    ['separate-budgets-in-team', 'warning', 'structural'],
    ['duplicate-provision', 'warning', 'structural'],
    ['isolated-forum', 'info', 'structural'],
    ['one-way-representation', 'warning', 'relational'],
    ['referral-only-partner', 'warning', 'relational'],
    ['no-cross-sector-learning', 'info', 'relational'],
    ['unmeasured-goal', 'warning', 'institutional'],
    ['efficiency-only-indicators', 'warning', 'institutional'],
    ['statutory-only-measurement', 'info', 'institutional'],
    ['conflicting-logics', 'warning', 'institutional'],
    ['shared-system-without-agreement', 'warning', 'institutional'],
    ['no-shared-goal', 'warning', 'institutional'],
    ['stage-claim-unsupported', 'warning', 'maturity'],
    ['command-without-shared-understanding', 'info', 'maturity'],
    ['power-asymmetry', 'warning', 'power'],
    ['uninvolved-actor', 'info', 'structural'],
    ['budget-without-directions', 'info', 'structural'],
    ['referral-without-shared-information', 'warning', 'structural'],
    ['funder-without-voice', 'warning', 'power'],
    ['fixed-term-core-service', 'info', 'structural'],
    // Issue 15: the statutory profiles' rules.
    ['statutory-membership', 'warning', 'structural'],
    ['statutory-structure', 'warning', 'structural']
];

describe('gap rule registry', () => {
    it('lists every rule of RULES.md, in its order, with its default severity and integration type', () => {
        expect(GAP_RULES.map(rule => [rule.id, rule.defaultSeverity, rule.type])).toEqual(TABLE);
    });

    it('finds a rule by id', () => {
        expect(findRule('isolated-forum')?.type).toBe('structural');
        expect(findRule('no-such-rule')).toBeUndefined();
    });
});
