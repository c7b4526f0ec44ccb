// The "Check Workspace" request between the editor client and the server. The
// VS Code client (a CommonJS bundle) imports only its types, and makes its own
// RequestType of the same type, its method name checked against this one.
import { RequestType0 } from 'vscode-languageserver-protocol';

export const CHECK_WORKSPACE_METHOD = 'joinery/checkWorkspace';

/** Re-reads the workspace from disk (model files and joinery.json), re-checks it and republishes its diagnostics. */
export const CheckWorkspaceRequest = new RequestType0<WorkspaceCheckSummary, void>(CHECK_WORKSPACE_METHOD);

/** What the check found, for the editor to say in one line. */
export interface WorkspaceCheckSummary {
    files: number;
    error: number;
    warning: number;
    info: number;
}
