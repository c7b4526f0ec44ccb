// What every esbuild bundle of this package's TypeScript for Node shares: the
// product bundles (bundle.mjs), the fuzz harness (fuzz.mjs) and the rule docs.
import { readFileSync } from 'node:fs';

/** jsonc-parser's main file is a UMD module whose require() calls esbuild cannot follow. */
export const resolveForNode = { alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' } };

/** Object.groupBy for Chevrotain on Node 20, run first in each bundle (the file says why). */
export const groupByPolyfill = readFileSync(new URL('../language-server/polyfills/object-group-by.mjs', import.meta.url), 'utf-8');

/** A CommonJS bundle for Node 20 and later; Langium's ESM code reads import.meta.url, which CommonJS has as __filename. */
export const commonJsForNode = {
    ...resolveForNode,
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning',
    define: { 'import.meta.url': '__importMetaUrl' },
    banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;\n" + groupByPolyfill }
};
