/** The playground's layout: the editor and its findings on the left, the map on the right. */
export const PAGE_CSS = `
html, body { height: 100%; }
body { margin: 0; display: flex; flex-direction: column; font-family: system-ui, "Segoe UI", sans-serif; font-size: 13px; }
body.vscode-light { --vscode-foreground: #1e293b; --vscode-editor-background: #ffffff; color: #1e293b; background: #ffffff; }
body.vscode-dark { --vscode-foreground: #d4d4d4; --vscode-editor-foreground: #d4d4d4; --vscode-editor-background: #1e1e1e; --vscode-input-background: #3c3c3c;
  --vscode-input-foreground: #ccc; --vscode-button-secondaryBackground: #3a3d41; --vscode-button-secondaryForeground: #ccc; --vscode-panel-border: #444; color: #d4d4d4; background: #1e1e1e; }
body.vscode-high-contrast { --vscode-foreground: #fff; --vscode-editor-foreground: #fff; --vscode-editor-background: #000; --vscode-input-background: #000;
  --vscode-input-foreground: #fff; --vscode-button-secondaryBackground: #000; --vscode-button-secondaryForeground: #fff; --vscode-panel-border: #6fc3df; --vscode-contrastBorder: #6fc3df; color: #fff; background: #000; }
.page-header { display: flex; gap: 8px; align-items: center; padding: 6px 12px; border-bottom: 1px solid var(--vscode-panel-border, #e2e8f0); flex-wrap: wrap; }
.page-title { font-size: 1.1em; margin: 0 12px 0 0; }
.server-state { margin-left: auto; opacity: 0.8; }
.page-main { flex: 1 1 auto; display: flex; min-height: 0; }
.editor-pane { flex: 1 1 50%; display: flex; flex-direction: column; min-width: 0; border-right: 1px solid var(--vscode-panel-border, #e2e8f0); }
.editor { flex: 1 1 auto; min-height: 200px; }
.findings-title { font-size: 1em; margin: 6px 12px; }
.findings { list-style: none; margin: 0; padding: 0 6px 6px; max-height: 30vh; overflow: auto; }
.finding-link { all: unset; display: flex; gap: 8px; width: 100%; padding: 2px 6px; cursor: pointer; box-sizing: border-box; }
.finding-link:hover, .finding-link:focus-visible { background: rgba(100, 116, 139, 0.15); }
.finding-place { min-width: 4em; opacity: 0.8; }
.finding-message { flex: 1 1 auto; }
.finding-rule { opacity: 0.7; }
.severity-error .finding-place::before { content: "✖ "; color: #dc2626; }
.severity-warning .finding-place::before { content: "⚠ "; color: #d97706; }
.severity-info .finding-place::before { content: "ℹ "; color: #2563eb; }
.map-pane { flex: 1 1 50%; min-width: 0; padding: 0 12px 12px; overflow: hidden; }
.map-pane .map-canvas { height: calc(100vh - 190px); }
`;
