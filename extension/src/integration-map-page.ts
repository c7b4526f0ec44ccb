/** What the map's webview page needs from the extension host. */
export interface MapPageOptions {
    /** `webview.cspSource`: where the webview may load local resources from. */
    cspSource: string;
    /** A fresh random value per page: only the page's own script and style carry it. */
    nonce: string;
    /** `webview.asWebviewUri(...)` of the bundled map script. */
    scriptUri: string;
}

/**
 * The integration map's webview page, after VS Code's webview security guidance: a
 * Content-Security-Policy that allows nothing but this page's nonce'd style and
 * script and local images, no remote resource, and no model text: the map arrives
 * later as a message and is painted with DOM calls.
 */
export function integrationMapPage(options: MapPageOptions): string {
    const { cspSource, nonce, scriptUri } = options;
    const policy = [
        "default-src 'none'",
        `img-src ${cspSource} data:`,
        `style-src 'nonce-${nonce}'`,
        `script-src 'nonce-${nonce}'`
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attribute(policy)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Integration map</title>
<style nonce="${attribute(nonce)}">${PAGE_CSS}</style>
</head>
<body>
<script nonce="${attribute(nonce)}" src="${attribute(scriptUri)}"></script>
</body>
</html>`;
}

/** The page's own values (a nonce, a URI) still go through attribute escaping. */
function attribute(value: string): string {
    return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const PAGE_CSS = `
body { margin: 0; padding: 0 12px 12px; font-family: var(--vscode-font-family, sans-serif); font-size: var(--vscode-font-size, 13px);
  color: var(--vscode-foreground, #1e293b); background: var(--vscode-editor-background, #ffffff); }
.map-header { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; padding: 8px 0; }
.map-title { font-size: 1.2em; margin: 0; flex: 1 1 auto; }
.map-picker, .map-fit { font: inherit; color: var(--vscode-input-foreground, inherit); background: var(--vscode-input-background, #fff);
  border: 1px solid var(--vscode-input-border, #cbd5e1); padding: 2px 6px; }
.map-fit[aria-pressed="true"] { background: var(--vscode-button-background, #2563eb); color: var(--vscode-button-foreground, #fff); }
.map-summary { margin: 0 0 8px; padding-left: 18px; }
.map-summary .gap { color: var(--vscode-errorForeground, #b91c1c); font-weight: 600; }
.map-status:empty { display: none; }
.map-canvas { overflow: auto; border: 1px solid var(--vscode-panel-border, #e2e8f0); border-radius: 4px; background: #ffffff; }
.map-canvas.fit svg { width: 100%; height: auto; }
.map-canvas g[data-node] { cursor: pointer; }
.map-canvas g[data-node]:hover rect.card, .map-canvas g[data-node]:focus rect.card { stroke-width: 4; }
.map-canvas g[data-node]:focus { outline: none; }
`;
