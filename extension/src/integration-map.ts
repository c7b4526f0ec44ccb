import { randomBytes } from 'node:crypto';
import {
    commands, type Disposable, Range, Uri, ViewColumn, window, workspace,
    type ExtensionContext, type TextDocument, type WebviewPanel
} from 'vscode';
import { RequestType, type LanguageClient } from 'vscode-languageclient/node';
import type { INTEGRATION_MAP_METHOD, IntegrationMapParams, IntegrationMapRequest, IntegrationMapView } from '../../language-server/src/server/integration-map-protocol.js' with { 'resolution-mode': 'import' };
import type { FromMapView, ToMapView } from './map-view/integration-map-view.mjs' with { 'resolution-mode': 'import' };
import { integrationMapPage } from './integration-map-page.js';

export const SHOW_INTEGRATION_MAP_COMMAND = 'joinery.showIntegrationMap';
const INTEGRATION_MAP: typeof IntegrationMapRequest = new RequestType('joinery/integrationMap' satisfies typeof INTEGRATION_MAP_METHOD);
/** Long enough to let a burst of typing settle into one rebuild of the map. */
const REFRESH_DELAY_MS = 300;

/**
 * "Joinery: Show Integration Map": a webview beside the editor with the map of the
 * arrangement under the cursor, redrawn as the model is edited. Clicking a node
 * reveals its declaration.
 */
export function registerIntegrationMap(context: ExtensionContext, client: LanguageClient): Disposable {
    let map: IntegrationMap | undefined;
    return commands.registerCommand(SHOW_INTEGRATION_MAP_COMMAND, async () => {
        const editor = window.activeTextEditor;
        const document = editor?.document.languageId === 'joinery' ? editor.document : workspace.textDocuments.find(d => d.languageId === 'joinery');
        if (!document) {
            void window.showInformationMessage('Joinery: open a .joinery file to see its integration map.');
            return;
        }
        const params: IntegrationMapParams = { textDocument: { uri: document.uri.toString() }, ...(editor?.document === document ? { position: editor.selection.active } : {}) };
        if (!map) {
            map = new IntegrationMap(context, client, editor?.viewColumn ?? ViewColumn.One);
            map.onDispose(() => { map = undefined; });
        }
        await map.show(params);
    });
}

class IntegrationMap {
    private readonly panel: WebviewPanel;
    private readonly disposables: Disposable[] = [];
    private view: IntegrationMapView | undefined;
    /** The last message for the page, sent again when the page (re)loads. */
    private last: ToMapView | undefined;
    private documentUri = '';
    private ready = false;
    private timer: NodeJS.Timeout | undefined;
    private latest = 0;

    constructor(context: ExtensionContext, private readonly client: LanguageClient, private readonly editorColumn: ViewColumn) {
        const scripts = Uri.joinPath(context.extensionUri, 'out');
        this.panel = window.createWebviewPanel('joinery.integrationMap', 'Integration map', { viewColumn: ViewColumn.Beside, preserveFocus: true },
            { enableScripts: true, localResourceRoots: [scripts] });
        this.panel.webview.html = integrationMapPage({
            cspSource: this.panel.webview.cspSource,
            nonce: randomBytes(18).toString('base64'),
            scriptUri: this.panel.webview.asWebviewUri(Uri.joinPath(scripts, 'integration-map-view.js')).toString()
        });
        this.disposables.push(
            this.panel.webview.onDidReceiveMessage((message: FromMapView) => this.receive(message)),
            workspace.onDidChangeTextDocument(event => this.changed(event.document)),
            workspace.onDidSaveTextDocument(document => this.changed(document)),
            this.panel.onDidDispose(() => this.dispose())
        );
    }

    onDispose(listener: () => void): void {
        this.disposables.push(this.panel.onDidDispose(listener));
    }

    async show(params: IntegrationMapParams): Promise<void> {
        this.panel.reveal(undefined, true);
        await this.request(params);
    }

    private async request(params: IntegrationMapParams): Promise<void> {
        const ticket = ++this.latest;
        this.documentUri = params.textDocument.uri;
        let view: IntegrationMapView | null;
        try {
            view = await this.client.sendRequest(INTEGRATION_MAP, params);
        } catch (error) {
            this.post({ type: 'status', text: `The map could not be drawn: ${error instanceof Error ? error.message : String(error)}` });
            return;
        }
        if (ticket !== this.latest) return; // a newer request is on its way
        if (!view) {
            this.post({ type: 'status', text: 'There is no arrangement in this workspace yet.' });
            return;
        }
        this.view = view;
        this.panel.title = `Integration map: ${view.arrangement}`;
        this.post({ type: 'map', view });
    }

    /** The model changed: redraw the same arrangement once typing pauses. */
    private changed(document: TextDocument): void {
        if (document.languageId !== 'joinery' || !this.view) return;
        const arrangement = this.view.arrangement;
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.request({ textDocument: { uri: document.uri.toString() }, arrangement }), REFRESH_DELAY_MS);
    }

    private receive(message: FromMapView): void {
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
        } else if (message.type === 'choose' && this.view) {
            void this.request({ textDocument: { uri: this.documentUri }, arrangement: message.arrangement });
        }
    }

    private post(message: ToMapView): void {
        this.last = message;
        if (this.ready) void this.panel.webview.postMessage(message);
    }

    private dispose(): void {
        clearTimeout(this.timer);
        for (const disposable of this.disposables.splice(0)) disposable.dispose();
    }
}
