import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { LanguageServerSession } from '../support/lsp-client.js';
// The benchmark's generator: shared actors and arrangements that name each other's boards.
import { generateWorkspace } from '../../scripts/bench/workspace-generator.mjs';
import { median, residentMb } from '../../scripts/bench/lsp-timing.mjs';

export interface SoakOptions {
    serverBin: string;
    files: number;
    edits: number;
    sampleEvery: number;
    hangMs: number;
}

export interface SoakResult {
    startupMs: number;
    /**
     * The server's resident memory (MB), read after every edit, per window of
     * `sampleEvery` edits: its least (what the server keeps: the garbage of the
     * window's edits collected) and its most (before a collection). The first
     * window is the start, before any edit.
     */
    samples: Array<{ edits: number; leastMb: number; mostMb: number }>;
    /** (largest − smallest) / smallest of the windows' least memory after the first hundred edits. */
    spread: number;
    /** The last window's least memory against the first's after the first hundred edits (a failure above 20%: the "flat within 20%"). */
    growth: number;
    medianEditMs: number;
    failures: string[];
}

/**
 * `npm run fuzz -- --soak-edits 2000`: the real server on a generated workspace
 * (1,000 files by default) through a long series of edits to one arrangement file:
 * a title typed, a forum taken out and put back, a line broken; each waits for the
 * file's diagnostics. Memory is read from /proc after every edit and summed up per
 * `sampleEvery` edits. Each edit's garbage raises it until V8 collects (a sawtooth
 * of several hundred MB on 1,000 files); a server that keeps what it no longer needs
 * shows instead as the least of each window growing from window to window.
 */
export async function soakEdits(options: SoakOptions): Promise<SoakResult> {
    const folder = mkdtempSync(path.join(tmpdir(), 'joinery-soak-'));
    const failures: string[] = [];
    const files = generateWorkspace(options.files);
    for (const [name, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
        writeFileSync(path.join(folder, name), text);
    }
    const started = performance.now();
    const session = await LanguageServerSession.start(folder, { command: { program: process.execPath, args: [options.serverBin] } });
    try {
        await session.settle(Object.keys(files).length, 500, 300_000);
        const startupMs = performance.now() - started;
        const target = Object.keys(files).filter(name => name.startsWith('arrangements/'))[Math.floor(options.files / 2)];
        const uri = pathToFileURL(path.join(folder, target)).href;
        const original = readFileSync(path.join(folder, target), 'utf-8');
        const opened = session.nextDiagnostics(uri);
        await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'joinery', version: 1, text: original } });
        await opened;
        const atStart = residentMb(session.process.pid!);
        const samples = [{ edits: 0, leastMb: atStart, mostMb: atStart }];
        let window = { leastMb: Number.POSITIVE_INFINITY, mostMb: 0 };
        const times: number[] = [];
        for (let edit = 1; edit <= options.edits; edit++) {
            const text = editedText(original, edit);
            const answered = session.nextDiagnostics(uri);
            const sent = performance.now();
            await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: edit + 1 }, contentChanges: [{ text }] });
            const outcome = await Promise.race([answered.then(() => 'answered'), delay(options.hangMs).then(() => 'hang')]);
            times.push(performance.now() - sent);
            if (outcome === 'hang') {
                failures.push(`edit ${edit}: no diagnostics in ${options.hangMs} ms`);
                break;
            }
            const mb = residentMb(session.process.pid!);
            window = { leastMb: Math.min(window.leastMb, mb), mostMb: Math.max(window.mostMb, mb) };
            if (edit % options.sampleEvery === 0) {
                samples.push({ edits: edit, ...window });
                window = { leastMb: Number.POSITIVE_INFINITY, mostMb: 0 };
            }
        }
        const settled = samples.filter(sample => sample.edits >= 100);
        const sizes = settled.map(sample => sample.leastMb);
        const spread = sizes.length > 1 ? (Math.max(...sizes) - Math.min(...sizes)) / Math.min(...sizes) : 0;
        // Which window holds a full collection varies by tens of MB; growth is the last window against the first.
        const growth = sizes.length > 1 ? sizes.at(-1)! / sizes[0] - 1 : 0;
        if (growth > 0.2) failures.push(`memory kept grows: the least of each window ${sizes.map(mb => mb.toFixed(0)).join(', ')} MB (${(growth * 100).toFixed(0)}% more at the end)`);
        return { startupMs, samples, spread, growth, medianEditMs: median(times), failures };
    } finally {
        await session.stop();
        rmSync(folder, { recursive: true, force: true });
    }
}

/** The n-th edit of the file: what an analyst does to an arrangement over a day. */
function editedText(original: string, n: number): string {
    const titled = original.replace(/arrangement (\w+) "[^"]*"/, `arrangement $1 "Partnership, draft ${n}"`);
    switch (n % 4) {
        case 1: return titled.replace(/ {2}forum Locality[^}]*}\n/, '');
        case 2: return titled.replace('  partners ', '  partners\n    ');
        case 3: return `${titled}\n// note ${n}\n`;
        default: return titled;
    }
}
