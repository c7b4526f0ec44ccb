import { describe, expect, it, vi } from 'vitest';
import type { Actor, Forum } from '../../language-server/src/generated/ast.js';
import type * as DecisionRights from '../../language-server/src/analysis/decision-rights.js';
import type { ModelFact } from '../../language-server/src/analysis/decision-rights.js';
import { checkWorkspace } from '../support/workspace.js';
import { FULL_ORDER_IJB } from './ijb-models.js';

/**
 * The chair and directions cannot be written yet (issue 14): their facts answer
 * "not modelled", and the requirements are "not checked", never a finding. Here
 * the facts are made to answer as they will once the language can say it, so the
 * checks behind them fire and stay silent as they must.
 */
const facts = vi.hoisted(() => ({
    chair: undefined as undefined | ((forum: Forum) => ModelFact<{ chair?: Actor; viceChair?: Actor }>),
    directions: undefined as undefined | ((forum: Forum) => ModelFact<Array<{ to: Actor }>>)
}));

vi.mock('../../language-server/src/analysis/decision-rights.js', async original => {
    const actual = await original<typeof DecisionRights>();
    return {
        ...actual,
        forumChair: (forum: Forum) => facts.chair?.(forum) ?? actual.forumChair(forum),
        directionsOf: (forum: Forum) => facts.directions?.(forum) ?? actual.directionsOf(forum)
    };
});

const member = (forum: Forum, name: string): Actor =>
    [...forum.voting.map(s => s.actor.ref), ...forum.advisory.map(a => a.ref)].find(actor => actor?.name === name)!;

async function statutory(): Promise<string[]> {
    const { findings } = await checkWorkspace(FULL_ORDER_IJB);
    return findings.filter(f => f.rule.startsWith('statutory-')).map(f => f.message);
}

describe('requirements the model cannot show yet', () => {
    it('are not checked, and never a finding, while the facts are not modelled', async () => {
        facts.chair = undefined;
        facts.directions = undefined;
        const { services } = await checkWorkspace(FULL_ORDER_IJB);
        const [compliance] = services.analysis.IntegrationAnalysis.allArrangementModels()[0].compliance;
        const notChecked = compliance.results.filter(r => r.status === 'not-modelled').map(r => `${r.requirement.id}: ${r.detail}`);
        expect(notChecked).toEqual([
            'chair: not checked: the language cannot name a chair or vice-chair yet',
            'directions: not checked: the language cannot state directions yet'
        ]);
        expect(await statutory()).toEqual([]);
    });

    it('chair: silent for a chair and vice-chair from the voting members, one from each side', async () => {
        facts.chair = forum => ({ known: true, value: { chair: member(forum, 'NHSK'), viceChair: member(forum, 'KC') } });
        expect(await statutory()).toEqual([]);
    });

    it('chair: fires when the model does not say who chairs', async () => {
        facts.chair = () => ({ known: true, value: {} });
        expect(await statutory()).toEqual([expect.stringMatching(/art\. 4\)\. The model does not say who chairs Kinbrae Integration Joint Board/)]);
    });

    it('chair: fires for a chair who is not a voting member, and for both from one side', async () => {
        facts.chair = forum => ({ known: true, value: { chair: member(forum, 'CO'), viceChair: member(forum, 'KC') } });
        expect(await statutory()).toEqual([expect.stringContaining('Chief Officer chairs Kinbrae Integration Joint Board but is not one of its voting members')]);
        facts.chair = forum => ({ known: true, value: { chair: member(forum, 'KC'), viceChair: member(forum, 'KC') } });
        expect(await statutory()).toEqual([expect.stringContaining('must come one from each of')]);
    });

    it('directions: silent with directions to both partners, fires without one', async () => {
        facts.chair = undefined;
        facts.directions = forum => ({ known: true, value: [{ to: member(forum, 'NHSK') }, { to: member(forum, 'KC') }] });
        expect(await statutory()).toEqual([]);
        facts.directions = forum => ({ known: true, value: [{ to: member(forum, 'NHSK') }] });
        expect(await statutory()).toEqual([expect.stringMatching(/ss\.25–27\)\. .*issues no directions to an actor of role local-authority/)]);
        facts.directions = undefined;
    });
});
