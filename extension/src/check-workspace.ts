import { commands, ProgressLocation, window, type Disposable } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { CheckWorkspaceRequest, WorkspaceCheckSummary } from '../../language-server/src/server/check-workspace-protocol.js' with { 'resolution-mode': 'import' };

export const CHECK_WORKSPACE_COMMAND = 'joinery.checkWorkspace';
const CHECK_WORKSPACE_REQUEST: CheckWorkspaceRequest['method'] = 'joinery/checkWorkspace';

/**
 * "Joinery: Check Workspace" (also what the server's code lens runs): the server
 * re-reads and re-checks every file, as `joinery check` would, then the Problems
 * panel shows the findings.
 */
export function registerCheckWorkspace(client: LanguageClient): Disposable {
    return commands.registerCommand(CHECK_WORKSPACE_COMMAND, async () => {
        const summary = await window.withProgress({ location: ProgressLocation.Window, title: 'Joinery: checking the workspace' },
            () => client.sendRequest<CheckWorkspaceRequest['result']>(CHECK_WORKSPACE_REQUEST));
        await commands.executeCommand('workbench.actions.view.problems');
        window.setStatusBarMessage(`Joinery: ${describe(summary)}`, 10_000);
    });
}

function describe(summary: WorkspaceCheckSummary): string {
    const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    return `${count(summary.error, 'error')}, ${count(summary.warning, 'warning')}, ${summary.info} info in ${count(summary.files, 'file')}`;
}
