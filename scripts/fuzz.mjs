// `npm run fuzz -- [options]`: bundles the fuzz harness (test/fuzz/run.ts) with
// esbuild into node_modules/.cache and runs it. See docs/robustness.md.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { commonJsForNode } from './esbuild-node.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// One bundle per run: the worker process restarts from it, so another run must not overwrite it.
const outfile = path.join(root, `node_modules/.cache/joinery-fuzz/run-${process.pid}.cjs`);
await esbuild.build({
    entryPoints: [path.join(root, 'test/fuzz/run.ts')], outfile, absWorkingDir: root,
    ...commonJsForNode, sourcemap: 'inline'
});
try {
    const run = spawnSync(process.execPath, ['--enable-source-maps', outfile, '--root', root, ...process.argv.slice(2)], { stdio: 'inherit' });
    process.exitCode = run.status ?? 2;
} finally {
    rmSync(outfile, { force: true });
}
