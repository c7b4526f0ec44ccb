import { EmptyFileSystem } from 'langium';
import { describe, expect, it } from 'vitest';
import { createJoineryServices } from '../../language-server/src/joinery-module.js';
import { citationOf, ruleOf } from '../../language-server/src/profiles/profile.js';
import { checkWorkspace } from '../support/workspace.js';
import { PROFILE_CASES } from './profile-cases.js';

const { Joinery } = createJoineryServices(EmptyFileSystem);
const registry = Joinery.profiles.ProfileRegistry;

async function check(model: string) {
    const { findings, services } = await checkWorkspace(model);
    const modelErrors = findings.filter(f => ['syntax', 'reference', 'semantic'].includes(f.rule));
    expect(modelErrors.map(f => f.message)).toEqual([]);
    const compliance = services.analysis.IntegrationAnalysis.allArrangementModels().flatMap(m => m.compliance);
    return { statutory: findings.filter(f => f.rule.startsWith('statutory-')), compliance };
}

describe.each(PROFILE_CASES.map(c => [c.profile, c] as const))('built-in profile %s', (id, profileCase) => {
    const profile = registry.get(id)!;
    const requirements = profile.requirements;

    it('has a breaking change for every requirement', () => {
        expect(Object.keys(profileCase.breakers).sort()).toEqual(requirements.map(r => r.id).sort());
    });

    it('is met in full by the complete model: no statutory finding', async () => {
        const { statutory, compliance } = await check(profileCase.complete);
        expect(statutory.map(f => f.message)).toEqual([]);
        expect(compliance).toHaveLength(1);
        for (const result of compliance[0].results) {
            expect([result.requirement.id, result.status]).toEqual([result.requirement.id, 'met']);
        }
    });

    describe.each(requirements.map(r => [r.id, r] as const))('requirement %s', (_requirementId, requirement) => {
        it('fires once, on the forum, naming the requirement and its section, when broken', async () => {
            const { statutory } = await check(profileCase.breakers[requirement.id](profileCase.complete));
            expect(statutory).toHaveLength(1);
            const [finding] = statutory;
            expect(finding.rule).toBe(ruleOf(requirement));
            expect(finding.message).toContain(requirement.title);
            expect(finding.message).toContain(citationOf(profile, requirement));
            expect(finding.message).toContain(`profile ${id}`);
            expect(finding.severity).toBe('warning');
        });

        it('stays silent when met', async () => {
            const { statutory, compliance } = await check(profileCase.complete);
            expect(statutory.filter(f => f.message.includes(requirement.title))).toEqual([]);
            expect(compliance[0].results.find(r => r.requirement.id === requirement.id)?.status).toBe('met');
        });
    });
});
