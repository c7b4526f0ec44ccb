import { commands, ProgressLocation, window, type Disposable } from 'vscode';
import { RequestType0, type LanguageClient } from 'vscode-languageclient/node';
import type { CHECK_WORKSPACE_METHOD, CheckWorkspaceRequest, WorkspaceCheckSummary } from '../../language-server/src/server/check-workspace-protocol.js' with { 'resolution-mode': 'import' };

export const CHECK_WORKSPACE_COMMAND = 'joinery.checkWorkspace';
const CHECK_WORKSPACE: typeof CheckWorkspaceRequest = new RequestType0('joinery/checkWorkspace' satisfies typeof CHECK_WORKSPACE_METHOD);

/**
 * "Joinery: Check Workspace" (also what the server's code lens runs): the server
 * re-reads and re-checks every file, as `joinery check` would, then the Problems
 * panel shows the findings.
 */
export function registerCheckWorkspace(client: LanguageClient): Disposable {
    return commands.registerCommand(CHECK_WORKSPACE_COMMAND, async () => {
        const summary = await window.withProgress({ location: ProgressLocation.Window, title: 'Joinery: checking the workspace' },
            () => client.sendRequest(CHECK_WORKSPACE));
        await commands.executeCommand('workbench.actions.view.problems');
        window.setStatusBarMessage(`Joinery: ${describe(summary)}`, 10_000);
    });
}

function describe(summary: WorkspaceCheckSummary): string {
    const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    return `${count(summary.error, 'error')}, ${count(summary.warning, 'warning')}, ${summary.info} info in ${count(summary.files, 'file')}`;
}
