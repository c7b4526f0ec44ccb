import { describe, expect, it } from 'vitest';
import { checkWorkspace } from '../support/workspace.js';

/**
 * "Did you mean" reads the workspace's names from one index per build and the
 * file's own names per scope: the same suggestions as one search over the whole
 * scope, whichever file asks first and however many files ask for the same name.
 */
const suggestions = async (files: Record<string, string>) => (await checkWorkspace(files)).findings
    .filter(f => f.rule === 'reference').map(f => `${f.uri.split('/').pop()}: ${f.suggestion ?? '-'}`);

describe('did you mean', () => {
    it('suggests a name declared in another file to every file that misspells it', async () => {
        const files: Record<string, string> = { 'actors.joinery': 'actor NorthCouncil { sector statutory }\nactor NorthHealth { sector statutory }\n' };
        for (let i = 0; i < 5; i++) files[`a${i}.joinery`] = `arrangement A${i} { partners NorthCouncel, NorthHelth }\n`;
        expect(await suggestions(files)).toEqual([0, 1, 2, 3, 4].flatMap(i => [`a${i}.joinery: NorthCouncil`, `a${i}.joinery: NorthHealth`]));
    });

    it('weighs the arrangement\'s own names and the workspace\'s alike: the nearest wins, then the first alphabetically', async () => {
        const files = {
            'actors.joinery': 'actor Board2 { sector statutory }\n',
            'a.joinery': 'arrangement A { partners Board2\n forum Board1 { kind board }\n forum Plan { reports to Board3 } }\n',
            'b.joinery': 'arrangement B { partners Board2\n forum Plan { reports to Boardd } }\n'
        };
        // In A both Board1 (its own) and Board2 (not a forum) are one edit away; only a forum can be reported to.
        expect(await suggestions(files)).toEqual(['a.joinery: Board1', 'b.joinery: -']);
    });
});
