import { DocumentState } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';

export const BUILD_STATISTICS_REQUEST = 'joinery/buildStatistics';

export interface BuildStatistics {
    /** Documents re-validated by the last build: after an edit, only the edited file and those that depend on it. */
    validatedDocuments: number;
    /** Documents in the workspace. */
    workspaceDocuments: number;
}

/** Answers `joinery/buildStatistics`, so a benchmark can see how much an edit re-checked. */
export function addBuildStatisticsHandler(connection: Connection, shared: LangiumSharedServices): void {
    let validated = 0;
    let current = 0;
    const builder = shared.workspace.DocumentBuilder;
    builder.onUpdate(() => { current = 0; });
    builder.onDocumentPhase(DocumentState.Validated, () => { current++; });
    builder.onBuildPhase(DocumentState.Validated, () => { validated = current; current = 0; });
    connection.onRequest(BUILD_STATISTICS_REQUEST, (): BuildStatistics => ({
        validatedDocuments: validated,
        workspaceDocuments: shared.workspace.LangiumDocuments.all.count()
    }));
}
