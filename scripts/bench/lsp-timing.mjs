// Edit-to-diagnostics timing through a real LSP client talking to the real
// server over stdio: from `didChange` to the edited file's next publishDiagnostics,
// and to the workspace settled (the later of: no publication for a quiet spell after
// it; the server saying it has published every file's diagnostics of the edit), with
// the server's resident memory after each edit.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

/** How long without a publication means every file affected by an edit has been answered. */
const QUIET_MS = 250;

export async function editToDiagnostics({ serverBin, folder, file, files, edits, edit, alsoOpen = [] }) {
    const child = spawn(process.execPath, [serverBin, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const waiting = new Map();
    const seen = new Set();
    let lastPublish = performance.now();
    let allSeen;
    const everyFile = new Promise(resolve => { allSeen = resolve; });
    connection.onNotification('textDocument/publishDiagnostics', params => {
        lastPublish = performance.now();
        seen.add(params.uri);
        if (seen.size >= files) allSeen();
        const resolve = waiting.get(params.uri);
        if (resolve) { waiting.delete(params.uri); resolve(params); }
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/configuration', params => params.items.map(() => null));
    connection.listen();
    const root = pathToFileURL(folder).href;
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: root, workspaceFolders: [{ uri: root, name: 'bench' }], capabilities: {} });
    const uri = pathToFileURL(file).href;
    const started = performance.now();
    await connection.sendNotification('initialized', {});
    await everyFile;
    const startupMs = performance.now() - started;
    await settled(() => lastPublish);
    // As an analyst would, open a file once the server has done what start-up left for later (server/after-start-up.ts).
    const readsAfterStartUp = await startUpWorkDone(connection);
    // Each file opened with its text on disk, the one to edit last: opening a file as it was built makes no build.
    const opened = [];
    for (const path of [...alsoOpen, file]) opened.push(await open(connection, waiting, () => lastPublish, path));
    const openSettledMs = opened.at(-1).settledMs;
    let text = readFileSync(file, 'utf-8');
    const times = [], settledTimes = [], validated = [], derived = [], phases = [], rssMb = [];
    /** The server's one full collection after start-up (server/heap-after-start-up.ts). */
    let startUpCollection;
    for (let i = 0; i < edits; i++) {
        text = edit(text, i);
        const published = new Promise(resolve => waiting.set(uri, resolve));
        const sent = performance.now();
        await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [{ text }] });
        await published;
        times.push(performance.now() - sent);
        const quiet = await settled(() => lastPublish) - sent;
        // The server's own account: when the second step of its answer (every file) was published, which may send nothing new.
        const statistics = await settledStatistics(connection);
        settledTimes.push(Math.max(quiet, statistics.settledMs ?? 0));
        validated.push(statistics.validatedDocuments);
        // Arrangements derived again (their reads did not hold), by the server's account; an older server does not say.
        if (statistics.arrangements) derived.push(statistics.arrangements.total - statistics.arrangements.kept);
        phases.push(statistics.phaseMs);
        rssMb.push(residentMb(child.pid));
        startUpCollection = statistics.startUpCollection ?? startUpCollection;
    }
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    connection.dispose();
    child.kill();
    // The server's own account of each build step (median per step), beside the client's wall time.
    const phaseMs = Object.fromEntries(Object.keys(phases[0] ?? {}).map(name => [name, median(phases.map(p => p[name]))]));
    return {
        startupMs, openSettledMs, opened, medianMs: median(times), maxMs: Math.max(...times), settledMedianMs: median(settledTimes), firstSettledMs: settledTimes[0], settledMaxMs: Math.max(...settledTimes),
        validated: median(validated), derivedArrangements: derived.length ? median(derived) : undefined, phaseMs, maxRssMb: Math.max(...rssMb), lastRssMb: rssMb.at(-1), readsAfterStartUp, startUpCollection
    };
}

/** Opens `path` with its text on disk: its diagnostics' time, every file's settled time, and whether the server built anything. */
async function open(connection, waiting, lastPublish, path) {
    const uri = pathToFileURL(path).href;
    const before = (await connection.sendRequest('joinery/buildStatistics')).builds;
    const published = new Promise(resolve => waiting.set(uri, resolve));
    const sent = performance.now();
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'joinery', version: 1, text: readFileSync(path, 'utf-8') } });
    await published;
    const diagnosticsMs = performance.now() - sent;
    const quietMs = await settled(lastPublish) - sent;
    const after = (await connection.sendRequest('joinery/buildStatistics')).builds;
    // An older server does not count its builds: it built, and says when that settled.
    const built = before === undefined || after !== before;
    const settledMs = built ? Math.max(quietMs, (await settledStatistics(connection)).settledMs ?? 0) : quietMs;
    return { file: path, diagnosticsMs, settledMs, built };
}

/** How writing down the reads after start-up went, once the server says it has (or its heap was collected: an older build), at most 30 s later. */
async function startUpWorkDone(connection) {
    for (const until = performance.now() + 30_000; ;) {
        const statistics = await connection.sendRequest('joinery/buildStatistics');
        if (statistics.readsAfterStartUp || statistics.startUpCollection || performance.now() > until) return statistics.readsAfterStartUp;
        await new Promise(resolve => setTimeout(resolve, 50));
    }
}

/** The server's statistics of the last edit once it says the edit's answer has settled (at most 60 s later). */
async function settledStatistics(connection) {
    for (const until = performance.now() + 60_000; ;) {
        const statistics = await connection.sendRequest('joinery/buildStatistics');
        if (statistics.settledMs !== undefined || performance.now() > until) return statistics;
        await new Promise(resolve => setTimeout(resolve, 50));
    }
}

/** Resolves with the time of the last publication once none has come for QUIET_MS. */
async function settled(lastPublish) {
    for (;;) {
        const quietFor = performance.now() - lastPublish();
        if (quietFor >= QUIET_MS) return lastPublish();
        await new Promise(resolve => setTimeout(resolve, QUIET_MS - quietFor + 5));
    }
}

/** The process's resident memory now, in MB (Linux's /proc; NaN elsewhere). */
export function residentMb(pid) {
    try {
        const line = readFileSync(`/proc/${pid}/status`, 'utf-8').split('\n').find(l => l.startsWith('VmRSS:'));
        return line ? Number(line.split(/\s+/)[1]) / 1024 : NaN;
    } catch {
        return NaN;
    }
}

export function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
