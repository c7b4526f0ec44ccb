import { describe, expect, it } from 'vitest';
import { checkWorkspace, pairs } from '../support/workspace.js';

const ACTORS = `actor H "Health board" { sector statutory }
actor V "Voluntary group" { sector third }
`;

function arrangement(before: string): string {
    return ACTORS + `arrangement A "A partnership" {
  partners H
  forum B "Board" { kind board voting H }
${before}  forum Chat "Chat group" { kind engagement voting H }
}
`;
}

describe('suppression comments', () => {
    it('silence one rule for the element on the next line', async () => {
        const plain = await checkWorkspace(arrangement(''));
        expect(pairs(plain.findings, 'isolated-forum')).toEqual(['isolated-forum Chat']);
        const suppressed = await checkWorkspace(arrangement('  // joinery-ignore isolated-forum: a social space, not meant to decide\n'));
        expect(pairs(suppressed.findings)).toEqual(pairs(plain.findings).filter(p => p !== 'isolated-forum Chat'));
    });

    it('keep what they silence, with the reason and where the comment stands, for the report\'s accepted risks', async () => {
        const plain = await checkWorkspace(arrangement(''));
        const { suppressed } = await checkWorkspace(arrangement('  // joinery-ignore isolated-forum: a social space, not meant to decide\n'));
        expect(suppressed).toHaveLength(1);
        const [accepted] = suppressed;
        const original = plain.findings.find(f => f.rule === 'isolated-forum')!;
        expect({ ...accepted, suppression: undefined, range: undefined }).toEqual({ ...original, suppression: undefined, range: undefined });
        expect(accepted.suppression.reason).toBe('a social space, not meant to decide');
        expect(accepted.suppression.range.start).toEqual({ line: 5, character: 2 }); // zero-based: the line before forum Chat
        expect(accepted.suppression.uri).toBe(accepted.uri);
        expect(plain.suppressed).toEqual([]);
    });

    it('report a suppression without a reason, while still silencing', async () => {
        const { findings } = await checkWorkspace(arrangement('  // joinery-ignore isolated-forum\n'));
        expect(pairs(findings, 'isolated-forum')).toEqual([]);
        const warning = findings.find(f => f.rule === 'suppression-without-reason');
        expect(warning?.severity).toBe('warning');
        expect(warning?.element).toBe('Chat');
        expect(warning?.range.start.line).toBe(5);
    });

    it('report a suppression that silences nothing, and one naming an unknown rule', async () => {
        const { findings } = await checkWorkspace(arrangement('  // joinery-ignore unmeasured-goal, isolated-forum, made-up-rule: reasons\n'));
        expect(pairs(findings, 'isolated-forum')).toEqual([]);
        const unused = findings.filter(f => f.rule === 'unused-suppression').map(f => f.message);
        expect(unused).toHaveLength(2);
        expect(unused.some(m => /unmeasured-goal reports nothing on Chat/.test(m))).toBe(true);
        expect(unused.some(m => /'made-up-rule', which is not a gap rule/.test(m))).toBe(true);
    });

    it('do not reach past a blank line or another declaration', async () => {
        const { findings } = await checkWorkspace(arrangement('  // joinery-ignore isolated-forum: reason\n\n'));
        expect(pairs(findings, 'isolated-forum')).toEqual(['isolated-forum Chat']);
        expect(findings.filter(f => f.rule === 'unused-suppression').map(f => f.message)).toEqual(['This joinery-ignore silences nothing: it must stand on the line directly before the element it is for']);
    });

    it('before a top-level actor, silence the rule in every arrangement', async () => {
        const model = `actor H { sector statutory }
// joinery-ignore no-board-voice: funded and heard through the national programme
actor V { sector third }
arrangement N { partners H forum B { kind board voting H } referral H -> V }
arrangement S { partners H forum B { kind board voting H } referral H -> V }
`;
        const { findings } = await checkWorkspace(model);
        expect(pairs(findings, 'no-board-voice')).toEqual([]);
        expect(pairs(findings, 'unused-suppression')).toEqual([]);
        const unsuppressed = await checkWorkspace(model.replace(/\/\/ joinery-ignore.*\n/, ''));
        expect(pairs(unsuppressed.findings, 'no-board-voice')).toEqual(['no-board-voice V', 'no-board-voice V']);
    });

    it('never silence model errors', async () => {
        const { findings } = await checkWorkspace(ACTORS + '// joinery-ignore reference: no\narrangement A { partners Nobody }');
        expect(pairs(findings, 'reference')).toEqual(['reference A']);
    });

    it('may name one sector of power-asymmetry, silencing that sector only (issue 14)', async () => {
        const model = (directive: string) => `actor H "Health board" { sector statutory }
actor V "Voluntary group" { sector third }
actor P "Provider" { sector independent }
${directive}arrangement A "A partnership" {
  partners H
  forum B "Board" { kind board voting H }
  service S1 { delivered by V }
  service S2 { delivered by P }
}
`;
        const plain = await checkWorkspace(model(''));
        expect(plain.findings.filter(f => f.rule === 'power-asymmetry').map(f => f.scope).sort()).toEqual(['independent', 'third']);
        const one = await checkWorkspace(model('// joinery-ignore power-asymmetry independent: providers are contracted through a framework\n'));
        expect(one.findings.filter(f => f.rule === 'power-asymmetry').map(f => f.scope)).toEqual(['third']);
        expect(pairs(one.findings, 'unused-suppression')).toEqual([]);
        const both = await checkWorkspace(model('// joinery-ignore power-asymmetry independent, third: both are outside this model\n'));
        expect(pairs(both.findings, 'power-asymmetry')).toEqual([]);
        const unused = await checkWorkspace(model('// joinery-ignore power-asymmetry community: no such finding\n'));
        expect(pairs(unused.findings, 'power-asymmetry')).toEqual(['power-asymmetry A', 'power-asymmetry A']);
        expect(unused.findings.filter(f => f.rule === 'unused-suppression').map(f => f.message)).toEqual([
            'This joinery-ignore silences nothing for the community sector: power-asymmetry reports nothing on A for it; remove it'
        ]);
        // A word after a rule that has no scopes is still an unknown rule.
        const stray = await checkWorkspace(model('// joinery-ignore no-board-voice third: reason\n'));
        expect(stray.findings.some(f => f.rule === 'unused-suppression' && /'third', which is not a gap rule/.test(f.message))).toBe(true);
    });
});
