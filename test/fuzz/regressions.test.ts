import { describe, expect, it } from 'vitest';
import { FuzzWorkspace } from './fuzz-workspace.js';
import { toDiagnostic } from '../../language-server/src/lsp/diagnostic.js';
import { applyWorkspaceEdit } from './invariants.js';

/**
 * Failures the fuzzing found through keystrokes, which a replay of the kept files
 * does not retype: each as the smallest document and request that shows it.
 */
async function completionAt(text: string, offset: number): Promise<{ logged: string[]; labels: string[] }> {
    const workspace = new FuzzWorkspace();
    await workspace.load({ 'm.joinery': text });
    const document = workspace.document('m.joinery')!;
    const logged: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => { logged.push(args.map(String).join(' ')); };
    let labels: string[];
    try {
        const list = await workspace.services.lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset) });
        labels = list?.items.map(item => item.label) ?? [];
    } finally {
        console.error = original;
    }
    return { logged, labels };
}

describe('regressions found by fuzzing', () => {
    // Found as joinery-10k inputs 2398, 4353 and 6208 (server log: "Arrangement:to is not a valid reference id"):
    // error recovery leaves the unfinished channel's reference open after the closing brace.
    it('completes after an arrangement that ends in a channel with no target: top-level keywords, no error (lsp/completion.ts)', async () => {
        const text = 'actor H { sector third }\narrangement A { partners H\n  channel H ->  }';
        const { logged, labels } = await completionAt(text, text.length);
        expect(logged).toEqual([]);
        expect(labels).toEqual(expect.arrayContaining(['actor', 'arrangement']));
        expect(labels).not.toContain('H');
    });

    it('completes after an arrangement that ends in a bare `channel`: top-level keywords, no error (lsp/completion.ts)', async () => {
        const text = 'actor H { sector third }\narrangement A { partners H\n  channel  }';
        const { logged, labels } = await completionAt(text, text.length);
        expect(logged).toEqual([]);
        expect(labels).toEqual(expect.arrayContaining(['actor', 'arrangement']));
    });

    it('still completes the source and target of the unfinished channel inside the arrangement', async () => {
        for (const text of ['actor H { sector third }\narrangement A { partners H\n  channel ', 'actor H { sector third }\narrangement A { partners H\n  channel H -> ']) {
            for (const rest of [' }', '\n  team T { staff H }\n}']) {
                const { logged, labels } = await completionAt(text + rest, text.length);
                expect(logged).toEqual([]);
                expect(labels).toContain('H');
            }
        }
    });

    // Found as joinery-11-26 input 6006: both fixes were offered for each twin, so one of them fixed the other arrangement.
    it('offers the quick fix of a finding for its own arrangement only, when two arrangements share a title (lsp/code-actions.ts)', async () => {
        const files = {
            'm.joinery': 'actor NHS { sector statutory }\nactor TSI { sector third represents Groups }\nactor Groups { sector third kind network }\n'
                + 'arrangement North "Locality" { partners NHS\n  forum IJB { kind board voting NHS advisory TSI }\n}\n'
                + 'arrangement South "Locality" { partners NHS\n  forum IJB { kind board voting NHS advisory TSI }\n}\n'
        };
        const workspace = new FuzzWorkspace();
        await workspace.load(files);
        const twins = workspace.findings().filter(f => f.rule === 'one-way-representation');
        expect(twins.map(f => f.arrangement)).toEqual(['North', 'South']);
        expect(twins[0].message).toBe(twins[1].message);
        for (const finding of twins) {
            await workspace.load(files);
            const document = workspace.document('m.joinery')!;
            const actions = await workspace.services.lsp.CodeActionProvider!.getCodeActions(document, { textDocument: { uri: finding.uri }, range: finding.range, context: { diagnostics: [toDiagnostic(finding)] } }) ?? [];
            expect(actions.map(a => a.title)).toEqual(['Add a two-way channel from Groups to TSI']);
            await workspace.load(applyWorkspaceEdit(files, (actions[0] as { edit: Parameters<typeof applyWorkspaceEdit>[1] }).edit));
            expect(workspace.findings().filter(f => f.rule === 'one-way-representation').map(f => f.arrangement)).toEqual(twins.filter(t => t !== finding).map(t => t.arrangement));
        }
    });
});
