// The "integration map" request between the editor client and the server: types
// only, so that the VS Code client (a CommonJS bundle) can import it with
// `import type` and still have its method name checked.
import type { Position, Range } from 'vscode-languageserver-protocol';
import type { Scene } from '../report/map-scene.js';

/** The laid-out map of one arrangement, for the editor's map view. */
export const INTEGRATION_MAP_REQUEST = 'joinery/integrationMap';

export interface IntegrationMapParams {
    /** The document the request comes from; with `position`, the arrangement under the cursor is mapped. */
    textDocument: { uri: string };
    position?: Position;
    /** Map this arrangement (by name) instead: the map follows its arrangement as the model is edited. */
    arrangement?: string;
}

export interface IntegrationMapView {
    arrangement: string;
    title: string;
    /** Every arrangement of the workspace, for choosing another. */
    arrangements: Array<{ name: string; title: string }>;
    scene: Scene;
    /** Who is joined to whom on the map, for the view's filters (a board's members and routes, a sector's routes). */
    graph: {
        nodes: Array<{ id: string; kind: string; title: string; sector?: string; isBoard?: boolean }>;
        edges: Array<{ id: string; from: string; to: string; kind: string }>;
    };
    /** Where each node of the scene is declared, by node id: clicking a node reveals it. */
    locations: Record<string, { uri: string; range: Range }>;
    summary: {
        claimed?: string;
        supported: string;
        /** The claim needs more than the model shows (a claim at or below what it supports is no gap). */
        claimUnsupported: boolean;
        /** Actors with no voice at any board, by title. */
        withoutVoice: string[];
        /** Systems used together but not linked, as "A and B". */
        unlinked: string[];
        findings: { error: number; warning: number; info: number };
    };
}

export interface IntegrationMapRequest {
    method: typeof INTEGRATION_MAP_REQUEST;
    params: IntegrationMapParams;
    /** Null when the workspace has no arrangement. */
    result: IntegrationMapView | null;
}
