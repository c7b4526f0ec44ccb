// Bundles the CLI and the language server into single CommonJS files, so that
// start-up loads one file and the VS Code extension needs no node_modules.
import * as esbuild from 'esbuild';
import { copyFileSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { commonJsForNode } from './esbuild-node.mjs';

const { version, homepage, repository } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf-8'));
// The rule pages on the web, at this version's tag (SARIF's helpUri, diff's rule links):
// never a path of the machine that ran the check.
const repositoryWeb = repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
const docsUrl = `${repositoryWeb}/blob/v${version}/docs/rules/`;
const common = {
    ...commonJsForNode, sourcemap: true,
    define: {
        ...commonJsForNode.define,
        JOINERY_VERSION: JSON.stringify(version), JOINERY_HOMEPAGE: JSON.stringify(homepage), JOINERY_DOCS_URL: JSON.stringify(docsUrl)
    }
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
    entryPoints: { cli: 'language-server/src/cli/main.ts', server: 'language-server/src/server/main.ts', 'map-layout-worker': 'language-server/src/report/map-layout-worker.ts' },
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
    entryPoints: { extension: 'extension/src/extension.ts', server: 'language-server/src/server/main.ts', 'map-layout-worker': 'language-server/src/report/map-layout-worker.ts' },
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
