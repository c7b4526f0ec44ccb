// Bundles the CLI and the language server into single CommonJS files, so that
// start-up loads one file and the VS Code extension needs no node_modules.
import * as esbuild from 'esbuild';
import { copyFileSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf-8'));
const common = {
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true,
    logLevel: 'warning',
    define: { JOINERY_VERSION: JSON.stringify(version), 'import.meta.url': '__importMetaUrl' },
    // Langium's ESM code reads import.meta.url; CommonJS has __filename instead.
    banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};
// ELK (graph layout, 1.6 MB) stays a file of its own beside the CLI and server,
// loaded only when a map is drawn, so that `joinery check` starts as fast as before
// (`.cjs`: this package is ESM, and the file is CommonJS).
const elkBundle = createRequire(import.meta.url).resolve('elkjs/lib/elk.bundled.js');
const elkBeside = {
    name: 'elk-beside-bundle',
    setup: build => build.onResolve({ filter: /^elkjs\/lib\/elk\.bundled\.js$/ }, () => ({ path: './elk.cjs', external: true }))
};
await esbuild.build({
    ...common,
    entryPoints: { cli: 'language-server/src/cli/main.ts', server: 'language-server/src/server/main.ts' },
    outdir: 'out',
    outExtension: { '.js': '.cjs' },
    plugins: [elkBeside],
    // `report --format pdf` drives Chromium through playwright-core, loaded from node_modules only when asked for.
    external: ['playwright-core']
});
copyFileSync(elkBundle, 'out/elk.cjs');

// The VS Code extension: its thin client, and the same server bundle beside it.
await esbuild.build({
    ...common,
    entryPoints: { extension: 'extension/src/extension.ts', server: 'language-server/src/server/main.ts' },
    outdir: 'extension/out',
    outExtension: { '.js': '.cjs' },
    external: ['vscode']
});

// The integration map's webview script (a browser bundle, loaded by the page's nonce).
await esbuild.build({
    bundle: true, platform: 'browser', target: 'es2022', format: 'iife', logLevel: 'warning', sourcemap: true,
    entryPoints: { 'integration-map-view': 'extension/src/map-view/integration-map-view.mts' },
    outdir: 'extension/out'
});
