import { describe, expect, it } from 'vitest';
import { findingsOf } from '../rules/rule-findings.js';
import { checkWorkspace } from '../support/workspace.js';
import { FULL_ADVISORY, FULL_ORDER_IJB, SIX_TO_TWO_IJB } from './ijb-models.js';

describe('scotland-ijb', () => {
    it('gives no statutory finding for a board written with the full Order membership', async () => {
        expect(await findingsOf('statutory-membership', FULL_ORDER_IJB)).toEqual([]);
        expect(await findingsOf('statutory-structure', FULL_ORDER_IJB)).toEqual([]);
    });

    it('counts prescribed members written `advisory by law` as members (the law gives them no vote)', async () => {
        const byLaw = FULL_ORDER_IJB.replace(` advisory ${FULL_ADVISORY}`, ` advisory by law ${FULL_ADVISORY}`);
        expect(byLaw).not.toBe(FULL_ORDER_IJB);
        const { findings } = await checkWorkspace(byLaw);
        expect(findings.filter(f => ['syntax', 'reference', 'semantic'].includes(f.rule) || f.rule.startsWith('statutory-')).map(f => f.message)).toEqual([]);
    });

    it('gives the six-to-two board without its prescribed members one finding per unmet requirement', async () => {
        const { findings, services } = await checkWorkspace(SIX_TO_TWO_IJB);
        const statutory = findings.filter(f => f.rule.startsWith('statutory-'));
        const [compliance] = services.analysis.IntegrationAnalysis.allArrangementModels()[0].compliance;
        const unmet = compliance.results.filter(r => r.status === 'unmet').map(r => r.requirement.id);
        expect(unmet).toEqual([
            'voting-members', 'chief-officer', 'chief-finance-officer', 'chief-social-work-officer', 'gp', 'nurse',
            'medical-practitioner', 'staff', 'third-sector', 'service-users', 'carers'
        ]);
        expect(statutory).toHaveLength(unmet.length);
        for (const result of compliance.results.filter(r => r.status === 'unmet')) {
            expect(statutory.filter(f => f.message.includes(result.requirement.title))).toHaveLength(1);
        }
    });
});
