import { describe, expect, it } from 'vitest';
import { findingsOf } from '../rules/rule-findings.js';
import { checkWorkspace } from '../support/workspace.js';
import { FULL_ORDER_IJB, SIX_TO_TWO_IJB } from './ijb-models.js';

describe('scotland-ijb', () => {
    it('gives no statutory finding for a board written with the full Order membership', async () => {
        expect(await findingsOf('statutory-membership', FULL_ORDER_IJB)).toEqual([]);
        expect(await findingsOf('statutory-structure', FULL_ORDER_IJB)).toEqual([]);
    });

    it('gives the six-to-two board without its prescribed members one finding per unmet requirement', async () => {
        const { findings } = await checkWorkspace(SIX_TO_TWO_IJB);
        const statutory = findings.filter(f => f.rule.startsWith('statutory-'));
        console.log(statutory.map(f => f.message).join('\n'));
        expect(statutory).toHaveLength(11);
    });
});
