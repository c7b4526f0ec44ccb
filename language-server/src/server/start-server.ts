import { startLanguageServer, WorkspaceState, type LangiumSharedServices, type ServiceRequirements } from 'langium/lsp';
import type { Connection, PublishDiagnosticsParams } from 'vscode-languageserver';
import { projectServices } from '../joinery-module.js';
import { addCheckWorkspaceHandler } from './check-workspace.js';
import { addBuildStatisticsHandler } from './build-statistics.js';
import type { HeapAfterStartUp } from './heap-after-start-up.js';
import { afterStartUp } from './after-start-up.js';
import { JoineryDocumentUpdateHandler } from '../lsp/document-update-handler.js';
import { DeferredReferenceIndexManager } from '../references/deferred-reference-index.js';
import { addIntegrationMapHandler, type MapLayouter } from './integration-map.js';
import { addWorkspaceDiagnosticsHandler } from './workspace-diagnostics.js';

/**
 * Langium's `startLanguageServer`, with every handler it installs, plus Joinery's
 * own requests (integration map, check workspace, build statistics). One thing is
 * different: diagnostics come from the whole workspace's findings, published per
 * file once a build is validated (so a gap found through another file is
 * published too), rather than each document's own validation as it is validated.
 * `layOutMap` is the program's: the Node server's layout thread, or in place in a web worker.
 * `heap` is the Node server's: its heap held near what is live once start-up's work is done.
 */
export function startJoineryLanguageServer(shared: LangiumSharedServices, layOutMap: MapLayouter, heap?: HeapAfterStartUp): void {
    const connection = shared.lsp.Connection;
    if (!connection) throw new Error('The Joinery language server needs a connection');
    const updateHandler = shared.lsp.DocumentUpdateHandler;
    if (updateHandler instanceof JoineryDocumentUpdateHandler) {
        updateHandler.projects = () => projectServices(shared).map(project => ({ ruleSettings: project.findings.EditorRuleSettings, profiles: project.profiles.ProfileRegistry }));
    }
    const publications = countPublications(takeOverDiagnostics(connection));
    const indexManager = shared.workspace.IndexManager;
    if (indexManager instanceof DeferredReferenceIndexManager) indexManager.indexAfterEachBuild(publications.written);
    const publishDiagnostics = publications.publish;
    const diagnostics = addWorkspaceDiagnosticsHandler(publishDiagnostics, shared);
    addIntegrationMapHandler(connection, shared, layOutMap);
    addCheckWorkspaceHandler(connection, shared);
    const readsAfterStartUp = afterStartUp(shared, diagnostics, () => heap?.tighten());
    addBuildStatisticsHandler(connection, shared, diagnostics, { reads: readsAfterStartUp, collection: () => heap?.collection() });
    // Last: it starts listening.
    startLanguageServer(shared, REQUIREMENTS);
}

/**
 * Where Joinery's providers need more built before they answer than Langium's
 * defaults (their own file): hover, quick fixes and the code lens read the whole
 * workspace's derived model and findings, so they wait for the whole workspace.
 * A hover on an unchanged file while another was being rebuilt read that one
 * half-built (and Langium logged each reference it could not resolve yet).
 */
const REQUIREMENTS: Partial<ServiceRequirements> = {
    HoverProvider: WorkspaceState.Linked,
    CodeActionProvider: WorkspaceState.Validated,
    CodeLensProvider: WorkspaceState.Validated
};

/**
 * Makes the connection's `sendDiagnostics` a no-op and returns the real one, for
 * Joinery's publisher alone. Langium calls it only in its per-document diagnostics
 * handler (`addDiagnosticsHandler`, installed by `startLanguageServer`), whose
 * publications would otherwise replace the workspace's findings in the editor.
 */
function takeOverDiagnostics(connection: Connection): (params: PublishDiagnosticsParams) => Promise<void> {
    const send = connection.sendDiagnostics.bind(connection);
    connection.sendDiagnostics = () => Promise.resolve();
    return send;
}

/**
 * The publisher, counting the publications not yet written to the client, and
 * `written`: a promise that they all are (at once when none is waiting).
 */
function countPublications(publish: (params: PublishDiagnosticsParams) => Promise<void>) {
    let waiting = 0;
    let whenWritten: Array<() => void> = [];
    const done = () => {
        if (--waiting > 0) return;
        const listeners = whenWritten;
        whenWritten = [];
        listeners.forEach(listener => listener());
    };
    return {
        publish: (params: PublishDiagnosticsParams): Promise<void> => {
            waiting++;
            return publish(params).finally(done);
        },
        written: (): Promise<void> => waiting === 0 ? Promise.resolve() : new Promise(resolve => whenWritten.push(resolve))
    };
}
