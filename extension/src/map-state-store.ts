import { Uri, workspace, type ExtensionContext } from 'vscode';
import type { MapViewState } from './map-view/integration-map-view.mjs' with { 'resolution-mode': 'import' };

/**
 * The open integration map's state (arrangement, zoom, filters), kept by the
 * extension in a file of its storage as well as in the webview's state: VS Code
 * writes a webview's state only with the workbench's editor layout (in a browser
 * every 5 s, and on closing, which a reload does not wait for), so a filter set
 * just before a reload came back unset. The file is written as each change comes.
 */
export class MapStateStore {
    private readonly file: Uri;
    /** The write under way, if any, and the state to write after it (only the latest is ever written). */
    private writing: Promise<void> | undefined;
    private next: { state: MapViewState | undefined } | undefined;
    private folderMade = false;

    constructor(context: ExtensionContext) {
        this.file = Uri.joinPath(context.storageUri ?? context.globalStorageUri, 'integration-map-state.json');
    }

    remember(state: MapViewState | undefined): void {
        this.next = { state };
        this.writing ??= this.writeLatest();
    }

    private async writeLatest(): Promise<void> {
        for (let pending = this.next; pending; pending = this.next) {
            this.next = undefined;
            try {
                if (!this.folderMade) await workspace.fs.createDirectory(Uri.joinPath(this.file, '..'));
                this.folderMade = true;
                await workspace.fs.writeFile(this.file, new TextEncoder().encode(JSON.stringify(pending.state ?? null)));
            } catch {
                // No storage to write to: the webview's own state is all there is.
            }
        }
        this.writing = undefined;
    }

    /** What was kept last, if anything readable was. */
    async recall(): Promise<MapViewState | undefined> {
        await this.writing;
        try {
            const state: unknown = JSON.parse(new TextDecoder().decode(await workspace.fs.readFile(this.file)));
            return state && typeof state === 'object' ? state : undefined;
        } catch {
            return undefined;
        }
    }
}
