import { describe, expect, it } from 'vitest';
import { checkWorkspace, pairs } from '../support/workspace.js';

describe('smoke', () => {
    it('links an actor used by two arrangements in two files', async () => {
        const { findings } = await checkWorkspace({
            'a.joinery': 'actor H { sector statutory }',
            'b.joinery': 'arrangement N { partners H forum B { kind board voting H } }',
            'c.joinery': 'arrangement S { partners H forum B { kind board voting H } channel H -> N.B }'
        });
        expect(pairs(findings)).toEqual([]);
    });
});
