// The integration map's layout thread: ELK runs here, never on the server's only
// thread or the CLI's (report/map-worker.ts starts it, bounds it in time and
// ends it). Bundled as out/map-layout-worker.cjs beside the CLI and the server.
import { parentPort } from 'node:worker_threads';
import type { IntegrationGraph } from './integration-graph.js';
import { layOutMap, prepareLayout } from './map-layout.js';

parentPort?.on('message', (message: { id: number; graph: IntegrationGraph }) => {
    layOutMap(message.graph).then(
        layout => parentPort!.postMessage({ id: message.id, layout: { ...layout, graph: undefined } }),
        error => parentPort!.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) })
    );
});

// Ready once ELK is loaded: the time bound of a map starts then, not while a new thread loads 1.6 MB.
void prepareLayout().then(() => parentPort?.postMessage({ ready: true }), error => parentPort?.postMessage({ ready: false, error: String(error) }));
