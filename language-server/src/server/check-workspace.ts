import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import { collectFindings, mergeProjectFindings } from '../checking/collect.js';
import { projectServices } from '../joinery-module.js';
import { JoineryWorkspaceManager } from '../workspace/workspace-manager.js';
import { CheckWorkspaceRequest, type WorkspaceCheckSummary } from './check-workspace-protocol.js';

/**
 * "Check Workspace": the editor asks for a full re-check, as `joinery check` would
 * do from the command line. Files changed, added or deleted outside the editor and
 * an edited joinery.json (and one added or removed, making or unmaking a
 * project) are picked up; the rebuild republishes every file's diagnostics, and
 * the answer counts the findings of every project.
 */
export function addCheckWorkspaceHandler(connection: Connection, shared: LangiumSharedServices): void {
    const workspace = shared.workspace;
    connection.onRequest(CheckWorkspaceRequest, async (): Promise<WorkspaceCheckSummary> => {
        await workspace.WorkspaceManager.ready;
        await workspace.WorkspaceLock.write(async token => {
            const manager = workspace.WorkspaceManager;
            // A file deleted from disk but still open in the editor stays, as the editor's text.
            if (manager instanceof JoineryWorkspaceManager) await manager.rescan(uri => workspace.TextDocuments?.get(uri) !== undefined, token);
        });
        const projects = projectServices(shared);
        for (const project of projects) await project.findings.EditorRuleSettings.reloadFile();
        const counts = { error: 0, warning: 0, info: 0 };
        for (const finding of mergeProjectFindings(projects.map(project => collectFindings(project, project.findings.EditorRuleSettings.current())))) counts[finding.severity]++;
        return { files: workspace.LangiumDocuments.all.count(), ...counts };
    });
}
