import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LanguageServerSession, ROOT } from '../support/lsp-client.js';

// The package as a CI team gets it: `npm pack`, then `npm install -g` of the tarball
// into a prefix of its own, offline and far from this checkout's node_modules, then
// every program it installs, run from there.
const scratch = mkdtempSync(path.join(tmpdir(), 'joinery-package-'));
const prefix = path.join(scratch, 'prefix');
const models = path.join(scratch, 'models');
let packed: { filename: string; files: Array<{ path: string }>; unpackedSize: number };

/** npm with none of the settings that `npm test` passes down to its children (npm_config_*). */
function npm(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && key !== 'NODE_PATH'));
    const npmCli = process.env.npm_execpath && /npm-cli\.js$/.test(process.env.npm_execpath) ? [process.execPath, process.env.npm_execpath] : ['npm'];
    const run = spawnSync(npmCli[0], [...npmCli.slice(1), ...args], { cwd, env: { ...env, npm_config_cache: path.join(scratch, 'npm-cache') }, encoding: 'utf-8', timeout: 180_000 });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Runs an installed program with a PATH that has the prefix's bin first and no checkout on it. */
function installed(program: string, args: string[], cwd = models): { status: number | null; stdout: string; stderr: string } {
    const env = { PATH: `${path.join(prefix, 'bin')}${path.delimiter}${path.dirname(process.execPath)}${path.delimiter}/usr/bin:/bin`, HOME: scratch, NO_COLOR: '1' };
    const run = spawnSync(path.join(prefix, 'bin', program), args, { cwd, env, encoding: 'utf-8', timeout: 60_000 });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
    // `npm test` built the bundles first; --ignore-scripts keeps pack from building again.
    const pack = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', scratch], ROOT);
    expect(pack.status, pack.stderr).toBe(0);
    packed = JSON.parse(pack.stdout)[0];
    const install = npm(['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', path.join(scratch, packed.filename)], scratch);
    expect(install.status, install.stderr).toBe(0);
    cpSync(path.join(ROOT, 'examples'), models, { recursive: true });
}, 240_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the npm package', () => {
    it('holds the programs, their bundles, the rule docs, the profile schema, README and LICENSE, and nothing else', () => {
        const files = packed.files.map(file => file.path).sort();
        const ruleDocs = readFileSync(path.join(ROOT, 'docs/rules/README.md'), 'utf-8').match(/\(([a-z-]+)\.md\)/g)!.map(link => `docs/rules/${link.slice(1, -1)}`);
        expect(files).toEqual([
            'LICENSE', 'README.md',
            'bin/joinery-language-server.cjs', 'bin/joinery.cjs',
            ...ruleDocs, 'docs/rules/README.md',
            'out/cli.cjs', 'out/elk.cjs', 'out/map-layout-worker.cjs', 'out/server.cjs',
            'package.json', 'schemas/joinery-profile.schema.json'
        ].sort());
        expect(readFileSync(path.join(ROOT, 'LICENSE'), 'utf-8')).toMatch(/^MIT License/);
    });

    it('is publishable and needs no dependency at run time: the bundles hold them all', () => {
        const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf-8'));
        expect(manifest.private).toBeUndefined();
        expect(manifest.license).toBe('MIT');
        expect(manifest.dependencies ?? {}).toEqual({});
        for (const key of ['repository', 'homepage', 'bugs', 'keywords']) expect(manifest[key], key).toBeTruthy();
        const lib = path.join(prefix, 'lib', 'node_modules', 'joinery');
        expect(existsSync(path.join(lib, 'out', 'cli.cjs'))).toBe(true);
        expect(existsSync(path.join(lib, 'node_modules'))).toBe(false);
    });

    it('checks models from anywhere, with the exit code that says there are errors', () => {
        const stylish = installed('joinery', ['check', '.']);
        expect(stylish.stderr).toBe('');
        expect(stylish.status).toBe(1);
        expect(stylish.stdout).toMatch(/✖ \d+ findings \(\d+ errors, \d+ warnings, \d+ info\) in 12 files/);
        const json = JSON.parse(installed('joinery', ['check', 'lanarkshire', '--format', 'json']).stdout);
        expect(json.files).toBe(3);
        expect(json.findings.some((f: { rule: string }) => f.rule === 'no-board-voice')).toBe(true);
        expect(installed('joinery', ['--version']).stdout.trim()).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf-8')).version);
    }, 120_000);

    it('writes the report and the graph, with the layout library it carries', () => {
        const html = installed('joinery', ['report', 'hub']);
        expect(html.status, html.stderr).toBe(0);
        expect(html.stdout).toMatch(/^<!DOCTYPE html>/i);
        expect(html.stdout).toContain('<svg');
        const svg = installed('joinery', ['graph', 'hub', '--format', 'svg']);
        expect(svg.status, svg.stderr).toBe(0);
        expect(svg.stdout).toContain('<svg');
        const mermaid = installed('joinery', ['graph', 'hub', '--format', 'mermaid']);
        expect(mermaid.status, mermaid.stderr).toBe(0);
        expect(mermaid.stdout).toMatch(/^flowchart/m);
    }, 120_000);

    it('installs as a project dependency, and runs through npx --package=FILE.tgz', () => {
        const project = path.join(scratch, 'project');
        mkdirSync(project);
        writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'models-repository', version: '1.0.0', private: true }));
        const tarball = path.join(scratch, packed.filename);
        const install = npm(['install', '--save-dev', '--offline', '--no-audit', '--no-fund', tarball], project);
        expect(install.status, install.stderr).toBe(0);
        const local = spawnSync(path.join(project, 'node_modules', '.bin', 'joinery'), ['check', path.join(models, 'hub'), '-f', 'json'], { cwd: project, encoding: 'utf-8', env: { PATH: `${path.dirname(process.execPath)}:/usr/bin:/bin` } });
        expect(JSON.parse(local.stdout).files).toBe(1);
        const viaNpx = npm(['exec', '--yes', '--offline', `--package=${tarball}`, '--', 'joinery', 'check', path.join(models, 'hub'), '-f', 'json'], scratch);
        expect(viaNpx.stderr).not.toMatch(/Cannot find module/);
        expect(JSON.parse(viaNpx.stdout).files).toBe(1);
    }, 120_000);

    it('starts the language server on stdio, which answers initialize and publishes the findings', async () => {
        const env = { PATH: `${path.join(prefix, 'bin')}${path.delimiter}${path.dirname(process.execPath)}`, HOME: scratch };
        const folder = path.join(models, 'hub');
        const session = await LanguageServerSession.start(folder, { command: { program: path.join(prefix, 'bin', 'joinery-language-server'), args: [], env } });
        try {
            expect(session.initializeResult?.capabilities.hoverProvider).toBeTruthy();
            await session.settle(1);
            const diagnostics = session.diagnostics.get(pathToFileURL(path.join(folder, 'hub.joinery')).href) ?? [];
            expect(diagnostics.map(d => d.code)).toContain('stage-claim-unsupported');
            // The rule's page is the installed package's own copy.
            const link = diagnostics.find(d => d.code === 'stage-claim-unsupported')?.codeDescription?.href ?? '';
            expect(link.startsWith(pathToFileURL(path.join(prefix, 'lib', 'node_modules', 'joinery', 'docs', 'rules')).href)).toBe(true);
        } finally {
            await session.stop();
        }
    }, 60_000);
});
