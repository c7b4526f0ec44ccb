// `npm run package`: the VS Code extension as a .vsix that needs no node_modules.
// The client and the server are already single esbuild bundles (scripts/bundle.mjs);
// this lays out the extension's files in a fresh folder and runs vsce offline on it.
// Usage: node scripts/package-extension.mjs [--out FILE.vsix]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const manifest = JSON.parse(readFileSync(path.join(root, 'extension/package.json'), 'utf-8'));
const outIndex = process.argv.indexOf('--out');
const out = path.resolve(outIndex > 0 ? process.argv[outIndex + 1] : path.join(root, `${manifest.name}-${manifest.version}.vsix`));

/** What goes into the .vsix: source path in the checkout → path in the extension. */
const layout = {
    'extension/package.json': 'package.json',
    'extension/README.md': 'README.md',
    'extension/language-configuration.json': 'language-configuration.json',
    'extension/syntaxes': 'syntaxes',
    'extension/snippets': 'snippets',
    'extension/schemas': 'schemas',
    'extension/icons': 'icons',
    'extension/out/extension.cjs': 'out/extension.cjs',
    'extension/out/server.cjs': 'out/server.cjs',
    // The integration map's layout thread, started by the server beside it (language-server/src/report/map-worker.ts).
    'extension/out/map-layout-worker.cjs': 'out/map-layout-worker.cjs',
    // The integration map's webview script, loaded by the map page (extension/src/integration-map-page.ts).
    'extension/out/integration-map-view.js': 'out/integration-map-view.js',
    // The server links each finding to its rule's page, found beside the extension's package.json.
    'docs/rules': 'docs/rules'
};

const stage = mkdtempSync(path.join(tmpdir(), 'joinery-vsix-'));
try {
    for (const [from, to] of Object.entries(layout)) {
        const source = path.join(root, from);
        if (!existsSync(source)) throw new Error(`${from} is missing: run \`npm run build\` first`);
        mkdirSync(path.dirname(path.join(stage, to)), { recursive: true });
        cpSync(source, path.join(stage, to), { recursive: true });
    }
    const vsce = path.join(root, 'node_modules/@vscode/vsce/vsce');
    const run = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--out', out],
        { cwd: stage, encoding: 'utf-8' });
    if (run.status !== 0) {
        process.stderr.write(run.stdout + run.stderr);
        throw new Error(`vsce package failed (exit ${run.status})`);
    }
    process.stdout.write(run.stdout.replace(/\s+$/, '') + '\n');
} finally {
    rmSync(stage, { recursive: true, force: true });
}
