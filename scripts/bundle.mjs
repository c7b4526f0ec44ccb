// Bundles the CLI and the language server into single CommonJS files, so that
// start-up loads one file and the VS Code extension needs no node_modules.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf-8'));
const common = {
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true,
    logLevel: 'warning',
    define: { JOINERY_VERSION: JSON.stringify(version), 'import.meta.url': '__importMetaUrl' },
    // Langium's ESM code reads import.meta.url; CommonJS has __filename instead.
    banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};
await esbuild.build({
    ...common,
    entryPoints: { cli: 'language-server/src/cli/main.ts', server: 'language-server/src/server/main.ts' },
    outdir: 'out',
    outExtension: { '.js': '.cjs' }
});

// The VS Code extension: its thin client, and the same server bundle beside it.
await esbuild.build({
    ...common,
    entryPoints: { extension: 'extension/src/extension.ts', server: 'language-server/src/server/main.ts' },
    outdir: 'extension/out',
    outExtension: { '.js': '.cjs' },
    external: ['vscode']
});
