// The "integration map" request between the editor client and the server. The
// VS Code client (a CommonJS bundle) imports only its types, and makes its own
// RequestType of the same type, its method name checked against this one.
import { RequestType, type Position, type Range } from 'vscode-languageserver-protocol';
import type { Scene } from '../report/map-scene.js';

export const INTEGRATION_MAP_METHOD = 'joinery/integrationMap';

/** The laid-out map of one arrangement, for the editor's map view; null when the workspace has no arrangement. */
export const IntegrationMapRequest = new RequestType<IntegrationMapParams, IntegrationMapView | null, void>(INTEGRATION_MAP_METHOD);

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
    /** Where each node of the scene is declared, by node id: clicking a node reveals it. */
    locations: Record<string, { uri: string; range: Range }>;
    summary: {
        claimed?: string;
        supported: string;
        /** Actors with no voice at any board, by title. */
        withoutVoice: string[];
        /** Systems used together but not linked, as "A and B". */
        unlinked: string[];
        findings: { error: number; warning: number; info: number };
    };
}
