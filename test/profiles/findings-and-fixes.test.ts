import { describe, expect, it } from 'vitest';
import type { WorkspaceEdit } from 'vscode-languageserver';
import { FuzzWorkspace } from '../fuzz/fuzz-workspace.js';
import { quickFixInvariants } from '../fuzz/invariants.js';
import { Random } from '../fuzz/random.js';
import { toDiagnostic } from '../../language-server/src/lsp/diagnostic.js';
import { complianceLine } from '../../language-server/src/lsp/compliance-lens.js';
import { applyWorkspaceEdit } from '../support/lsp-text.js';
import { checkWorkspace } from '../support/workspace.js';
import { FULL_ADVISORY, FULL_ORDER_IJB, ijb, IJB_ACTORS, SIX_TO_TWO_IJB } from './ijb-models.js';

const without = (list: string, name: string) => list.split(', ').filter(n => n !== name).join(', ');

async function fixesFor(text: string, rule: string) {
    const workspace = new FuzzWorkspace();
    const [document] = await workspace.load({ 'model.joinery': text });
    const findings = workspace.findings().filter(f => f.rule === rule);
    const provider = workspace.services.lsp.CodeActionProvider!;
    const actions = [];
    for (const finding of findings) {
        actions.push(...(await provider.getCodeActions(document, { textDocument: { uri: finding.uri }, range: finding.range, context: { diagnostics: [toDiagnostic(finding)] } }) ?? []));
    }
    return { workspace, findings, actions: actions as Array<{ title: string; edit?: WorkspaceEdit; isPreferred?: boolean }> };
}

describe('statutory findings', () => {
    it('are on the forum, in its arrangement', async () => {
        const { findings } = await checkWorkspace(SIX_TO_TWO_IJB);
        const statutory = findings.filter(f => f.rule.startsWith('statutory-'));
        expect(new Set(statutory.map(f => `${f.arrangement} ${f.element}`))).toEqual(new Set(['Kinbrae IJB']));
    });

    it('never silence another rule\'s finding: a profile only adds what the law requires', async () => {
        const plain = (await checkWorkspace(SIX_TO_TWO_IJB.replace(' profile scotland-ijb', ''))).findings;
        const profiled = (await checkWorkspace(SIX_TO_TWO_IJB)).findings;
        const key = (f: { rule: string; element?: string; message: string }) => `${f.rule} ${f.element} ${f.message}`;
        expect(profiled.filter(f => !f.rule.startsWith('statutory-')).map(key)).toEqual(plain.map(key));
    });

    it('can be suppressed with a reason, on the line before the forum', async () => {
        const text = FULL_ORDER_IJB.replace('  forum IJB', '  // joinery-ignore statutory-membership: the chief officer attends by standing invitation\n  forum IJB')
            .replace(`advisory ${FULL_ADVISORY}`, `advisory ${without(FULL_ADVISORY, 'CO')}`);
        const { findings } = await checkWorkspace(text);
        expect(findings.filter(f => f.rule.startsWith('statutory-') || f.rule.includes('suppression'))).toEqual([]);
    });

    it('offer to add the missing member as an advisory member, and the fix removes the finding', async () => {
        const { actions, workspace } = await fixesFor(ijb('NHSK 4, KC 4', without(FULL_ADVISORY, 'CO')), 'statutory-membership');
        // The fix, then the suppression every gap finding offers (issue 16).
        expect(actions.map(a => a.title)).toEqual(['Add Chief Officer (role chief-officer) as an advisory member of Kinbrae Integration Joint Board', 'Suppress statutory-membership for IJB…']);
        const fixed = applyWorkspaceEdit({ [workspace.document('model.joinery')!.uri.toString()]: workspace.document('model.joinery')!.textDocument.getText() }, actions[0].edit!);
        const after = await checkWorkspace(Object.values(fixed)[0]);
        expect(after.findings.filter(f => f.rule.startsWith('statutory-'))).toEqual([]);
    });

    it('offer to declare an actor of the role when the workspace has none', async () => {
        const text = ijb('NHSK 4, KC 4', without(FULL_ADVISORY, 'Nurse')).replace(/\nactor Nurse .*/, '');
        const { actions, workspace } = await fixesFor(text, 'statutory-membership');
        expect(actions.map(a => a.title)).toEqual(['Declare an actor of role nurse and add it as an advisory member of Kinbrae Integration Joint Board', 'Suppress statutory-membership for IJB…']);
        const document = workspace.document('model.joinery')!;
        const fixed = Object.values(applyWorkspaceEdit({ [document.uri.toString()]: document.textDocument.getText() }, actions[0].edit!))[0];
        expect(fixed).toContain('actor Nurse "Registered nurse employed by the Health Board (or by a GP contractor)" { sector statutory kind role role nurse }');
        const after = await checkWorkspace(fixed);
        expect(after.findings.filter(f => f.rule.startsWith('statutory-') || f.severity === 'error')).toEqual([]);
    });

    it('keep every quick fix honest on the six-to-two board (the invariant harness: each removes its finding, adds no error)', async () => {
        const report = await quickFixInvariants(new FuzzWorkspace(), { 'model.joinery': SIX_TO_TWO_IJB }, new Random(15), 50);
        expect(report.violations).toEqual([]);
        expect(report.checked).toBeGreaterThanOrEqual(10);
    });
});

describe('profile and role ids that no profile defines', () => {
    it('are semantic errors with "did you mean", and the quick fix takes the suggestion', async () => {
        const text = FULL_ORDER_IJB.replace('profile scotland-ijb', 'profile scotland-ibj').replace('role chief-officer', 'role chief-oficer');
        const { findings } = await checkWorkspace(text);
        const errors = findings.filter(f => f.rule === 'semantic');
        expect(errors.map(f => f.message)).toEqual([
            expect.stringContaining("Unknown role 'chief-oficer'; did you mean 'chief-officer'?"),
            expect.stringContaining("Unknown profile 'scotland-ibj'; did you mean 'scotland-ijb'?")
        ]);
        const workspace = new FuzzWorkspace();
        const [document] = await workspace.load({ 'model.joinery': text });
        const provider = workspace.services.lsp.CodeActionProvider!;
        let fixed = text;
        for (const finding of workspace.findings().filter(f => f.rule === 'semantic')) {
            const [action] = await provider.getCodeActions(document, { textDocument: { uri: finding.uri }, range: finding.range, context: { diagnostics: [toDiagnostic(finding)] } }) as Array<{ edit: WorkspaceEdit }>;
            fixed = Object.values(applyWorkspaceEdit({ [document.uri.toString()]: fixed }, action.edit))[0];
        }
        expect((await checkWorkspace(fixed)).findings.filter(f => f.rule === 'semantic' || f.rule.startsWith('statutory-'))).toEqual([]);
    });

    it('say when a role is for forums, not actors', async () => {
        const { findings } = await checkWorkspace(`${IJB_ACTORS}actor X { sector statutory role locality }`);
        expect(findings.filter(f => f.rule === 'semantic').map(f => f.message)).toEqual([expect.stringContaining("Role 'locality' is a role for forums (in scotland-ijb); an actor cannot carry it")]);
    });

    it('allow a profile once per forum', async () => {
        const { findings } = await checkWorkspace('arrangement A { forum F { kind board profile marac profile marac } }');
        expect(findings.filter(f => f.rule === 'semantic').map(f => f.message)).toEqual([expect.stringContaining('`profile` is given 2 times in forum F')]);
    });
});

describe('the code lens of a profiled forum', () => {
    it('says how many requirements are met', async () => {
        const lines = async (text: string) => (await checkWorkspace(text)).services.analysis.IntegrationAnalysis.allArrangementModels().flatMap(m => m.compliance).map(complianceLine);
        expect(await lines(FULL_ORDER_IJB)).toEqual(['scotland-ijb: 17 of 17 requirements met']);
        expect(await lines(SIX_TO_TWO_IJB)).toEqual(['scotland-ijb: 6 of 17 requirements met · 11 unmet']);
    });
});
