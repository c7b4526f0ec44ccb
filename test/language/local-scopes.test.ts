import { describe, expect, it } from 'vitest';
import { isTeam, type Team } from '../../language-server/src/generated/ast.js';
import { checkWorkspace } from '../support/workspace.js';

/**
 * An arrangement sees its own elements, then its file's declarations, then the
 * workspace's names (references/scope-provider.ts): the file's level is built once
 * per file and kind of reference and shared by its arrangements, so it must answer
 * each of them as if it were its own.
 */
describe('local scopes', () => {
    const files = {
        'shared.joinery': 'actor Hub "Workspace hub" { sector third kind organisation }\n',
        'a.joinery': [
            'actor Panel "File panel" { sector statutory kind organisation }',
            'arrangement A { partners Panel\n forum Panel "A\'s panel" { kind board body }\n team T { staff Panel } }',
            'arrangement B { partners Panel\n team T { staff Panel } }',
            'arrangement C { partners Panel\n forum Panel "C\'s panel" { kind board body }\n team T { staff Panel } }',
            'arrangement D { partners Panel\n team T { staff Hub } }'
        ].join('\n')
    };

    it('finds an arrangement\'s own element first, then its file\'s declaration, then the workspace\'s, in every arrangement of the file', async () => {
        const models = await checkWorkspace(files);
        const staffOf = (name: string) => {
            const team = models.arrangement(name).elements.find(e => isTeam(e) && e.name === 'T') as Team;
            return team.staff.map(party => (party.ref as { title?: string } | undefined)?.title);
        };
        expect(['A', 'B', 'C', 'D'].map(staffOf)).toEqual([["A's panel"], ['File panel'], ["C's panel"], ['Workspace hub']]);
    });
});
