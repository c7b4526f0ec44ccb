import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CODE_SERVER_BIN, node24Env } from './code-server-install.js';

/** User settings for a quiet, offline, trusting workbench. */
const USER_SETTINGS = {
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'chat.disableAIFeatures': true,
    'git.enabled': false
};

/** A real code-server (VS Code's workbench) on 127.0.0.1, with only the given .vsix installed, in fresh folders. */
export class CodeServer {
    private constructor(readonly url: string, private readonly process: ChildProcess, private readonly home: string, readonly log: () => string) {}

    static async start(vsix: string): Promise<CodeServer> {
        const home = mkdtempSync(path.join(tmpdir(), 'joinery-code-server-'));
        const userData = path.join(home, 'user-data');
        const extensions = path.join(home, 'extensions');
        mkdirSync(path.join(userData, 'User'), { recursive: true });
        writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
        const port = await freePort();
        // Its own config file, so code-server writes nothing into ~/.config.
        const config = path.join(home, 'config.yaml');
        writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
        const common = ['--config', config, '--user-data-dir', userData, '--extensions-dir', extensions];
        const install = spawnSync(CODE_SERVER_BIN, [...common, '--install-extension', vsix], { env: node24Env(), encoding: 'utf-8' });
        if (install.status !== 0) throw new Error(`installing ${vsix} failed:\n${install.stdout}${install.stderr}`);
        // Its own process group, so that stopping it also ends the extension host and file watcher it forks.
        const child = spawn(CODE_SERVER_BIN, [...common, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
            '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust'],
        { env: node24Env({ EXTENSIONS_GALLERY: '{}' }), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        child.stdout.on('data', chunk => output += chunk);
        child.stderr.on('data', chunk => output += chunk);
        const server = new CodeServer(`http://127.0.0.1:${port}`, child, home, () => output);
        await server.waitUntilListening();
        return server;
    }

    /** The workbench URL that opens `folder`. */
    folderUrl(folder: string): string {
        return `${this.url}/?folder=${encodeURIComponent(folder)}`;
    }

    private async waitUntilListening(): Promise<void> {
        const deadline = Date.now() + 60_000;
        while (Date.now() < deadline) {
            if (this.process.exitCode !== null) throw new Error(`code-server exited (${this.process.exitCode}):\n${this.log()}`);
            try {
                await fetch(`${this.url}/healthz`);
                return;
            } catch {
                await new Promise(resolve => setTimeout(resolve, 250));
            }
        }
        throw new Error(`code-server did not listen within a minute:\n${this.log()}`);
    }

    async stop(): Promise<void> {
        if (this.process.exitCode === null && this.process.pid) {
            const exited = new Promise(resolve => this.process.once('exit', resolve));
            try {
                process.kill(-this.process.pid, 'SIGTERM');
            } catch { /* already gone */ }
            await Promise.race([exited, new Promise(resolve => setTimeout(resolve, 5000))]);
            try {
                process.kill(-this.process.pid, 'SIGKILL');
            } catch { /* all ended */ }
        }
        rmSync(this.home, { recursive: true, force: true });
    }
}

function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const server = createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const address = server.address();
            server.close(() => typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')));
        });
    });
}
