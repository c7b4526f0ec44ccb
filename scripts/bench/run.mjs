// `npm run bench`: generates synthetic workspaces of growing size and prints how
// fast `joinery check` runs on them (whole process, median of several runs), how
// much the rules add over parse + link, how time grows with size, and how fast
// the language server answers an edit. It prints figures; it never fails on them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSingleModel, generateWorkspace } from './workspace-generator.mjs';
import { editToDiagnostics, median } from './lsp-timing.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = join(root, 'bin/joinery.cjs');
const server = join(root, 'bin/joinery-language-server.cjs');
const args = process.argv.slice(2);
const option = (name, fallback) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : fallback; };
const sizes = option('sizes', '62,250,1000').split(',').map(Number);
const runs = Number(option('runs', '5'));
const skipLsp = args.includes('--no-lsp');
const scratch = mkdtempSync(join(tmpdir(), 'joinery-bench-'));

function write(folder, files) {
    for (const [name, text] of Object.entries(files)) {
        mkdirSync(dirname(join(folder, name)), { recursive: true });
        writeFileSync(join(folder, name), text);
    }
}

/** Rule ids, from the rule docs the registry writes. */
const ruleIds = readdirSync(join(root, 'docs/rules')).filter(f => f !== 'README.md').map(f => f.replace(/\.md$/, ''));
const rulesOff = join(scratch, 'rules-off.json');
writeFileSync(rulesOff, JSON.stringify({ rules: Object.fromEntries(ruleIds.map(id => [id, 'off'])) }));

function timeCheck(folder, extra) {
    const times = [], memory = [];
    const memoryFile = join(scratch, 'memory');
    for (let i = 0; i < runs; i++) {
        const started = performance.now();
        const run = spawnSync(process.execPath, ['--require', join(root, 'scripts/bench/peak-memory.cjs'), cli, 'check', folder, '--format', 'json', '--output', join(scratch, 'out.json'), ...extra],
            { env: { ...process.env, JOINERY_BENCH_MEMORY_FILE: memoryFile }, encoding: 'utf-8' });
        times.push(performance.now() - started);
        if (run.status === 2) throw new Error(run.stderr);
        memory.push(Number(readFileSync(memoryFile, 'utf-8')));
    }
    return { ms: median(times), memoryMb: Math.max(...memory) / 1024 };
}

const pad = (value, width) => String(value).padStart(width);
console.log(`joinery bench — node ${process.version}, ${runs} runs per figure (median), ${new Date().toISOString()}`);
console.log('');
console.log(`${'files'.padStart(6)} ${'lines'.padStart(8)} ${'check ms'.padStart(9)} ${'lines/s'.padStart(9)} ${'peak MB'.padStart(8)} ${'rules-off ms'.padStart(13)} ${'rules add'.padStart(10)} ${'growth'.padStart(7)}`);
let previous;
const results = [];
for (const size of sizes) {
    const folder = join(scratch, `workspace-${size}`);
    const files = generateWorkspace(size);
    write(folder, files);
    const lines = Object.values(files).reduce((sum, text) => sum + text.split('\n').length, 0);
    const full = timeCheck(folder, []);
    const bare = timeCheck(folder, ['--config', rulesOff]);
    const growth = previous ? `${(full.ms / previous.ms).toFixed(2)}×/${(lines / previous.lines).toFixed(1)}×` : '';
    console.log(`${pad(size, 6)} ${pad(lines, 8)} ${pad(full.ms.toFixed(0), 9)} ${pad(Math.round(lines / (full.ms / 1000)), 9)} ${pad(full.memoryMb.toFixed(0), 8)} ${pad(bare.ms.toFixed(0), 13)} ${pad(`+${((full.ms / bare.ms - 1) * 100).toFixed(0)}%`, 10)} ${pad(growth, 7)}`);
    results.push({ size, lines, ...full, bareMs: bare.ms });
    previous = { ms: full.ms, lines };
}
console.log('');
console.log('growth: time ratio / input ratio against the previous size (near-linear when the two are close)');

if (!skipLsp) {
    console.log('');
    const single = join(scratch, 'single');
    const text = generateSingleModel(2000);
    write(single, { 'model.joinery': text });
    const titleEdit = (source, i) => source.replace(/"Partnership 1"|"Partnership 1 edit \d+"/, `"Partnership 1 edit ${i}"`);
    const one = await editToDiagnostics({ serverBin: server, folder: single, file: join(single, 'model.joinery'), edits: 21, edit: titleEdit });
    console.log(`LSP, one ${text.split('\n').length}-line model: edit → diagnostics median ${one.medianMs.toFixed(0)} ms (max ${one.maxMs.toFixed(0)} ms); documents re-validated per edit: ${one.validated}`);
    console.log(`    in the server (ms): ${steps(one.phaseMs)}`);
    const largest = Math.max(...sizes);
    const large = join(scratch, `workspace-${largest}`);
    const middle = Math.floor(largest / 2);
    const target = join(large, `arrangements/arr-${String(middle).padStart(4, '0')}.joinery`);
    const arrangementEdit = (source, i) => source.replace(new RegExp(`"Partnership ${middle}[^"]*"`), `"Partnership ${middle} edit ${i}"`);
    const many = await editToDiagnostics({ serverBin: server, folder: large, file: target, edits: 11, edit: arrangementEdit });
    console.log(`LSP, one file of a ${Math.max(...sizes)}-file workspace: first diagnostics after ${(many.initialMs / 1000).toFixed(1)} s; edit → diagnostics median ${many.medianMs.toFixed(0)} ms (max ${many.maxMs.toFixed(0)} ms); documents re-validated per edit: ${many.validated} of ${Math.max(...sizes)}`);
    console.log(`    in the server (ms): ${steps(many.phaseMs)}`);
}
/** `parse 40 · link 12 · …`: where the server says an edit's time went (medians, ms). */
function steps(phaseMs) {
    return Object.entries(phaseMs).filter(([name]) => name !== 'total').map(([name, ms]) => `${name} ${ms.toFixed(0)}`).join(' · ');
}

rmSync(scratch, { recursive: true, force: true });
