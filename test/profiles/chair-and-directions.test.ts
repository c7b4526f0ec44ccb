import { describe, expect, it } from 'vitest';
import { checkWorkspace } from '../support/workspace.js';
import { FULL_ADVISORY, FULL_ORDER_IJB, ijb, STRUCTURE } from './ijb-models.js';

/**
 * The chair (art. 4) and the directions (ss.25–27) of a Scottish IJB, read from
 * what the language states: `chair`, `vice-chair` and `direction … { from IJB to … }`.
 */
async function statutory(model: string): Promise<string[]> {
    const { findings } = await checkWorkspace(model);
    expect(findings.filter(f => ['syntax', 'reference', 'semantic'].includes(f.rule)).map(f => f.message)).toEqual([]);
    return findings.filter(f => f.rule.startsWith('statutory-')).map(f => f.message);
}

const board = (chairs: string, rest = STRUCTURE) => ijb('NHSK 4, KC 4', FULL_ADVISORY, rest, chairs);

describe('the chair of a profiled board', () => {
    it('is silent for a chair and vice-chair from the voting members, one from each side', async () => {
        expect(await statutory(FULL_ORDER_IJB)).toEqual([]);
        expect(await statutory(board('chair KC vice-chair NHSK'))).toEqual([]);
    });

    it('fires when the model does not say who chairs or who is vice-chair', async () => {
        expect(await statutory(board(''))).toEqual([expect.stringMatching(/art\. 4\)\. The model does not say who chairs Kinbrae Integration Joint Board; the model does not say who is vice-chair/)]);
        expect(await statutory(board('chair NHSK'))).toEqual([expect.stringContaining('The model does not say who is vice-chair of Kinbrae Integration Joint Board.')]);
    });

    it('fires for a chair who is not a voting member (a post may chair, but the Order wants a voting member)', async () => {
        expect(await statutory(board('chair CO vice-chair KC'))).toEqual([expect.stringContaining('Chief Officer chairs Kinbrae Integration Joint Board but is not one of its voting members')]);
    });

    it('fires for a chair and vice-chair from one side', async () => {
        expect(await statutory(board('chair KC vice-chair KC'))).toEqual([expect.stringContaining('must come one from each of')]);
    });
});

describe('the directions of a profiled board', () => {
    it('are met by a direction to each partner', async () => {
        const { services } = await checkWorkspace(FULL_ORDER_IJB);
        const [compliance] = services.analysis.IntegrationAnalysis.allArrangementModels()[0].compliance;
        const directions = compliance.results.find(r => r.requirement.id === 'directions')!;
        expect([directions.status, directions.detail]).toEqual(['met', 'Direction to NHS Kinbrae to NHS Kinbrae, Direction to Kinbrae Council to Kinbrae Council']);
    });

    it('fire without a direction to one partner, and without any', async () => {
        expect(await statutory(board('chair NHSK vice-chair KC', STRUCTURE.replace(/\n.*direction ToKC.*/, ''))))
            .toEqual([expect.stringMatching(/ss\.25–27\)\. .*issues no directions to an actor of role local-authority/)]);
        expect(await statutory(board('chair NHSK vice-chair KC', STRUCTURE.replace(/\n.*direction .*/g, ''))))
            .toEqual([expect.stringMatching(/issues no directions to an actor of role health-board or local-authority/)]);
    });

    it('count only those the board itself issues', async () => {
        const other = STRUCTURE.replace('{ from IJB to KC }', '{ from Other to KC }') + '\n  forum Other "Another board" { kind board voting NHSK, KC }';
        expect(await statutory(board('chair NHSK vice-chair KC', other))).toEqual([expect.stringContaining('issues no directions to an actor of role local-authority')]);
    });
});
