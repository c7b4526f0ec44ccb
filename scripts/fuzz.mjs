// `npm run fuzz -- [options]`: bundles the fuzz harness (test/fuzz/run.ts) with
// esbuild into node_modules/.cache and runs it. See docs/robustness.md.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// One bundle per run: the worker process restarts from it, so another run must not overwrite it.
const outfile = path.join(root, `node_modules/.cache/joinery-fuzz/run-${process.pid}.cjs`);
await esbuild.build({
    entryPoints: [path.join(root, 'test/fuzz/run.ts')], outfile, absWorkingDir: root,
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: 'inline', logLevel: 'warning',
    define: { 'import.meta.url': '__importMetaUrl' },
    // Object.groupBy for Chevrotain on Node 20, first (the polyfill's file says why).
    banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;\n" + readFileSync(path.join(root, 'language-server/polyfills/object-group-by.mjs'), 'utf-8') }
});
try {
    const run = spawnSync(process.execPath, ['--enable-source-maps', outfile, '--root', root, ...process.argv.slice(2)], { stdio: 'inherit' });
    process.exitCode = run.status ?? 2;
} finally {
    rmSync(outfile, { force: true });
}
