/// <reference lib="dom" />
import editorWorker from 'joinery:editor-worker';

/** A classic worker from text: the only kind Chromium starts from a page opened from file://. */
export function workerFromText(text: string, name: string): Worker {
    return new Worker(URL.createObjectURL(new Blob([text], { type: 'text/javascript' })), { name });
}

// Monaco asks for its editor worker (diffs, links, word ranges) here; imported before Monaco itself.
(globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
    getWorker: (_moduleId: string, label: string) => workerFromText(editorWorker, `monaco-${label}`)
};
