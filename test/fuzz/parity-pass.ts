import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, closeSync, ftruncateSync, mkdirSync, openSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { includesEntry } from '../../language-server/src/workspace/model-files.js';
import { CheckWorkspaceRequest } from '../../language-server/src/server/check-workspace-protocol.js';
import { GAP_RULES } from '../../language-server/src/rules/registry.js';
import { parityDifferences, serverFindings, sortFindings, type ComparableFinding } from '../support/parity.js';
import type { Failure } from './exercise.js';
import type { FuzzCase } from './fuzz-case.js';
import { Random } from './random.js';

/**
 * The parity pass (issue 19, deliverable 2): each input is written to disk as a
 * folder (its special entries too: pipes, links, unreadable files and folders, raw
 * bytes), the real server is told of it by watched-file events and then asked to
 * check the workspace, and the real CLI checks the same folder; the findings must
 * agree field by field (file, rule, range, message). Every few inputs the server
 * is started afresh on the folder, so its start-up reading is compared too. Run as
 * user `nobody` when root, so that unreadable entries are unreadable.
 */
export interface ParityOptions {
    root: string;
    /** The folder the inputs are written under (the server's workspace). */
    folder: string;
    hangMs: number;
    /** Start the server afresh every this many inputs. */
    restartEvery: number;
}

export interface ParityResult {
    failures: Failure[];
    /** Findings compared. */
    compared: number;
}

const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

export class ParityPass {
    private server: ParityServer | undefined;
    private previous: { dirs: string[]; uris: string[] } | undefined;
    /** Inputs the server has read since it started. */
    private sinceStart = 0;
    restarts = 0;

    constructor(private readonly options: ParityOptions) {
        mkdirSync(options.folder, { recursive: true });
        chmodSync(options.folder, 0o755);
    }

    async run(input: FuzzCase): Promise<ParityResult> {
        const failures: Failure[] = [];
        const random = new Random(input.seed, input.index, 'parity');
        const dir = path.join(this.options.folder, `c${input.index}`);
        if (this.server && !this.server.alive) {
            const died = this.server.describeExit();
            this.server = undefined;
            failures.push({ kind: 'server-died', where: 'parity: server, after the previous input', message: died });
        }
        await this.clearPrevious();
        const uris = writeInput(dir, input).models.map(file => pathToFileURL(path.join(dir, file)).href);
        // The CLI reads the input while the server does (both only read it), from the server's root, as a terminal in the editor's folder would.
        const cliRun = runCli(this.options.root, this.options.folder, path.basename(dir), this.options.hangMs);
        try {
            await this.serverReads(uris, [dir], random, 1, this.options.hangMs);
        } catch (error) {
            failures.push({ kind: this.server?.alive === false ? 'server-died' : 'hang', where: 'parity: server', message: `${String(error)}; ${this.server?.describeExit() ?? ''}` });
            await this.dropServer([dir]);
            await cliRun;
            return { failures, compared: 0 };
        }
        this.previous = { dirs: [dir], uris };
        for (const line of this.server!.takeLogged()) failures.push({ kind: 'logged-error', where: 'parity: server log', message: line });
        const cli = await cliRun;
        if ('error' in cli) {
            failures.push({ kind: 'crash', where: 'parity: cli', message: cli.error });
            return { failures, compared: 0 };
        }
        const server = serverFindings(this.server!.diagnostics, this.options.folder).filter(f => f.file.startsWith(`${path.basename(dir)}/`));
        const { onlyCli, onlyServer } = parityDifferences(cli.findings, server);
        if (onlyCli.length > 0 || onlyServer.length > 0) {
            failures.push({ kind: 'parity', where: 'parity: cli and server', message: `only in the CLI: ${JSON.stringify(onlyCli)}; only in the server: ${JSON.stringify(onlyServer)}` });
        }
        return { failures, compared: cli.findings.length };
    }

    /**
     * Several inputs at once, for speed: each in its folder with its joinery.json (see
     * `withProjectConfig`), so each a project of one workspace, read by one run of the
     * CLI on the whole folder and one check of the server. The results, when every
     * finding agrees and nothing crashed, hung or logged an error; otherwise undefined,
     * and the caller runs each input alone to find which one it was and to record it.
     */
    async runBatch(inputs: readonly FuzzCase[]): Promise<ParityResult[] | undefined> {
        if (this.server && !this.server.alive) return undefined;
        await this.clearPrevious();
        const dirs = inputs.map(input => path.join(this.options.folder, `c${input.index}`));
        const uris = inputs.flatMap((input, k) => writeInput(dirs[k], input).models.map(file => pathToFileURL(path.join(dirs[k], file)).href));
        const random = new Random(inputs[0].seed, inputs[0].index, 'parity batch');
        const hangMs = 2 * this.options.hangMs;
        const cliRun = runCli(this.options.root, this.options.folder, '.', hangMs);
        try {
            await this.serverReads(uris, dirs, random, inputs.length, hangMs);
        } catch {
            await this.dropServer(dirs);
            await cliRun;
            return undefined;
        }
        this.previous = { dirs, uris };
        const cli = await cliRun;
        if (this.server!.takeLogged().length > 0 || 'error' in cli) return undefined;
        // The batch's folders only: diagnostics the server published for earlier inputs' files are not compared again.
        const batchOf = (file: string) => file.slice(0, file.indexOf('/') + 1);
        const prefixes = new Set(inputs.map(input => `c${input.index}/`));
        const server = serverFindings(this.server!.diagnostics, this.options.folder).filter(f => prefixes.has(batchOf(f.file)));
        const { onlyCli, onlyServer } = parityDifferences(cli.findings, server, 1);
        if (onlyCli.length > 0 || onlyServer.length > 0) return undefined;
        const compared = new Map<string, number>();
        for (const f of cli.findings) compared.set(batchOf(f.file), (compared.get(batchOf(f.file)) ?? 0) + 1);
        return inputs.map(input => ({ failures: [], compared: compared.get(`c${input.index}/`) ?? 0 }));
    }

    /**
     * The server reads the inputs just written: started afresh on the folder every
     * `restartEvery` inputs (its start-up reading), else told by watched-file events
     * as an editor's watcher sends them, some for paths that are gone or are
     * folders; then asked to check the workspace.
     */
    private async serverReads(uris: string[], dirs: string[], random: Random, inputs: number, hangMs: number): Promise<void> {
        if (!this.server || this.sinceStart >= this.options.restartEvery) {
            await this.server?.stop();
            this.server = await ParityServer.start(this.options.root, this.options.folder);
            this.restarts++;
            this.sinceStart = inputs;
            await this.server.checkWorkspace(hangMs);
            return;
        }
        this.sinceStart += inputs;
        const changes = uris.map(uri => ({ uri, type: random.chance(0.8) ? 1 : 2 }));
        for (const dir of dirs) {
            if (random.chance(0.3)) changes.push({ uri: pathToFileURL(path.join(dir, 'gone.joinery')).href, type: random.pick([1, 2]) });
            if (random.chance(0.2)) changes.push({ uri: pathToFileURL(dir).href, type: 1 });
        }
        await this.server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
        await this.server.checkWorkspace(hangMs);
    }

    /** After a crash or hang: the next input gets a new server; the folders written are cleared. */
    private async dropServer(dirs: string[]): Promise<void> {
        await this.server?.stop();
        this.server = undefined;
        this.previous = { dirs, uris: [] };
    }

    private async clearPrevious(): Promise<void> {
        if (!this.previous) return;
        const { dirs, uris } = this.previous;
        for (const dir of dirs) {
            spawnSync('chmod', ['-R', 'u+rwx', dir]);
            rmSync(dir, { recursive: true, force: true });
        }
        if (this.server?.alive && uris.length > 0) await this.server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: uris.map(uri => ({ uri, type: 3 })) });
        this.previous = undefined;
    }

    async stop(): Promise<void> {
        await this.clearPrevious();
        await this.server?.stop();
        this.server = undefined;
    }
}

/**
 * The input with a joinery.json of its own at its root, when it has none: the empty
 * file mostly, sometimes rule levels or ignores (of one of its files, a folder, a
 * glob), so that the parity pass compares projects, rule settings and ignores too,
 * and so that inputs run together (`runBatch`) stay apart, each a project.
 */
export function withProjectConfig(input: FuzzCase): FuzzCase {
    if ('joinery.json' in input.files || input.entries?.some(entry => entry.path === 'joinery.json')) return input;
    const random = new Random(input.seed, input.index, 'project config');
    const files = Object.keys(input.files).filter(isSafePath);
    const folders = [...new Set(files.filter(file => file.includes('/')).map(file => file.slice(0, file.lastIndexOf('/') + 1)))];
    const config = random.weighted<() => object>([
        [6, () => ({})],
        [2, () => ({ rules: Object.fromEntries(Array.from({ length: random.int(1, 3) }, () => [random.pick(GAP_RULES).id, random.pick(['off', 'info', 'warning', 'error'])])) })],
        [2, () => ({ ignores: [files.length > 0 && random.chance(0.6) ? random.pick(files) : folders.length > 0 && random.chance(0.5) ? random.pick(folders) : random.pick(['*.joinery', '**/b*.joinery', 'drafts/**', '[!a]*.joinery'])] })]
    ])();
    return { ...input, files: { ...input.files, 'joinery.json': `${JSON.stringify(config, undefined, 2)}\n` } };
}

/** Writes the input's files and special entries; returns the model files the walk takes (for the events). */
function writeInput(dir: string, input: FuzzCase): { models: string[] } {
    mkdirSync(dir, { recursive: true });
    const models: string[] = [];
    const write = (file: string, content: string | Buffer) => {
        const full = path.join(dir, file);
        mkdirSync(path.dirname(full), { recursive: true });
        writeFileSync(full, content);
    };
    for (const [file, text] of Object.entries(input.files)) {
        if (!isSafePath(file)) continue;
        write(file, text);
        models.push(file);
    }
    const unreadable: string[] = [];
    for (const entry of input.entries ?? []) {
        if (!isSafePath(entry.path)) continue;
        const full = path.join(dir, entry.path);
        mkdirSync(path.dirname(full), { recursive: true });
        try {
            switch (entry.kind) {
                case 'bytes': writeFileSync(full, Buffer.from(entry.data ?? '', 'base64')); break;
                case 'fifo': spawnSync('mkfifo', [full]); break;
                case 'broken-link': symlinkSync('nowhere.joinery', full); break;
                case 'link-loop': symlinkSync(path.basename(full), full); break;
                case 'link-to-file': case 'link-to-folder': symlinkSync(entry.data ?? 'x', full); break;
                case 'folder': mkdirSync(full, { recursive: true }); break;
                case 'sparse': { const fd = openSync(full, 'w'); ftruncateSync(fd, Number(entry.data ?? 0)); closeSync(fd); break; }
                case 'unreadable-file': case 'unreadable-folder': unreadable.push(full); break;
            }
        } catch { /* an entry that cannot be made here (mkfifo missing) is left out */ }
        models.push(entry.path);
    }
    spawnSync('chmod', ['-R', 'a+rX', dir]);
    for (const full of unreadable) chmodSync(full, 0o000);
    return { models: models.filter(file => isWalked(file)) };
}

function isSafePath(file: string): boolean {
    return file.length > 0 && !path.isAbsolute(file) && !file.split(/[\\/]/).includes('..');
}

/** Whether the walk reaches the file at all (skipped folders are not, so no event is sent for them either, as a watcher with the CLI's rules). */
function isWalked(file: string): boolean {
    const parts = file.split('/');
    return parts.slice(0, -1).every(part => includesEntry(part, true));
}

/** `joinery check TARGET --format json` in `cwd`; every model ignored is no finding (the CLI says so and exits 2, the editor shows nothing). */
function runCli(root: string, cwd: string, target: string, timeoutMs: number): Promise<{ findings: ComparableFinding[] } | { error: string }> {
    return new Promise(resolve => {
        const child = spawn(process.execPath, [path.join(root, 'bin/joinery.cjs'), 'check', target, '--format', 'json'], {
            cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'], ...asNobody
        });
        const out: Buffer[] = [], err: Buffer[] = [];
        child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
        child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
        const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
        child.on('close', (status, signal) => {
            clearTimeout(timer);
            const stdout = Buffer.concat(out).toString('utf-8'), stderr = Buffer.concat(err).toString('utf-8');
            if (signal) return resolve({ error: `the CLI was killed (${signal}): no answer in ${timeoutMs} ms` });
            if (status === 2 && /^joinery: no model file \(\*\.joinery\) in '[^']*'\n$/.test(stderr)) return resolve({ findings: [] });
            if (status !== 0 && status !== 1) return resolve({ error: `the CLI exited ${status}: ${stderr.slice(0, 1000)}` });
            if (stderr) return resolve({ error: `the CLI wrote to standard error: ${stderr.slice(0, 1000)}` });
            try {
                const parsed = JSON.parse(stdout) as { findings: ComparableFinding[] };
                resolve({ findings: sortFindings(parsed.findings.map(f => ({ file: f.file, rule: f.rule, range: f.range, message: f.message }))) });
            } catch (error) {
                resolve({ error: `the CLI's JSON does not parse: ${String(error)}` });
            }
        });
    });
}

/** The real server on the parity folder, as `nobody` when root. */
class ParityServer {
    readonly diagnostics = new Map<string, Diagnostic[]>();
    private logged: string[] = [];
    private exited = false;
    private stderr = '';

    private constructor(readonly child: ChildProcess, readonly connection: ProtocolConnection) {
        connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => { this.diagnostics.set(params.uri, params.diagnostics); });
        connection.onNotification('window/logMessage', (params: { type: number; message: string }) => { if (params.type <= 1) this.logged.push(params.message.slice(0, 2000)); });
        connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
        connection.onRequest('client/registerCapability', () => null);
        child.stderr!.on('data', (chunk: Buffer) => {
            this.logged.push(chunk.toString('utf-8').slice(0, 2000));
            this.stderr = (this.stderr + chunk.toString('utf-8')).slice(-3000);
        });
        child.on('exit', (code, signal) => { this.exited = true; this.exitStatus = `${signal ?? code}`; });
        connection.onError(() => undefined);
    }

    static async start(root: string, folder: string): Promise<ParityServer> {
        const child = spawn(process.execPath, [path.join(root, 'bin/joinery-language-server.cjs'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], ...asNobody });
        const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
        const server = new ParityServer(child, connection);
        connection.listen();
        const uri = pathToFileURL(folder).href;
        // No processId as `nobody`: the server would find it cannot signal a root process, take it for dead and exit.
        await connection.sendRequest('initialize', { processId: 'uid' in asNobody ? null : process.pid, rootUri: uri, workspaceFolders: [{ uri, name: 'parity' }], capabilities: { workspace: { workspaceFolders: true } } });
        await connection.sendNotification('initialized', {});
        return server;
    }

    get alive(): boolean {
        return !this.exited && this.child.exitCode === null;
    }

    /** "Check Workspace": the server re-reads the folder and republishes; the answer comes after the diagnostics. */
    async checkWorkspace(timeoutMs: number): Promise<void> {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer to ${CheckWorkspaceRequest.method} in ${timeoutMs} ms`)), timeoutMs); });
        try {
            await Promise.race([this.connection.sendRequest(CheckWorkspaceRequest), timeout]);
        } finally {
            clearTimeout(timer);
        }
    }

    private exitStatus = '';

    describeExit(): string {
        return this.alive ? 'still running' : `the server exited (${this.exitStatus}); its standard error: ${this.stderr}`;
    }

    takeLogged(): string[] {
        const logged = this.logged;
        this.logged = [];
        return logged;
    }

    async stop(): Promise<void> {
        if (this.alive) {
            try {
                await Promise.race([this.connection.sendRequest('shutdown'), new Promise(resolve => setTimeout(resolve, 2000))]);
                await this.connection.sendNotification('exit');
            } catch { /* gone */ }
            await Promise.race([new Promise(resolve => this.child.once('exit', resolve)), new Promise(resolve => setTimeout(resolve, 2000))]);
        }
        this.connection.dispose();
        if (this.child.exitCode === null) this.child.kill('SIGKILL');
    }
}
