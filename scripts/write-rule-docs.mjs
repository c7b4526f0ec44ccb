// Writes docs/rules/<id>.md and docs/rules/README.md from the rule registry, so
// the documentation cannot drift from the rules (a test compares them); also the
// rule settings' schema in the VS Code extension (`joinery.rules`, joinery.json), and
// the published schema of statutory profile files (schemas/joinery-profile.schema.json).
import * as esbuild from 'esbuild';
import { groupByPolyfill, resolveForNode } from './esbuild-node.mjs';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const entry = `
import { GAP_RULES } from './language-server/src/rules/registry.ts';
import { ruleDocPage, ruleIndexPage } from './language-server/src/rules/rule-doc-page.ts';
import { configFileSchema, ruleLevelsSchema } from './language-server/src/checking/rule-settings-schema.ts';
import { profileSchema } from './language-server/src/profiles/profile-schema.ts';
export const schemas = { rules: ruleLevelsSchema(), configFile: configFileSchema(), profile: profileSchema() };
export const pages = { 'README.md': ruleIndexPage(GAP_RULES), ...Object.fromEntries(GAP_RULES.map(r => [r.id + '.md', ruleDocPage(r)])) };
`;
const built = await esbuild.build({
    stdin: { contents: entry, resolveDir: process.cwd(), loader: 'ts' },
    ...resolveForNode, bundle: true, platform: 'node', format: 'esm', write: false, logLevel: 'warning',
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);\n" + groupByPolyfill }
});
const bundle = join(mkdtempSync(join(tmpdir(), 'joinery-docs-')), 'pages.mjs');
writeFileSync(bundle, built.outputFiles[0].text);
const { pages, schemas } = await import(pathToFileURL(bundle).href);
rmSync(dirname(bundle), { recursive: true, force: true });
mkdirSync('docs/rules', { recursive: true });
for (const [file, text] of Object.entries(pages)) writeFileSync(`docs/rules/${file}`, text);
console.log(`wrote ${Object.keys(pages).length} pages to docs/rules/`);

const manifestFile = 'extension/package.json';
const manifest = JSON.parse(readFileSync(manifestFile, 'utf-8'));
Object.assign(manifest.contributes.configuration.properties['joinery.rules'], schemas.rules);
writeFileSync(manifestFile, JSON.stringify(manifest, null, 2) + '\n');
mkdirSync('extension/schemas', { recursive: true });
writeFileSync('extension/schemas/joinery.schema.json', JSON.stringify(schemas.configFile, null, 2) + '\n');
console.log('wrote the rule settings schema to extension/package.json and extension/schemas/');
mkdirSync('schemas', { recursive: true });
writeFileSync('schemas/joinery-profile.schema.json', JSON.stringify(schemas.profile, null, 2) + '\n');
console.log('wrote the profile schema to schemas/joinery-profile.schema.json');
