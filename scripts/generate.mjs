// Runs `langium generate`, leaving out its note on repeated `=` assignments: Joinery
// allows properties in any order, so every property is written inside a repetition,
// and the validator reports a property given twice in the analyst's words instead.
// Langium's generator runs Chevrotain, which needs Object.groupBy: on Node 20 the
// polyfill is loaded first.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../node_modules/langium-cli/bin/langium.js', import.meta.url));
const polyfill = new URL('../language-server/polyfills/object-group-by.mjs', import.meta.url).href;
const run = spawnSync(process.execPath, ['--import', polyfill, cli, 'generate'], { encoding: 'utf-8' });
const keep = line => line.trim() !== '' && !line.includes('Found multiple assignments to');
for (const line of `${run.stdout}${run.stderr}`.split('\n').filter(keep)) console.log(line);
process.exit(run.status ?? 1);
