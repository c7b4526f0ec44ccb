import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { corpusFileName, readCorpus, saveToCorpus } from './corpus.js';
import { exerciseCase, type ExerciseResult, type Failure } from './exercise.js';
import { fuzzCase, loadExamples, type Examples, type FuzzCase } from './fuzz-case.js';
import { FuzzWorkspace } from './fuzz-workspace.js';
import { FuzzServer } from './lsp-pass.js';
import { ParityPass, withProjectConfig } from './parity-pass.js';
import { residentMb } from '../../scripts/bench/lsp-timing.mjs';
import { soakEdits } from './soak.js';

/**
 * `npm run fuzz -- --count N --seconds S --seed X`: generated and mutated inputs
 * through two passes at once, each in its own process: the in-process pass (parse,
 * link, validate, every rule, every provider, the invariants) in a worker, and
 * the LSP pass through the real server over stdio. Every failing input is kept
 * in the corpus. Exit code 1 when anything crashed, hung or broke an invariant.
 */

const USAGE = `npm run fuzz -- [--count N] [--seconds S] [--seed X] [--index I] [--replay FILE|DIR]
  [--no-lsp] [--no-in-process] [--no-parity] [--parity-batch 16] [--no-invariants] [--slow-ms 2000] [--hang-ms 30000]
  [--positions 2] [--corpus DIR] [--no-save] [--keep REASON] [--json]
  [--soak-edits N [--soak-files 1000] [--sample-every 100]]
--keep saves every input run to the corpus, failing or not (for inputs that failed before a fix).
--soak-edits runs only the soak: the server on a generated workspace through N edits, its memory
sampled (test/fuzz/soak.ts). A long run of random requests is the LSP pass alone:
--no-in-process --no-parity --seconds 600 (the server's memory is reported).`;

interface Options {
    root: string;
    count: number;
    seconds: number;
    seed: string;
    index?: number;
    replay?: string;
    lsp: boolean;
    inProcess: boolean;
    parity: boolean;
    invariants: boolean;
    slowMs: number;
    hangMs: number;
    /** Inputs the parity pass runs together, each a project of one workspace. */
    parityBatch: number;
    positions: number;
    corpus: string;
    save: boolean;
    keep?: string;
    json: boolean;
    soakEdits: number;
    soakFiles: number;
    sampleEvery: number;
}

interface LaneSummary {
    inputs: number;
    requests: number;
    crashes: number;
    hangs: number;
    slow: number;
    invariantViolations: number;
    maxRequestMs: number;
    slowestRequest: string;
    restarts: number;
}

interface ParitySummary {
    inputs: number;
    /** Findings compared field by field (file, rule, range, message), CLI against server. */
    findings: number;
    /** Inputs on which the two disagreed. */
    differences: number;
    crashes: number;
    hangs: number;
    restarts: number;
    /** Batches (`--parity-batch`) that did not agree throughout, so were run again input by input. */
    batchesRunAlone: number;
}

interface WorkerReply {
    result?: ExerciseResult;
    error?: string;
}

const CRASH_KINDS = new Set(['exception', 'logged-error', 'crash', 'error-response', 'server-died']);

function parseOptions(argv: string[]): Options {
    const { values } = parseArgs({
        args: argv, strict: true, allowPositionals: false,
        options: {
            root: { type: 'string' }, count: { type: 'string', default: '10000' }, seconds: { type: 'string', default: '3600' },
            seed: { type: 'string', default: 'joinery' }, index: { type: 'string' }, replay: { type: 'string' },
            'no-lsp': { type: 'boolean', default: false }, 'no-in-process': { type: 'boolean', default: false }, 'no-parity': { type: 'boolean', default: false },
            'no-invariants': { type: 'boolean', default: false }, 'slow-ms': { type: 'string', default: '2000' },
            'hang-ms': { type: 'string', default: '30000' }, 'parity-batch': { type: 'string', default: '16' }, positions: { type: 'string', default: '2' },
            corpus: { type: 'string' }, 'no-save': { type: 'boolean', default: false }, keep: { type: 'string' }, json: { type: 'boolean', default: false },
            worker: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false },
            'soak-edits': { type: 'string', default: '0' }, 'soak-files': { type: 'string', default: '1000' }, 'sample-every': { type: 'string', default: '100' }
        }
    });
    if (values.help) {
        process.stdout.write(USAGE + '\n');
        process.exit(0);
    }
    const root = path.resolve(values.root ?? findRoot(process.cwd()));
    const number = (name: string, value: string | undefined) => {
        const parsed = Number(value);
        if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`--${name} takes a number, got '${value}'`);
        return parsed;
    };
    return {
        root, count: number('count', values.count), seconds: number('seconds', values.seconds), seed: values.seed,
        index: values.index === undefined ? undefined : number('index', values.index), replay: values.replay,
        lsp: !values['no-lsp'], inProcess: !values['no-in-process'], parity: !values['no-parity'], invariants: !values['no-invariants'],
        slowMs: number('slow-ms', values['slow-ms']), hangMs: number('hang-ms', values['hang-ms']), parityBatch: Math.max(1, number('parity-batch', values['parity-batch'])), positions: number('positions', values.positions),
        corpus: path.resolve(values.corpus ?? path.join(root, 'test/fuzz/corpus')), save: !values['no-save'], keep: values.keep, json: values.json,
        soakEdits: number('soak-edits', values['soak-edits']), soakFiles: number('soak-files', values['soak-files']), sampleEvery: Math.max(1, number('sample-every', values['sample-every']))
    };
}

function findRoot(from: string): string {
    for (let dir = from; ; dir = path.dirname(dir)) {
        const manifest = path.join(dir, 'package.json');
        if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf-8')).name === 'joinery') return dir;
        if (path.dirname(dir) === dir) throw new Error('run inside the joinery checkout or pass --root');
    }
}

/** The inputs of this run, in order: a replayed corpus, one index, or the seeded sequence. */
function inputSource(options: Options, examples: Examples): { total: number; get(i: number): FuzzCase } {
    if (options.replay) {
        const entries = readCorpus(path.resolve(options.replay));
        return { total: entries.length, get: i => entries[i] };
    }
    if (options.index !== undefined) return { total: 1, get: () => fuzzCase(options.seed, options.index!, examples) };
    return { total: options.count, get: i => fuzzCase(options.seed, i, examples) };
}

function emptyLane(): LaneSummary {
    return { inputs: 0, requests: 0, crashes: 0, hangs: 0, slow: 0, invariantViolations: 0, maxRequestMs: 0, slowestRequest: '', restarts: 0 };
}

function tally(lane: LaneSummary, failures: Failure[], requests: number, slowest: { name: string; ms: number }): void {
    lane.inputs++;
    lane.requests += requests;
    if (slowest.ms > lane.maxRequestMs) {
        lane.maxRequestMs = slowest.ms;
        lane.slowestRequest = slowest.name;
    }
    if (failures.some(f => CRASH_KINDS.has(f.kind))) lane.crashes++;
    if (failures.some(f => f.kind === 'hang')) lane.hangs++;
    if (failures.some(f => f.kind === 'slow')) lane.slow++;
    if (failures.some(f => f.kind === 'invariant')) lane.invariantViolations++;
}

/** The in-process pass in a child process, so that a hang or a hard crash is seen, not suffered. */
class InProcessWorker {
    private child: ChildProcess | undefined;
    /** Resolves the input in flight; bound to the child that runs it, so a killed child's exit cannot answer for the next. */
    private pending: ((reply: WorkerReply) => void) | undefined;

    constructor(private readonly options: Options) { }

    private start(): ChildProcess {
        const child = fork(process.argv[1], ['--worker'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
        child.on('message', (reply: WorkerReply) => { if (this.child === child) this.settle(reply); });
        child.on('exit', (code, signal) => {
            if (this.child !== child) return;
            this.child = undefined;
            this.settle({ error: `the worker process exited with ${signal ?? code}` });
        });
        return child;
    }

    private settle(reply: WorkerReply): void {
        const resolve = this.pending;
        this.pending = undefined;
        resolve?.(reply);
    }

    async run(input: FuzzCase): Promise<{ reply: WorkerReply; restarted: boolean }> {
        const child = this.child ??= this.start();
        const reply = await new Promise<WorkerReply>(resolve => {
            const timer = setTimeout(() => this.settle({ error: `no answer in ${this.options.hangMs} ms` }), this.options.hangMs);
            this.pending = value => { clearTimeout(timer); resolve(value); };
            child.send({ input, options: { slowMs: this.options.slowMs, invariants: this.options.invariants, positions: this.options.positions } });
        });
        const restarted = reply.error !== undefined;
        if (restarted) this.stop();
        return { reply, restarted };
    }

    stop(): void {
        const child = this.child;
        this.child = undefined;
        if (child && child.exitCode === null) child.kill('SIGKILL');
    }
}

async function runWorker(): Promise<void> {
    const workspace = new FuzzWorkspace();
    process.on('message', async (message: { input: FuzzCase; options: { slowMs: number; invariants: boolean; positions: number } }) => {
        try {
            process.send!({ result: await exerciseCase(workspace, message.input, message.options) });
        } catch (error) {
            process.send!({ error: error instanceof Error ? error.stack ?? error.message : String(error) });
        }
    });
}

async function main(): Promise<number> {
    if (process.argv.includes('--worker')) {
        await runWorker();
        return -1;
    }
    const options = parseOptions(process.argv.slice(2));
    if (options.soakEdits > 0) return soak(options);
    const examples = loadExamples(options.root);
    const source = inputSource(options, examples);
    const deadline = Date.now() + options.seconds * 1000;
    const started = Date.now();
    const failed = new Map<number, { input: FuzzCase; failures: Failure[] }>();
    const kept: string[] = [];
    const record = (i: number, input: FuzzCase, failures: Failure[], lane: string) => {
        if (options.keep && lane === 'in-process') {
            kept.push(path.relative(options.root, saveToCorpus(options.corpus, input, failures.length > 0 ? failures : [{ kind: 'crash', where: 'before the fix', message: options.keep }])));
        }
        if (failures.length === 0) return;
        const entry = failed.get(i) ?? { input, failures: [] };
        entry.failures.push(...failures.map(f => ({ ...f, where: `${lane}: ${f.where}` })));
        failed.set(i, entry);
    };
    const inProcess = emptyLane();
    const lsp = emptyLane();
    /** The long-lived server's resident memory (MB) after each input: after the first, the largest, the last. */
    const serverMemory = { afterFirstMb: Number.NaN, maxMb: 0, lastMb: Number.NaN };
    const parity: ParitySummary = { inputs: 0, findings: 0, differences: 0, crashes: 0, hangs: 0, restarts: 0, batchesRunAlone: 0 };
    let capabilities: string[] = [];
    let unexercised: string[] = [];
    let exercisedMethods: string[] = [];
    let providers: string[] = [];

    const inProcessLane = async () => {
        const worker = new InProcessWorker(options);
        for (let i = 0; i < source.total && Date.now() < deadline; i++) {
            const input = source.get(i);
            const { reply, restarted } = await worker.run(input);
            if (restarted) inProcess.restarts++;
            if (process.env.JOINERY_FUZZ_TRACE) process.stderr.write(`in-process ${i} ${reply.error ? `ERROR ${reply.error.slice(0, 300)}` : `${reply.result!.failures.length} failures`} ${input.label.slice(0, 50)}\n`);
            const failures: Failure[] = reply.result?.failures ?? [{ kind: /no answer/.test(reply.error ?? '') ? 'hang' : 'crash', where: 'worker', message: reply.error ?? '' }];
            tally(inProcess, failures, reply.result?.requests ?? 0, reply.result?.slowest ?? { name: '', ms: 0 });
            if (reply.result) providers = reply.result.providers;
            record(i, input, failures, 'in-process');
        }
        worker.stop();
    };

    const lspLane = async () => {
        const folder = mkdtempSync(path.join(tmpdir(), 'joinery-fuzz-'));
        const serverBin = path.join(options.root, 'bin/joinery-language-server.cjs');
        let server = await FuzzServer.start(serverBin, folder);
        capabilities = Object.keys(server.capabilities);
        try {
            for (let i = 0; i < source.total && Date.now() < deadline; i++) {
                const input = source.get(i);
                const traceStart = performance.now();
                let result;
                try {
                    result = await server.exercise(input, { slowMs: options.slowMs, hangMs: options.hangMs, positions: options.positions });
                } catch (error) {
                    result = { failures: [{ kind: 'crash' as const, where: 'lsp pass', message: String(error) }], requests: 0, slowest: { name: '', ms: 0 } };
                }
                if (process.env.JOINERY_FUZZ_TRACE) process.stderr.write(`lsp ${i} ${Math.round(performance.now() - traceStart)} ms ${result.requests} requests ${input.label.slice(0, 50)}\n`);
                tally(lsp, result.failures, result.requests, result.slowest);
                record(i, input, result.failures, 'lsp');
                const mb = residentMb(server.child.pid!);
                if (Number.isNaN(serverMemory.afterFirstMb)) serverMemory.afterFirstMb = mb;
                serverMemory.maxMb = Math.max(serverMemory.maxMb, mb);
                serverMemory.lastMb = mb;
                if (result.failures.some(f => f.kind === 'hang' || f.kind === 'server-died' || f.kind === 'crash')) {
                    for (const method of server.exercised) exercisedMethods.push(method);
                    await server.stop();
                    server = await FuzzServer.start(serverBin, folder);
                    lsp.restarts++;
                }
            }
        } finally {
            exercisedMethods = [...new Set([...exercisedMethods, ...server.exercised])].sort();
            unexercised = server.unexercisedCapabilities();
            await server.stop();
            rmSync(folder, { recursive: true, force: true });
        }
    };

    const parityLane = async () => {
        const folder = mkdtempSync(path.join(tmpdir(), 'joinery-parity-'));
        const pass = new ParityPass({ root: options.root, folder, hangMs: options.hangMs, restartEvery: 25 });
        const tallyParity = (i: number, input: FuzzCase, result: { failures: Failure[]; compared: number }) => {
            if (process.env.JOINERY_FUZZ_TRACE) process.stderr.write(`parity ${i} ${result.compared} findings ${result.failures.length} failures ${input.label.slice(0, 50)}\n`);
            parity.inputs++;
            parity.findings += result.compared;
            if (result.failures.some(f => f.kind === 'parity')) parity.differences++;
            if (result.failures.some(f => CRASH_KINDS.has(f.kind))) parity.crashes++;
            if (result.failures.some(f => f.kind === 'hang')) parity.hangs++;
            record(i, input, result.failures, 'parity');
        };
        const runAlone = async (input: FuzzCase) => {
            try {
                return await pass.run(input);
            } catch (error) {
                return { failures: [{ kind: 'crash' as const, where: 'parity pass', message: String(error) }], compared: 0 };
            }
        };
        try {
            for (let i = 0; i < source.total && Date.now() < deadline; i += options.parityBatch) {
                const batch = Array.from({ length: Math.min(options.parityBatch, source.total - i) }, (_, k) => withProjectConfig(source.get(i + k)));
                // A batch that does not agree throughout is run again input by input, which finds and records the one.
                const results = batch.length > 1 ? await pass.runBatch(batch).catch(() => undefined) : undefined;
                if (!results) parity.batchesRunAlone += batch.length > 1 ? 1 : 0;
                for (const [k, input] of batch.entries()) tallyParity(i + k, input, results?.[k] ?? await runAlone(input));
            }
        } finally {
            parity.restarts = pass.restarts;
            await pass.stop();
            spawnSync('chmod', ['-R', 'u+rwx', folder]);
            rmSync(folder, { recursive: true, force: true });
        }
    };

    const progress = setInterval(() => {
        process.stderr.write(`fuzz: ${Math.round((Date.now() - started) / 1000)} s, in-process ${inProcess.inputs}, lsp ${lsp.inputs}, parity ${parity.inputs}, failing inputs ${failed.size}\n`);
    }, 15_000);
    await Promise.all([options.inProcess ? inProcessLane() : undefined, options.lsp ? lspLane() : undefined, options.parity ? parityLane() : undefined]);
    clearInterval(progress);

    const saved: string[] = [];
    for (const { input, failures } of failed.values()) {
        // Slowness alone depends on the machine's load: such inputs are reported with their seed and index, not kept.
        if (failures.every(f => f.kind === 'slow')) continue;
        if (options.save && !options.replay && !options.keep) saved.push(path.relative(options.root, saveToCorpus(options.corpus, input, failures)));
    }
    const summary = {
        seed: options.replay ? `replay of ${options.replay}` : `seed '${options.seed}'`, seconds: Math.round((Date.now() - started) / 100) / 10, slowMs: options.slowMs,
        inProcess: { ...inProcess, maxRequestMs: Math.round(inProcess.maxRequestMs), providers },
        lsp: { ...lsp, maxRequestMs: Math.round(lsp.maxRequestMs), capabilities, methods: exercisedMethods, unexercisedCapabilities: unexercised, serverMemory },
        parity,
        failingInputs: [...failed.values()].map(({ input, failures }) => ({
            seed: input.seed, index: input.index, label: input.label,
            reproduce: options.replay ? `--replay ${path.relative(options.root, path.join(options.corpus, corpusFileName(input)))}` : `--seed ${input.seed} --index ${input.index}`,
            failures: failures.slice(0, 5).map(f => ({ ...f, message: f.message.slice(0, 600) }))
        })),
        saved: [...saved, ...kept]
    };
    if (options.json) process.stdout.write(JSON.stringify(summary) + '\n');
    else printSummary(summary);
    return failed.size > 0 ? 1 : 0;
}

function printSummary(summary: { seed: string; seconds: number; inProcess: LaneSummary; lsp: LaneSummary & { serverMemory: { afterFirstMb: number; maxMb: number; lastMb: number } }; parity: ParitySummary; failingInputs: Array<{ index: number; label: string; reproduce: string; failures: Failure[] }>; saved: string[] }): void {
    const lane = (name: string, l: LaneSummary) =>
        `${name}: ${l.inputs} inputs, ${l.requests} requests, ${l.crashes} crashes, ${l.hangs} hangs, ${l.slow} slow, ${l.invariantViolations} invariant violations, max request ${Math.round(l.maxRequestMs)} ms (${l.slowestRequest || '-'})`;
    const p = summary.parity;
    const memory = summary.lsp.serverMemory;
    const lines = [`fuzz ${summary.seed}, ${summary.seconds} s`, lane('in-process', summary.inProcess), lane('lsp', summary.lsp),
        ...(summary.lsp.inputs > 0 ? [`    the server's resident memory: ${memory.afterFirstMb.toFixed(0)} MB after the first input, at most ${memory.maxMb.toFixed(0)} MB, ${memory.lastMb.toFixed(0)} MB at the end (${summary.lsp.restarts} restarts)`] : []),
        `parity: ${p.inputs} inputs, ${p.findings} findings compared, ${p.differences} with differences, ${p.crashes} crashes, ${p.hangs} hangs, ${p.restarts} server starts, ${p.batchesRunAlone} batches run again input by input`];
    for (const failing of summary.failingInputs.slice(0, 20)) {
        lines.push(`\ninput ${failing.index} (${failing.label}); reproduce with npm run fuzz -- ${failing.reproduce}`);
        for (const failure of failing.failures) lines.push(`  ${failure.kind} in ${failure.where}: ${failure.message.split('\n').slice(0, 4).join('\n    ')}`);
    }
    if (summary.saved.length > 0) lines.push(`\nkept in the corpus: ${summary.saved.join(', ')}`);
    process.stdout.write(lines.join('\n') + '\n');
}

/** The soak alone (see USAGE): figures printed, exit code 1 when an edit went unanswered or memory grew. */
async function soak(options: Options): Promise<number> {
    const result = await soakEdits({ serverBin: path.join(options.root, 'bin/joinery-language-server.cjs'), files: options.soakFiles, edits: options.soakEdits, sampleEvery: options.sampleEvery, hangMs: options.hangMs });
    if (options.json) process.stdout.write(JSON.stringify(result) + '\n');
    else {
        process.stdout.write([
            `soak: ${options.soakEdits} edits in a ${options.soakFiles}-file workspace; every file's diagnostics ${(result.startupMs / 1000).toFixed(1)} s after start-up; an edit's diagnostics median ${result.medianEditMs.toFixed(0)} ms`,
            `the server's resident memory (MB), least–most per ${options.sampleEvery} edits: ${result.samples.map(s => `${s.edits}: ${s.leastMb.toFixed(0)}–${s.mostMb.toFixed(0)}`).join(', ')}`,
            `the least after 100 edits: spread ${(result.spread * 100).toFixed(1)}%, the last window against the first ${result.growth >= 0 ? '+' : ''}${(result.growth * 100).toFixed(1)}%`,
            ...result.failures.map(failure => `FAIL ${failure}`)
        ].join('\n') + '\n');
    }
    return result.failures.length > 0 ? 1 : 0;
}

main().then(code => { if (code >= 0) process.exitCode = code; }, error => {
    process.stderr.write(`fuzz: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
});
