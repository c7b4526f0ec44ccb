// Bundles the CLI, the language server (for Node and for a web worker), the VS Code
// extension (desktop and web) and the playground page, with esbuild.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { buildPlayground } from './playground/build.mjs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf-8'));
const define = { JOINERY_VERSION: JSON.stringify(version) };
const node = {
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, minify: true, keepNames: true,
    logLevel: 'warning', metafile: true,
    define: { ...define, 'import.meta.url': '__importMetaUrl' },
    // Langium's ESM code reads import.meta.url; CommonJS has __filename instead.
    banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};
// ELK (graph layout, 1.6 MB) stays a file of its own beside the CLI and server,
// loaded only when a map is drawn, so that `joinery check` and the editor's server
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
const browser = { bundle: true, platform: 'browser', target: 'es2022', minify: true, keepNames: true, sourcemap: true, logLevel: 'warning', metafile: true, define, plugins: [noNodeApi] };

const sizes = {};
const record = (result) => {
    for (const [file, output] of Object.entries(result.metafile.outputs)) if (!file.endsWith('.map')) sizes[file] = output.bytes;
    return result;
};

record(await esbuild.build({
    ...node,
    entryPoints: { cli: 'language-server/src/cli/main.ts', server: 'language-server/src/server/main.ts' },
    outdir: 'out', outExtension: { '.js': '.cjs' }, plugins: [elkBeside]
}));
copyFileSync(elkBundle, 'out/elk.cjs');

// The VS Code extension: its thin client, and the same server bundle beside it, ELK beside that.
record(await esbuild.build({
    ...node,
    entryPoints: { extension: 'extension/src/extension.ts', server: 'language-server/src/server/main.ts' },
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
const browserServer = record(await esbuild.build({
    ...browser, format: 'iife', entryPoints: { server: 'language-server/src/server/browser-main.ts' }, outdir: 'extension/out/web'
}));

// The integration map's webview script (a browser bundle, loaded by the page's nonce).
record(await esbuild.build({
    ...browser, format: 'iife', entryPoints: { 'integration-map-view': 'extension/src/map-view/integration-map-view.mts' }, outdir: 'extension/out'
}));

// The playground: one page under out/playground that opens from file://.
await buildPlayground({ browser, record, serverScript: 'extension/out/web/server.js' });
void browserServer;

mkdirSync('out', { recursive: true });
writeFileSync('out/bundle-sizes.json', JSON.stringify(sizes, null, 2) + '\n');
