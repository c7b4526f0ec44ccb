import * as lsp from 'langium/lsp';
import type { LangiumSharedServices } from 'langium/lsp';
import type { JoineryServices } from '../joinery-module.js';
import { addCheckWorkspaceHandler } from './check-workspace.js';
import { addBuildStatisticsHandler } from './build-statistics.js';
import { JoineryDocumentUpdateHandler } from '../lsp/document-update-handler.js';
import { DeferredReferenceIndexManager } from '../references/deferred-reference-index.js';
import { addIntegrationMapHandler } from './integration-map.js';
import { addWorkspaceDiagnosticsHandler } from './workspace-diagnostics.js';

/**
 * Langium's `startLanguageServer`, except that diagnostics come from the whole
 * workspace's findings (so a gap found through another file is published too)
 * rather than from each document's own validation.
 */
export function startJoineryLanguageServer(shared: LangiumSharedServices, joinery: JoineryServices): void {
    const connection = shared.lsp.Connection;
    if (!connection) throw new Error('The Joinery language server needs a connection');
    const ruleSettings = joinery.findings.EditorRuleSettings;
    const updateHandler = shared.lsp.DocumentUpdateHandler;
    if (updateHandler instanceof JoineryDocumentUpdateHandler) {
        updateHandler.ruleSettings = ruleSettings;
        updateHandler.profiles = joinery.profiles.ProfileRegistry;
    }
    const indexManager = shared.workspace.IndexManager;
    if (indexManager instanceof DeferredReferenceIndexManager) indexManager.indexAfterEachBuild();
    lsp.addDocumentUpdateHandler(connection, shared);
    lsp.addFileOperationHandler(connection, shared);
    addWorkspaceDiagnosticsHandler(connection, shared, joinery, ruleSettings);
    addIntegrationMapHandler(connection, shared, joinery, ruleSettings);
    addCheckWorkspaceHandler(connection, shared, joinery, ruleSettings);
    addBuildStatisticsHandler(connection, shared);
    lsp.addCompletionHandler(connection, shared);
    lsp.addFindReferencesHandler(connection, shared);
    lsp.addDocumentSymbolHandler(connection, shared);
    lsp.addGotoDefinitionHandler(connection, shared);
    lsp.addGoToTypeDefinitionHandler(connection, shared);
    lsp.addGoToImplementationHandler(connection, shared);
    lsp.addDocumentHighlightsHandler(connection, shared);
    lsp.addFoldingRangeHandler(connection, shared);
    lsp.addFormattingHandler(connection, shared);
    lsp.addCodeActionHandler(connection, shared);
    lsp.addRenameHandler(connection, shared);
    lsp.addHoverHandler(connection, shared);
    lsp.addInlayHintHandler(connection, shared);
    lsp.addSemanticTokenHandler(connection, shared);
    lsp.addExecuteCommandHandler(connection, shared);
    lsp.addSignatureHelpHandler(connection, shared);
    lsp.addCallHierarchyHandler(connection, shared);
    lsp.addTypeHierarchyHandler(connection, shared);
    lsp.addCodeLensHandler(connection, shared);
    lsp.addDocumentLinkHandler(connection, shared);
    lsp.addConfigurationChangeHandler(connection, shared);
    lsp.addGoToDeclarationHandler(connection, shared);
    lsp.addWorkspaceSymbolHandler(connection, shared);
    connection.onInitialize(params => shared.lsp.LanguageServer.initialize(params));
    connection.onInitialized(params => shared.lsp.LanguageServer.initialized(params));
    shared.workspace.TextDocuments.listen(connection);
    connection.listen();
}
