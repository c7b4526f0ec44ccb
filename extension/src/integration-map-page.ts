import { MAP_CSS } from './map-view/map-style.js';

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
        // data: for the PNG export, drawn from the map's own SVG.
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
${MAP_CSS}`;
