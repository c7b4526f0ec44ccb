// `npm run bench [-- --sizes 62,250,1000,4000 --runs 5 --edits 100 --no-lsp --json FILE]`:
// generates synthetic workspaces of growing size and prints how fast `joinery
// check` runs on them (whole process, median of several runs: wall, CPU, peak
// memory), how much the rules add over parse + link, how time grows with size, and
// how the language server does: start-up to every file's diagnostics, an edit to
// the edited file's diagnostics and to the workspace settled, its memory over a
// series of edits, an edit to a file of actors. It prints figures (and writes
// them as JSON with --json); it never fails on them.
import { spawnSync } from 'node:child_process';
import * as esbuild from 'esbuild';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSingleModel, generateWorkspace, ownActorsFile } from './workspace-generator.mjs';
import { editToDiagnostics, median } from './lsp-timing.mjs';
import { commonJsForNode } from '../esbuild-node.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = join(root, 'bin/joinery.cjs');
const server = join(root, 'bin/joinery-language-server.cjs');
const args = process.argv.slice(2);
const option = (name, fallback) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : fallback; };
const sizes = option('sizes', '62,250,1000,4000').split(',').map(Number);
const runs = Number(option('runs', '5'));
const skipLsp = args.includes('--no-lsp');
const edits = Number(option('edits', '100'));
const jsonFile = option('json', undefined);
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

/** Parsing alone (parse-alone.ts), bundled as the CLI is (minified, for Node 20), into the scratch folder. */
const parseAlone = join(scratch, 'parse-alone.cjs');
await esbuild.build({ ...commonJsForNode, entryPoints: [join(root, 'scripts/bench/parse-alone.ts')], outfile: parseAlone, minify: true });

/** `before(i)` runs ahead of each timed run (untimed): an edit, for the cache's figures. */
function timeCheck(folder, extra, before = () => undefined) {
    // 1: findings, which every benchmark workspace has; 2: the check could not run.
    return timeProcess([cli, 'check', folder, '--format', 'json', '--output', join(scratch, 'out.json'), ...extra], before, status => status === 0 || status === 1);
}

/** The median wall and CPU time, and the peak memory, of `node ...args`, over the runs; `ok`: the exit statuses that are not a failure. */
function timeProcess(args, before = () => undefined, ok = status => status === 0) {
    const times = [], memory = [], cpu = [];
    const memoryFile = join(scratch, 'memory');
    for (let i = 0; i < runs; i++) {
        before(i);
        const started = performance.now();
        const run = spawnSync(process.execPath, ['--require', join(root, 'scripts/bench/peak-memory.cjs'), ...args],
            { env: { ...process.env, JOINERY_BENCH_MEMORY_FILE: memoryFile }, encoding: 'utf-8' });
        times.push(performance.now() - started);
        if (!ok(run.status)) throw new Error(run.stderr || `${args.join(' ')} exited with ${run.status ?? run.signal}`);
        const usage = JSON.parse(readFileSync(memoryFile, 'utf-8'));
        memory.push(usage.maxRssKb);
        cpu.push(usage.cpuMs);
    }
    return { ms: median(times), cpuMs: median(cpu), memoryMb: Math.max(...memory) / 1024 };
}

const pad = (value, width) => String(value).padStart(width);
const report = { node: process.version, runs, date: new Date().toISOString(), load: loadAverage(), cli: [], lsp: {} };
console.log(`joinery bench — node ${process.version}, ${runs} runs per figure (median), ${report.date}, load average before: ${report.load}`);
console.log('');
console.log(`${'files'.padStart(6)} ${'lines'.padStart(8)} ${'check ms'.padStart(9)} ${'cpu ms'.padStart(8)} ${'lines/s'.padStart(9)} ${'peak MB'.padStart(8)} ${'rules-off ms'.padStart(13)} ${'rules add'.padStart(10)} ${'parse alone ms'.padStart(15)} ${'growth'.padStart(7)}`);
let previous;
for (const size of sizes) {
    const folder = join(scratch, `workspace-${size}`);
    const files = generateWorkspace(size);
    write(folder, files);
    const lines = Object.values(files).reduce((sum, text) => sum + text.split('\n').length, 0);
    const full = timeCheck(folder, []);
    const bare = timeCheck(folder, ['--config', rulesOff]);
    const parsed = timeProcess([parseAlone, folder]);
    const growth = previous ? `${(full.ms / previous.ms).toFixed(2)}×/${(lines / previous.lines).toFixed(1)}×` : '';
    console.log(`${pad(size, 6)} ${pad(lines, 8)} ${pad(full.ms.toFixed(0), 9)} ${pad(full.cpuMs.toFixed(0), 8)} ${pad(Math.round(lines / (full.ms / 1000)), 9)} ${pad(full.memoryMb.toFixed(0), 8)} ${pad(bare.ms.toFixed(0), 13)} ${pad(`+${((full.ms / bare.ms - 1) * 100).toFixed(0)}%`, 10)} ${pad(parsed.ms.toFixed(0), 15)} ${pad(growth, 7)}`);
    report.cli.push({ files: size, lines, wallMs: full.ms, cpuMs: full.cpuMs, peakMb: full.memoryMb, rulesOffMs: bare.ms, parseAloneMs: parsed.ms, parseAlonePeakMb: parsed.memoryMb });
    previous = { ms: full.ms, lines };
}
console.log('');
console.log('growth: time ratio / input ratio against the previous size (near-linear when the two are close)');
console.log('parse alone: the same files read and parsed by Joinery\'s parser in a process of its own, trees kept, nothing else (the floor a check stands on)');

// --cache: a repository of 1,000 files as ten projects of 100, and as one project.
{
    const cacheSize = sizes.includes(1000) ? 1000 : Math.max(...sizes);
    const perProject = Math.max(1, Math.floor(cacheSize / 10));
    const projects = join(scratch, 'cache-projects');
    for (let p = 0; p < 10; p++) write(join(projects, `p${p}`), { 'joinery.json': '{}\n', ...generateWorkspace(perProject, p + 1) });
    const whole = join(scratch, `workspace-${cacheSize}`);
    if (!sizes.includes(cacheSize)) write(whole, generateWorkspace(cacheSize));
    const edited = (folder, file) => i => writeFileSync(join(folder, file), `${readFileSync(join(folder, file), 'utf-8')}// edit ${i}\n`);
    const figures = {};
    console.log('');
    for (const [name, folder, file] of [['10 projects', projects, 'p3/arrangements/arr-0001.joinery'], ['1 project', whole, 'arrangements/arr-0001.joinery']]) {
        const cacheFile = join(scratch, `cache-${name.replace(' ', '-')}.json`);
        const cache = ['--cache', '--cache-location', cacheFile];
        const cold = timeCheck(folder, cache, () => rmSync(cacheFile, { force: true }));
        const unchanged = timeCheck(folder, cache);
        const oneFile = timeCheck(folder, cache, edited(folder, file));
        console.log(`--cache, ${cacheSize} files as ${name}: cold ${cold.ms.toFixed(0)} ms, nothing changed ${unchanged.ms.toFixed(0)} ms, one file changed ${oneFile.ms.toFixed(0)} ms (${(oneFile.ms / cold.ms * 100).toFixed(0)}% of cold)`);
        figures[name] = { coldMs: cold.ms, unchangedMs: unchanged.ms, oneFileChangedMs: oneFile.ms };
    }
    report.cache = { files: cacheSize, ...figures };
}

if (!skipLsp) {
    console.log('');
    const single = join(scratch, 'single');
    const text = generateSingleModel(2000);
    write(single, { 'model.joinery': text });
    const titleEdit = (source, i) => source.replace(/"Partnership 1"|"Partnership 1 edit \d+"/, `"Partnership 1 edit ${i}"`);
    const one = await editToDiagnostics({ serverBin: server, folder: single, file: join(single, 'model.joinery'), files: 1, edits: 21, edit: titleEdit });
    console.log(`LSP, one ${text.split('\n').length}-line model: edit → diagnostics median ${one.medianMs.toFixed(0)} ms (max ${one.maxMs.toFixed(0)} ms); documents re-validated per edit: ${one.validated}`);
    console.log(`    in the server (ms): ${steps(one.phaseMs)}`);
    report.lsp.singleModel = { lines: text.split('\n').length, ...one };

    // The workspace the targets name (1,000 files, or the largest size asked for), and one partnership with its own actors.
    const size = sizes.includes(1000) ? 1000 : Math.max(...sizes);
    const large = join(scratch, `lsp-${size}`);
    const ownFile = 'own/partnership.joinery';
    write(large, { ...generateWorkspace(size), [ownFile]: ownActorsFile(5000) });
    const middle = Math.floor(size / 2);
    const target = join(large, `arrangements/arr-${String(middle).padStart(4, '0')}.joinery`);
    const arrangementEdit = (source, i) => source.replace(new RegExp(`"Partnership ${middle}[^"]*"`), `"Partnership ${middle} edit ${i}"`);
    const many = await editToDiagnostics({ serverBin: server, folder: large, file: target, files: size + 1, edits, edit: arrangementEdit, alsoOpen: [join(large, 'actors.joinery')] });
    console.log(`LSP, ${size + 1}-file workspace: every file's diagnostics ${(many.startupMs / 1000).toFixed(1)} s after start-up`);
    const reads = many.readsAfterStartUp;
    if (reads) console.log(`    the reads start-up left out, written down after it in ${reads.ms.toFixed(0)} ms${reads.complete ? '' : ' (not to the end: another build came first)'}`);
    for (const [i, opened] of many.opened.entries()) {
        const last = i === many.opened.length - 1;
        const what = !last ? 'the file of actors every arrangement shares, opened after that' : i > 0 ? 'then the file edited below, opened' : 'the file edited below, opened after that';
        console.log(`    ${what}: its diagnostics ${opened.diagnosticsMs.toFixed(0)} ms, every file settled ${opened.settledMs.toFixed(0)} ms${opened.built ? '' : ' (no build: opened as it was built)'}`);
    }
    console.log(`    the first edit's settled ${many.firstSettledMs.toFixed(0)} ms`);
    console.log(`    an arrangement file's title, ${edits} edits: its diagnostics median ${many.medianMs.toFixed(0)} ms (max ${many.maxMs.toFixed(0)}); workspace settled median ${many.settledMedianMs.toFixed(0)} ms (max ${many.settledMaxMs.toFixed(0)}); re-validated per edit: ${many.validated}, arrangements derived again: ${many.derivedArrangements ?? '?'}; server resident memory max ${many.maxRssMb.toFixed(0)} MB (after the last edit ${many.lastRssMb.toFixed(0)} MB)`);
    console.log(`    in the server (ms): ${steps(many.phaseMs)}`);
    const collection = many.startUpCollection;
    if (collection) console.log(`    the server's one collection after start-up: ${collection.ms.toFixed(0)} ms, heap ${collection.heapBeforeMb.toFixed(0)} MB → ${collection.liveMb.toFixed(0)} MB live`);
    const actorEdit = (source, i) => source.replace(/"Actor 0 \(statutory\)[^"]*"/, `"Actor 0 (statutory) edit ${i}"`);
    const own = await editToDiagnostics({ serverBin: server, folder: large, file: join(large, ownFile), files: size + 1, edits: 21, edit: actorEdit });
    console.log(`    an actor's title in a file of a partnership's own actors, 21 edits: its diagnostics median ${own.medianMs.toFixed(0)} ms (max ${own.maxMs.toFixed(0)}); settled median ${own.settledMedianMs.toFixed(0)} ms (max ${own.settledMaxMs.toFixed(0)})`);
    report.lsp.workspace = { files: size + 1, ...many };
    report.lsp.ownActorsFile = own;
}
if (jsonFile) {
    writeFileSync(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
    console.log('');
    console.log(`figures written to ${jsonFile}`);
}

/** `parse 40 · link 12 · …`: where the server says an edit's time went (medians, ms). */
function steps(phaseMs) {
    return Object.entries(phaseMs).filter(([name]) => name !== 'total').map(([name, ms]) => `${name} ${ms.toFixed(0)}`).join(' · ');
}

/** What else the machine was doing: its 1-minute load average (the figures are only as quiet as the machine). */
function loadAverage() {
    return loadavg()[0].toFixed(2);
}

rmSync(scratch, { recursive: true, force: true });
