// Edit-to-diagnostics timing through a real LSP client talking to the real
// server over stdio: median time from `didChange` to the next publishDiagnostics.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

export async function editToDiagnostics({ serverBin, folder, file, edits, edit }) {
    const child = spawn(process.execPath, [serverBin, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const waiting = new Map();
    const seen = new Set();
    connection.onNotification('textDocument/publishDiagnostics', params => {
        seen.add(params.uri);
        const resolve = waiting.get(params.uri);
        if (resolve) { waiting.delete(params.uri); resolve(params); }
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/configuration', params => params.items.map(() => null));
    connection.listen();
    const root = pathToFileURL(folder).href;
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: root, workspaceFolders: [{ uri: root, name: 'bench' }], capabilities: {} });
    const uri = pathToFileURL(file).href;
    const initial = new Promise(resolve => waiting.set(uri, resolve));
    const started = performance.now();
    await connection.sendNotification('initialized', {});
    await initial;
    const initialMs = performance.now() - started;
    let text = readFileSync(file, 'utf-8');
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'joinery', version: 1, text } });
    await new Promise(resolve => setTimeout(resolve, 500));
    const times = [];
    const validated = [];
    const phases = [];
    for (let i = 0; i < edits; i++) {
        text = edit(text, i);
        const published = new Promise(resolve => waiting.set(uri, resolve));
        const sent = performance.now();
        await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [{ text }] });
        await published;
        times.push(performance.now() - sent);
        const statistics = await connection.sendRequest('joinery/buildStatistics');
        validated.push(statistics.validatedDocuments);
        phases.push(statistics.phaseMs);
    }
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    connection.dispose();
    child.kill();
    // The server's own account of each build step (median per step), beside the client's wall time.
    const phaseMs = Object.fromEntries(Object.keys(phases[0] ?? {}).map(name => [name, median(phases.map(p => p[name]))]));
    return { initialMs, medianMs: median(times), maxMs: Math.max(...times), validated: median(validated), phaseMs };
}

export function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
