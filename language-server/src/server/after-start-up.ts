import { DocumentState } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { WorkspaceDiagnostics } from './workspace-diagnostics.js';

/** After the start-up build's diagnostics are out, so that this work does not delay them. */
const DELAY_MS = 1000;

/** How writing down the reads after start-up went (the build statistics report it). */
export interface ReadsAfterStartUp {
    /** From its start to its end, other requests answered between its steps included. */
    ms: number;
    /** False when an edit came first or stopped it (that edit's build wrote them down). */
    complete: boolean;
}

/**
 * The work start-up leaves for once its diagnostics are out: writing down what
 * each arrangement reads (workspace-diagnostics.ts), then `andThen` (the Node
 * server's collection of its heap, heap-after-start-up.ts, which then counts
 * the reads as live). Returns how the reads went, once they have.
 */
export function afterStartUp(shared: LangiumSharedServices, diagnostics: WorkspaceDiagnostics, andThen?: () => void): () => ReadsAfterStartUp | undefined {
    let reads: ReadsAfterStartUp | undefined;
    const firstBuild = shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => {
        firstBuild.dispose();
        setTimeout(() => {
            const started = performance.now();
            const done = (complete: boolean) => {
                reads = { ms: performance.now() - started, complete };
                andThen?.();
            };
            diagnostics.writeDownReads().then(done, () => done(false));
        }, DELAY_MS).unref?.();
    });
    return () => reads;
}
