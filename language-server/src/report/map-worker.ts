import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { IntegrationGraph } from './integration-graph.js';
import { layOutMap, mapTooLarge, noticeOnly, simpleLayout, type MapLayout } from './map-layout.js';

/** How long ELK may take for one map before the simple layout stands in (`JOINERY_MAP_LAYOUT_MS` changes it, for tests). */
export const LAYOUT_TIME_LIMIT_MS = 10_000;

function timeLimit(): number {
    const configured = Number(process.env.JOINERY_MAP_LAYOUT_MS);
    return Number.isFinite(configured) && configured > 0 ? configured : LAYOUT_TIME_LIMIT_MS;
}

/** The bundled worker beside the running bundle (out/ or extension/out/); absent when running from source. */
function workerFile(): string | undefined {
    const file = fileURLToPath(new URL('./map-layout-worker.cjs', import.meta.url));
    return existsSync(file) ? file : undefined;
}

/**
 * The map of a graph, laid out by ELK on a worker thread so the server keeps
 * answering (issue 19: 20 fully connected actors blocked hover for 44 s), bounded
 * in size (`MAP_LIMITS`: beyond it, only a notice saying the map is too large) and
 * in time (beyond the limit the worker is ended and a simple layered layout is drawn,
 * with a notice). Running from source, without the bundled worker, ELK runs here,
 * bounded in size only.
 */
export async function layOutMapSafely(graph: IntegrationGraph): Promise<MapLayout> {
    const tooLarge = mapTooLarge(graph);
    if (tooLarge) return noticeOnly(graph, tooLarge);
    const file = workerFile();
    if (!file) return layOutMap(graph);
    const limit = timeLimit();
    const outcome = await LayoutThread.shared(file).layOut(graph, limit);
    if ('layout' in outcome) return { ...outcome.layout, graph };
    const seconds = `${Math.round(limit / 100) / 10} s`;
    return simpleLayout(graph, outcome.timedOut
        ? `Laying this map out took longer than ${seconds}, so it is drawn simply (${graph.nodes.length} nodes, ${graph.edges.length} lines).`
        : `The map could not be laid out (${outcome.error}), so it is drawn simply.`);
}

type Outcome = { layout: MapLayout } | { timedOut: true; error?: undefined } | { error: string; timedOut?: undefined };

/** How long a new layout thread may take to load ELK (a loaded machine takes seconds) before the map is drawn simply. */
const START_LIMIT_MS = 60_000;

/** One worker, reused for map after map, one map at a time; ended when a map takes too long, and started again for the next. */
class LayoutThread {
    private static instance: LayoutThread | undefined;
    private worker: Worker | undefined;
    private ready: Promise<boolean> | undefined;
    private queue: Promise<unknown> = Promise.resolve();
    private nextId = 0;

    private constructor(private readonly file: string) { }

    static shared(file: string): LayoutThread {
        return LayoutThread.instance ??= new LayoutThread(file);
    }

    layOut(graph: IntegrationGraph, limitMs: number): Promise<Outcome> {
        const run = this.queue.then(() => this.run(graph, limitMs));
        this.queue = run.catch(() => undefined);
        return run;
    }

    private async run(graph: IntegrationGraph, limitMs: number): Promise<Outcome> {
        const worker = this.worker ??= this.start();
        // The time bound is the layout's: it starts once the thread has loaded ELK.
        if (!await this.ready) {
            this.stop(worker);
            return { error: 'the layout thread did not start' };
        }
        const id = this.nextId++;
        return new Promise<Outcome>(resolve => {
            const finish = (outcome: Outcome) => {
                clearTimeout(timer);
                worker.off('message', onMessage);
                worker.off('error', onError);
                worker.off('exit', onExit);
                resolve(outcome);
            };
            const onMessage = (message: { id: number; layout?: MapLayout; error?: string }) => {
                if (message.id !== id) return;
                finish(message.layout ? { layout: message.layout } : { error: message.error ?? 'no layout' });
            };
            const onError = (error: Error) => {
                this.stop(worker);
                finish({ error: error.message });
            };
            const onExit = () => {
                if (this.worker === worker) this.worker = undefined;
                finish({ error: 'the layout thread stopped' });
            };
            const timer = setTimeout(() => {
                this.stop(worker);
                finish({ timedOut: true });
            }, limitMs);
            worker.on('message', onMessage);
            worker.on('error', onError);
            worker.on('exit', onExit);
            worker.postMessage({ id, graph });
        });
    }

    private start(): Worker {
        const worker = new Worker(this.file);
        // An idle layout thread must not keep the CLI alive after its work is done.
        worker.unref();
        this.ready = new Promise<boolean>(resolve => {
            const timer = setTimeout(() => resolve(false), START_LIMIT_MS);
            const onMessage = (message: { ready?: boolean }) => {
                if (message.ready === undefined) return;
                clearTimeout(timer);
                worker.off('message', onMessage);
                resolve(message.ready);
            };
            worker.on('message', onMessage);
            worker.once('error', () => { clearTimeout(timer); resolve(false); });
            worker.once('exit', () => { clearTimeout(timer); resolve(false); });
        });
        return worker;
    }

    private stop(worker: Worker): void {
        if (this.worker === worker) this.worker = undefined;
        void worker.terminate();
    }
}
