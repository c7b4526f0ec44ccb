import { DocumentState } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { RequestType0, type Connection } from 'vscode-languageserver';
import type { WorkspaceDiagnostics } from './workspace-diagnostics.js';
import type { StartUpCollection } from './heap-after-start-up.js';
import type { ReadsAfterStartUp } from './after-start-up.js';
import { projectServices } from '../joinery-module.js';

export interface BuildStatistics {
    /** Documents re-validated by the last build: after an edit, only the edited file and those that depend on it. */
    validatedDocuments: number;
    /** Documents in the workspace. */
    workspaceDocuments: number;
    /** Builds validated since the server started, start-up's included: a file opened or closed as it was built makes none. */
    builds: number;
    /**
     * Milliseconds the last build after an edit spent in each step, in order: `parse`, `index`
     * (exported names), `scopes`, `link`, `references` (indexed), `validate`, and
     * `findings` (the gap analysis, the rules and publishing the diagnostics).
     */
    phaseMs: Record<string, number>;
    /**
     * Milliseconds from the last edit's arrival until every file's diagnostics of it
     * were published, the second step of the answer (workspace-diagnostics.ts) included.
     */
    settledMs?: number;
    /** The last build's arrangements, and those whose findings were kept from the build before (their reads held). */
    arrangements?: { total: number; kept: number };
    /** The reads the start-up build left out, once written down (after-start-up.ts): edits before then are full ones. */
    readsAfterStartUp?: ReadsAfterStartUp;
    /** The Node server's one full collection after start-up (heap-after-start-up.ts), once made. */
    startUpCollection?: StartUpCollection;
}

/** What start-up left for later, as it went. */
export interface AfterStartUpStatistics {
    reads(): ReadsAfterStartUp | undefined;
    collection(): StartUpCollection | undefined;
}

/** What the last build after an edit did (the benchmark and the large-workspace test read it). */
export const BuildStatisticsRequest = new RequestType0<BuildStatistics, void>('joinery/buildStatistics');

const PHASES: Array<[DocumentState, string]> = [
    [DocumentState.Parsed, 'parse'], [DocumentState.IndexedContent, 'index'], [DocumentState.ComputedScopes, 'scopes'],
    [DocumentState.Linked, 'link'], [DocumentState.IndexedReferences, 'references']
];

/**
 * Answers `joinery/buildStatistics`, so a benchmark can see how much an edit
 * re-checked and where the time went. Register it after the diagnostics handler:
 * its last step ends when that handler has published.
 */
export function addBuildStatisticsHandler(connection: Connection, shared: LangiumSharedServices, diagnostics: WorkspaceDiagnostics, afterStartUp?: AfterStartUpStatistics): void {
    let last: BuildStatistics | undefined;
    /** When the last edit arrived (the builder's update), for `settledMs`. */
    let editedAt: number | undefined;
    let validated = 0;
    /** Timing starts at an edit; the workspace's first build reads files before the builder runs. */
    let started: number | undefined;
    let previous = 0, validatedAt = 0;
    let phaseMs: Record<string, number> = {};
    const step = (name: string, at = performance.now()) => {
        phaseMs[name] = (phaseMs[name] ?? 0) + at - previous;
        previous = at;
    };
    const builder = shared.workspace.DocumentBuilder;
    builder.onUpdate(() => {
        editedAt = performance.now();
        validated = 0;
        phaseMs = {};
        started = previous = performance.now();
    });
    for (const [state, name] of PHASES) builder.onBuildPhase(state, () => { if (started !== undefined) step(name); });
    builder.onDocumentPhase(DocumentState.Validated, () => {
        validated++;
        validatedAt = performance.now();
    });
    let builds = 0;
    builder.onBuildPhase(DocumentState.Validated, () => {
        builds++;
        if (started !== undefined) {
            step('validate', validatedAt || performance.now());
            step('findings');
            phaseMs.total = previous - started;
        }
        last = { validatedDocuments: validated, workspaceDocuments: shared.workspace.LangiumDocuments.all.count(), builds, phaseMs, ...(settledEarly !== undefined ? { settledMs: settledEarly } : {}) };
        const held = projectServices(shared).map(project => project.analysis.IntegrationAnalysis.readsHeld());
        if (held.every(project => project !== undefined)) last.arrangements = { total: sum(held.map(project => project.arrangements)), kept: sum(held.map(project => project.held)) };
        settledEarly = undefined;
        started = undefined;
        validated = 0;
        validatedAt = 0;
    });
    /** Settled before this handler saw the build validated (the diagnostics handler runs first). */
    let settledEarly: number | undefined;
    diagnostics.onSettled(() => {
        if (editedAt === undefined) return;
        const settledMs = performance.now() - editedAt;
        if (started !== undefined) settledEarly = settledMs;
        else if (last) last.settledMs = settledMs;
    });
    connection.onRequest(BuildStatisticsRequest, () => {
        const statistics: BuildStatistics = { ...(last ?? { validatedDocuments: 0, workspaceDocuments: shared.workspace.LangiumDocuments.all.count(), phaseMs: {} }), builds };
        const reads = afterStartUp?.reads();
        const collection = afterStartUp?.collection();
        if (reads) statistics.readsAfterStartUp = reads;
        if (collection) statistics.startUpCollection = collection;
        return statistics;
    });
}

function sum(values: number[]): number {
    return values.reduce((total, value) => total + value, 0);
}
