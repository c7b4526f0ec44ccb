// Bundles the CLI, the language server (for Node and for a web worker), the VS Code
// extension (desktop and web) and the playground page, with esbuild.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { commonJsForNode, resolveForNode } from './esbuild-node.mjs';
import { buildPlayground } from './playground/build.mjs';

const { version, homepage, repository } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf-8'));
// The rule pages on the web, at this version's tag (SARIF's helpUri, diff's rule links):
// never a path of the machine that ran the check.
const repositoryWeb = repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
const docsUrl = `${repositoryWeb}/blob/v${version}/docs/rules/`;
const define = { JOINERY_VERSION: JSON.stringify(version), JOINERY_HOMEPAGE: JSON.stringify(homepage), JOINERY_DOCS_URL: JSON.stringify(docsUrl) };
// Minified, but without esbuild's keepNames: its name-keeping wrappers cost the check a
// third more CPU (1,000 files: 13.4 s of user time against 10.4 s, interleaved runs).
// Stack traces still map to the sources through the source maps. The browser bundles
// keep it: the playground's Monaco, bundled with them, misbehaves without it (a typed
// brace went missing in the playground test).
const node = {
    ...commonJsForNode, sourcemap: true, minify: true, keepNames: false, metafile: true,
    define: { ...commonJsForNode.define, ...define }
};
// ELK (graph layout, 1.6 MB) stays a file of its own beside the CLI and server,
// loaded by the map's layout thread (report/map-worker.ts) only when a map is drawn, so that `joinery check` and the editor's server
// start without it (`.cjs`: this package is ESM, and the file is CommonJS).
const elkBundle = createRequire(import.meta.url).resolve('elkjs/lib/elk.bundled.js');
const elkBeside = {
    name: 'elk-beside-bundle',
    setup: build => build.onResolve({ filter: /^elkjs\/lib\/elk\.bundled\.js$/ }, () => ({ path: './elk.cjs', external: true }))
};
/** The browser bundles must not reach a Node API: any import of a Node built-in fails the build, naming the importer. */
const nodeBuiltins = new Set(builtinModules.flatMap(name => [name, `node:${name}`]));
const noNodeApi = {
    name: 'no-node-api',
    setup: build => build.onResolve({ filter: /.*/ }, args => nodeBuiltins.has(args.path)
        ? { errors: [{ text: `${args.importer} imports the Node module '${args.path}', which a browser does not have` }] } : undefined)
};
const browser = { ...resolveForNode, bundle: true, platform: 'browser', target: 'es2022', minify: true, keepNames: true, sourcemap: true, logLevel: 'warning', metafile: true, define, plugins: [noNodeApi] };

const sizes = {};
const record = (result) => {
    for (const [file, output] of Object.entries(result.metafile.outputs)) if (!file.endsWith('.map')) sizes[file] = output.bytes;
    return result;
};

record(await esbuild.build({
    ...node,
    entryPoints: { cli: 'language-server/src/cli/main.ts', server: 'language-server/src/server/main.ts', 'map-layout-worker': 'language-server/src/report/map-layout-worker.ts' },
    outdir: 'out', outExtension: { '.js': '.cjs' }, plugins: [elkBeside],
    // `report --format pdf` drives Chromium through playwright-core, loaded from node_modules only when asked for.
    external: ['playwright-core']
}));
copyFileSync(elkBundle, 'out/elk.cjs');

// The VS Code extension: its thin client, and the same server bundle and layout thread beside it, ELK beside those.
record(await esbuild.build({
    ...node,
    entryPoints: { extension: 'extension/src/extension.ts', server: 'language-server/src/server/main.ts', 'map-layout-worker': 'language-server/src/report/map-layout-worker.ts' },
    outdir: 'extension/out', outExtension: { '.js': '.cjs' }, external: ['vscode'], plugins: [elkBeside]
}));
copyFileSync(elkBundle, 'extension/out/elk.cjs');

// VS Code in a browser: the web extension's client (CommonJS, as VS Code loads web
// extensions) and the language server as a classic worker script. A worker cannot
// load ELK beside it from every origin (the playground opens from file://), so ELK
// is inside this bundle.
mkdirSync('extension/out/web', { recursive: true });
record(await esbuild.build({
    ...browser, format: 'cjs', entryPoints: { extension: 'extension/src/web/extension-web.ts' },
    outdir: 'extension/out/web', external: ['vscode']
}));
record(await esbuild.build({
    ...browser, format: 'iife', entryPoints: { server: 'language-server/src/server/browser-main.ts' }, outdir: 'extension/out/web'
}));

// The integration map's webview script (a browser bundle, loaded by the page's nonce).
record(await esbuild.build({
    ...browser, format: 'iife', entryPoints: { 'integration-map-view': 'extension/src/map-view/integration-map-view.mts' }, outdir: 'extension/out'
}));

// The playground: one page under out/playground that opens from file://.
await buildPlayground({ browser, record, serverScript: 'extension/out/web/server.js' });

mkdirSync('out', { recursive: true });
writeFileSync('out/bundle-sizes.json', JSON.stringify(sizes, null, 2) + '\n');
