/**
 * The map panel's stylesheet, for the VS Code webview (in its nonce'd <style>) and
 * the playground. Colours come from VS Code's theme variables, with light
 * fallbacks. The scene paints itself with presentation attributes (the light
 * palette of the report); in a dark or high-contrast theme these rules, which
 * win over presentation attributes, repaint backgrounds, cards, text and dark lines.
 */
export const MAP_CSS = `
.map-header { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; padding: 8px 0; }
.map-title { font-size: 1.2em; margin: 0; flex: 1 1 auto; }
.map-toolbar { display: flex; gap: 4px; align-items: center; }
.map-picker, .map-button, .map-filter-board, .map-filter-sector { font: inherit; color: var(--vscode-input-foreground, inherit);
  background: var(--vscode-input-background, #fff); border: 1px solid var(--vscode-input-border, #cbd5e1); padding: 2px 6px; }
.map-button { cursor: pointer; min-width: 2em; color: var(--vscode-button-secondaryForeground, inherit); background: var(--vscode-button-secondaryBackground, #f1f5f9); }
.map-button:hover { background: var(--vscode-button-secondaryHoverBackground, #e2e8f0); }
.map-button:focus-visible, .map-canvas:focus-visible { outline: 1px solid var(--vscode-focusBorder, #2563eb); outline-offset: 1px; }
.map-summary { margin: 0 0 8px; padding-left: 18px; }
.map-summary .gap { color: var(--vscode-errorForeground, #b91c1c); font-weight: 600; }
.map-status:empty { display: none; }
.map-canvas { position: relative; overflow: hidden; height: calc(100vh - 150px); min-height: 240px; border: 1px solid var(--vscode-panel-border, #e2e8f0);
  border-radius: 4px; background: var(--vscode-editor-background, #ffffff); cursor: grab; touch-action: none; }
.map-canvas.panning { cursor: grabbing; }
.map-canvas svg { display: block; user-select: none; }
.map-canvas g[data-node] { cursor: pointer; }
.map-canvas g[data-node]:hover rect.card, .map-canvas g[data-node]:focus rect.card { stroke-width: 4; }
.map-canvas g[data-node]:focus { outline: none; }
.map-hidden { display: none; }

/* Dark themes: the page's background, the cards' sector colours as tints, light text and dark lines made light. */
body.vscode-dark .joinery-map .map-background, body.vscode-high-contrast .joinery-map .map-background { fill: var(--vscode-editor-background, #1e1e1e); }
body.vscode-dark .joinery-map .band-fill { fill: var(--vscode-editor-foreground, #ccc); fill-opacity: 0.04; }
body.vscode-dark .joinery-map .band:nth-of-type(2n) .band-fill { fill-opacity: 0.08; }
body.vscode-dark .joinery-map text { fill: var(--vscode-editor-foreground, #d4d4d4); }
body.vscode-dark .joinery-map .card-kind, body.vscode-dark .joinery-map .card-note, body.vscode-dark .joinery-map .band-level { fill: var(--vscode-descriptionForeground, #a0a0a0); }
body.vscode-dark .joinery-map .card-badge, body.vscode-dark .joinery-map .gap-label, body.vscode-dark .joinery-map .gap .line-label { fill: var(--vscode-errorForeground, #f48771); }
body.vscode-dark .joinery-map rect.card { fill-opacity: 0.18; }
body.vscode-dark .joinery-map .label-back { fill: var(--vscode-editor-background, #1e1e1e); }
body.vscode-dark .joinery-map .gutter-rule { fill: var(--vscode-panel-border, #444); }
body.vscode-dark .joinery-map .edge-voting path.line, body.vscode-dark .joinery-map .edge-reports-to path.line,
body.vscode-dark .joinery-map .legend-vote, body.vscode-dark .joinery-map .legend-reports { stroke: var(--vscode-editor-foreground, #d4d4d4); }
body.vscode-dark .joinery-map marker[id$="-arrow-vote"] path, body.vscode-dark .joinery-map marker[id$="-arrow-reports"] path { fill: var(--vscode-editor-foreground, #d4d4d4); }
body.vscode-dark .joinery-map .board rect.card { stroke: var(--vscode-editor-foreground, #d4d4d4); }

/* High contrast: no fills, the theme's contrast border on every card, gaps in the error colour. */
body.vscode-high-contrast .joinery-map .band-fill, body.vscode-high-contrast .joinery-map rect.card,
body.vscode-high-contrast .joinery-map .label-back, body.vscode-high-contrast .joinery-map .legend-swatch { fill: var(--vscode-editor-background, #000); }
body.vscode-high-contrast .joinery-map rect.card { stroke: var(--vscode-contrastBorder, #6fc3df); }
body.vscode-high-contrast .joinery-map .gap rect.card, body.vscode-high-contrast .joinery-map .legend-gap { stroke: var(--vscode-errorForeground, #f48771); }
body.vscode-high-contrast .joinery-map text { fill: var(--vscode-editor-foreground, #fff); }
body.vscode-high-contrast .joinery-map .card-badge, body.vscode-high-contrast .joinery-map .gap-label { fill: var(--vscode-errorForeground, #f48771); }
body.vscode-high-contrast .joinery-map path.line, body.vscode-high-contrast .joinery-map .legend-line { stroke: var(--vscode-editor-foreground, #fff); }
body.vscode-high-contrast .joinery-map .gap path.line, body.vscode-high-contrast .joinery-map .legend-unlinked { stroke: var(--vscode-errorForeground, #f48771); }
body.vscode-high-contrast .joinery-map marker path { fill: var(--vscode-editor-foreground, #fff); }
body.vscode-high-contrast .joinery-map .gutter-rule { fill: var(--vscode-contrastBorder, #6fc3df); }
`;
