// The "Check Workspace" request between the editor client and the server: types
// only, so that the VS Code client (a CommonJS bundle) can import it with
// `import type` and still have its method name checked.

/** Re-reads the workspace from disk (model files and joinery.json), re-checks it and republishes its diagnostics. */
export const CHECK_WORKSPACE_REQUEST = 'joinery/checkWorkspace';

export interface CheckWorkspaceRequest {
    method: typeof CHECK_WORKSPACE_REQUEST;
    result: WorkspaceCheckSummary;
}

/** What the check found, for the editor to say in one line. */
export interface WorkspaceCheckSummary {
    files: number;
    error: number;
    warning: number;
    info: number;
}
