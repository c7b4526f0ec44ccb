import {
    commands, type Disposable, Range, Uri, ViewColumn, window, workspace,
    type ExtensionContext, type TextDocument, type WebviewPanel
} from 'vscode';
import { RequestType, type BaseLanguageClient } from 'vscode-languageclient';
import type { INTEGRATION_MAP_METHOD, IntegrationMapParams, IntegrationMapRequest, IntegrationMapView } from '../../language-server/src/server/integration-map-protocol.js' with { 'resolution-mode': 'import' };
import type { FromMapView, MapViewState, ToMapView } from './map-view/integration-map-view.mjs' with { 'resolution-mode': 'import' };
import type { MapPanelState } from './map-view/map-panel.mjs' with { 'resolution-mode': 'import' };
import { integrationMapPage } from './integration-map-page.js';
import { MapStateStore } from './map-state-store.js';

export const SHOW_INTEGRATION_MAP_COMMAND = 'joinery.showIntegrationMap';
const VIEW_TYPE = 'joinery.integrationMap';
const INTEGRATION_MAP: typeof IntegrationMapRequest = new RequestType('joinery/integrationMap' satisfies typeof INTEGRATION_MAP_METHOD);
/** Long enough to let a burst of typing settle into one rebuild of the map. */
const REFRESH_DELAY_MS = 300;

/**
 * "Joinery: Show Integration Map" (command palette, the editor's title bar, and
 * the arrangement's code lens, which names its arrangement): a webview beside the
 * editor with the map of the arrangement under the cursor, redrawn as the model is
 * edited. Clicking a node reveals its declaration. After a window reload VS Code
 * restores the panel through the serializer, with its zoom and filters.
 */
export function registerIntegrationMap(context: ExtensionContext, client: BaseLanguageClient): Disposable[] {
    let map: IntegrationMap | undefined;
    const store = new MapStateStore(context);
    const adopt = (created: IntegrationMap) => {
        map = created;
        created.onDispose(() => { if (map === created) map = undefined; });
        return created;
    };
    return [
        commands.registerCommand(SHOW_INTEGRATION_MAP_COMMAND, async (uri?: unknown, arrangement?: unknown) => {
            const params = paramsFor(uri, arrangement);
            if (!params) {
                void window.showInformationMessage('Joinery: open a .joinery file to see its integration map.');
                return;
            }
            if (!map) store.remember(undefined); // a new panel starts afresh
            const current = map ?? adopt(new IntegrationMap(context, client, store, newPanel(context), window.activeTextEditor?.viewColumn ?? ViewColumn.One));
            await current.show(params);
        }),
        window.registerWebviewPanelSerializer(VIEW_TYPE, {
            async deserializeWebviewPanel(panel: WebviewPanel, webviewState: MapViewState | undefined) {
                const state = await store.recall() ?? webviewState;
                const restored = adopt(new IntegrationMap(context, client, store, panel, ViewColumn.One));
                if (state?.panel) restored.comeBackTo(state.panel);
                const arrangement = state?.panel?.arrangement;
                const documentUri = state?.documentUri ?? workspace.textDocuments.find(d => d.languageId === 'joinery')?.uri.toString();
                if (documentUri) await restored.show({ textDocument: { uri: documentUri }, ...(arrangement ? { arrangement } : {}) }, false);
                else restored.status('Open a .joinery file and run "Joinery: Show Integration Map".');
            }
        })
    ];
}

/** From the code lens: the document and arrangement it names; else the editor's document and cursor. */
function paramsFor(uri: unknown, arrangement: unknown): IntegrationMapParams | undefined {
    if (typeof uri === 'string' && typeof arrangement === 'string') return { textDocument: { uri }, arrangement };
    const editor = window.activeTextEditor;
    // The editor title button passes its file: the cursor's arrangement when it is the active editor's.
    if (uri instanceof Uri && editor?.document.uri.toString() !== uri.toString()) return { textDocument: { uri: uri.toString() } };
    const document = editor?.document.languageId === 'joinery' ? editor.document : workspace.textDocuments.find(d => d.languageId === 'joinery');
    if (!document) return undefined;
    return { textDocument: { uri: document.uri.toString() }, ...(editor?.document === document ? { position: editor.selection.active } : {}) };
}

function newPanel(context: ExtensionContext): WebviewPanel {
    return window.createWebviewPanel(VIEW_TYPE, 'Integration map', { viewColumn: ViewColumn.Beside, preserveFocus: true },
        { enableScripts: true, localResourceRoots: [Uri.joinPath(context.extensionUri, 'out')], retainContextWhenHidden: false });
}

class IntegrationMap {
    private readonly disposables: Disposable[] = [];
    private view: IntegrationMapView | undefined;
    /** The last message for the page, sent again when the page (re)loads. */
    private last: ToMapView | undefined;
    private documentUri = '';
    private ready = false;
    private timer: ReturnType<typeof setTimeout> | undefined;
    private latest = 0;
    /** The state the page comes back to with its first map, after VS Code restored the panel. */
    private restoredPanel: MapPanelState | undefined;

    constructor(context: ExtensionContext, private readonly client: BaseLanguageClient, private readonly store: MapStateStore, private readonly panel: WebviewPanel, private readonly editorColumn: ViewColumn) {
        const scripts = Uri.joinPath(context.extensionUri, 'out');
        panel.webview.options = { enableScripts: true, localResourceRoots: [scripts] };
        panel.webview.html = integrationMapPage({
            cspSource: panel.webview.cspSource,
            nonce: nonce(),
            scriptUri: panel.webview.asWebviewUri(Uri.joinPath(scripts, 'integration-map-view.js')).toString()
        });
        this.disposables.push(
            panel.webview.onDidReceiveMessage((message: FromMapView) => void this.receive(message)),
            workspace.onDidChangeTextDocument(event => this.changed(event.document)),
            workspace.onDidSaveTextDocument(document => this.changed(document)),
            panel.onDidDispose(() => this.dispose())
        );
    }

    onDispose(listener: () => void): void {
        this.disposables.push(this.panel.onDidDispose(listener));
    }

    async show(params: IntegrationMapParams, reveal = true): Promise<void> {
        if (reveal) this.panel.reveal(undefined, true);
        await this.request(params);
    }

    status(text: string): void {
        this.post({ type: 'status', text });
    }

    comeBackTo(state: MapPanelState): void {
        this.restoredPanel = state;
    }

    private async request(params: IntegrationMapParams): Promise<void> {
        const ticket = ++this.latest;
        this.documentUri = params.textDocument.uri;
        let view: IntegrationMapView | null;
        try {
            view = await this.client.sendRequest(INTEGRATION_MAP, params);
        } catch (error) {
            this.status(`The map could not be drawn: ${error instanceof Error ? error.message : String(error)}`);
            return;
        }
        if (ticket !== this.latest) return; // a newer request is on its way
        if (!view) {
            this.status('There is no arrangement in this workspace yet.');
            return;
        }
        this.view = view;
        this.panel.title = `Integration map: ${view.arrangement}`;
        this.post({ type: 'map', view, documentUri: this.documentUri, ...(this.restoredPanel ? { panel: this.restoredPanel } : {}) });
    }

    /** The model changed: redraw the same arrangement once typing pauses. */
    private changed(document: TextDocument): void {
        if (document.languageId !== 'joinery' || !this.view) return;
        const arrangement = this.view.arrangement;
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.request({ textDocument: { uri: document.uri.toString() }, arrangement }), REFRESH_DELAY_MS);
    }

    private async receive(message: FromMapView): Promise<void> {
        if (message.type === 'ready') {
            this.ready = true;
            if (this.last) this.post(this.last);
        } else if (message.type === 'reveal') {
            // Only ids of the map we sent are honoured: the location comes from the server, never from the page.
            const location = this.view?.locations[message.nodeId];
            if (!location) return;
            const { start, end } = location.range;
            void window.showTextDocument(Uri.parse(location.uri), {
                viewColumn: this.editorColumn, selection: new Range(start.line, start.character, end.line, end.character), preserveFocus: false
            });
        } else if (message.type === 'remember') {
            if (message.state && typeof message.state === 'object') this.store.remember(message.state);
        } else if (message.type === 'choose' && this.view) {
            void this.request({ textDocument: { uri: this.documentUri }, arrangement: message.arrangement });
        } else if (message.type === 'save') {
            await this.save(message);
        }
    }

    /** An export from the page: the analyst picks where it goes; the bytes are written with VS Code's file system (also on the web). */
    private async save(file: { name: string; kind: 'svg' | 'png'; data: string }): Promise<void> {
        const bytes = file.kind === 'svg' ? new TextEncoder().encode(file.data) : pngBytes(file.data);
        if (!bytes) return;
        const folder = workspace.workspaceFolders?.[0]?.uri;
        const target = await window.showSaveDialog({
            defaultUri: folder ? Uri.joinPath(folder, file.name.replace(/[^\w.-]/g, '_')) : undefined,
            filters: file.kind === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] },
            title: `Export the integration map as ${file.kind.toUpperCase()}`
        });
        if (!target) return;
        await workspace.fs.writeFile(target, bytes);
        void window.showInformationMessage(`Joinery: the map was saved to ${workspace.asRelativePath(target)}.`);
    }

    private post(message: ToMapView): void {
        this.last = message;
        if (!this.ready) return;
        void this.panel.webview.postMessage(message);
        // Delivered: a page loaded later (VS Code reloads a hidden webview) has its own newer state.
        if (message.type === 'map' && message.panel) {
            this.restoredPanel = undefined;
            this.last = { ...message, panel: undefined };
        }
    }

    private dispose(): void {
        clearTimeout(this.timer);
        for (const disposable of this.disposables.splice(0)) disposable.dispose();
    }
}

/** A PNG sent as a data: URL; anything else is refused. */
function pngBytes(dataUrl: string): Uint8Array | undefined {
    const match = /^data:image\/png;base64,([A-Za-z0-9+/=]+)$/.exec(dataUrl);
    if (!match) return undefined;
    const binary = atob(match[1]);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
}

/** A fresh random value per page (the webview's Content-Security-Policy nonce): Web Crypto where the host has it (web, Node 19+), as VS Code's samples do otherwise. */
function nonce(): string {
    const bytes = new Uint8Array(18);
    const crypto = (globalThis as { crypto?: { getRandomValues(array: Uint8Array): Uint8Array } }).crypto;
    if (crypto) crypto.getRandomValues(bytes);
    else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
    return btoa(String.fromCharCode(...bytes));
}
