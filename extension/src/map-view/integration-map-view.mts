/// <reference lib="dom" />
// The integration map's webview: the shared map panel (map-panel.mts), talking to
// the extension by messages. Its state (arrangement, zoom, filters) is kept with
// VS Code's webview state and sent to the extension as it changes, so the panel
// comes back as it was after a reload (integration-map.ts says why both).
import type { IntegrationMapView } from '../../../language-server/src/server/integration-map-protocol.js';
import { MapPanel, type MapPanelState } from './map-panel.mjs';

/** Messages from the extension. */
export type ToMapView =
    /** `panel`: the state to come back with, on the first map after VS Code restored the panel. */
    | { type: 'map'; view: IntegrationMapView; documentUri: string; panel?: MapPanelState }
    | { type: 'status'; text: string };
/** Messages to the extension. */
export type FromMapView =
    | { type: 'ready' }
    | { type: 'reveal'; nodeId: string }
    | { type: 'choose'; arrangement: string }
    | { type: 'save'; name: string; kind: 'svg' | 'png'; data: string }
    | { type: 'remember'; state: MapViewState };

/** What VS Code keeps for the panel across reloads (WebviewPanelSerializer). */
export interface MapViewState {
    documentUri?: string;
    panel?: MapPanelState;
}

declare function acquireVsCodeApi(): { postMessage(message: FromMapView): void; getState(): MapViewState | undefined; setState(state: MapViewState): void };

const vscode = acquireVsCodeApi();
let saved: MapViewState = vscode.getState() ?? {};
const panel = new MapPanel(document.body, {
    reveal: nodeId => vscode.postMessage({ type: 'reveal', nodeId }),
    choose: arrangement => vscode.postMessage({ type: 'choose', arrangement }),
    save: file => vscode.postMessage({ type: 'save', ...file }),
    remember: state => remember({ ...saved, panel: state })
}, saved.panel);

function remember(state: MapViewState): void {
    saved = state;
    vscode.setState(saved);
    vscode.postMessage({ type: 'remember', state: saved });
}

window.addEventListener('message', (event: MessageEvent<ToMapView>) => {
    const message = event.data;
    if (message?.type === 'map') {
        if (message.panel) panel.restore(message.panel);
        remember({ ...saved, documentUri: message.documentUri });
        panel.show(message.view);
    } else if (message?.type === 'status') {
        panel.status(message.text);
    }
});
vscode.postMessage({ type: 'ready' });
