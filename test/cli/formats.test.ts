import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GAP_RULES } from '../../language-server/src/rules/registry.js';
import { checkJson, joinery } from '../support/cli.js';

const require = createRequire(import.meta.url);
// CommonJS packages with a default export, loaded the CommonJS way.
/* eslint-disable @typescript-eslint/consistent-type-imports -- the CommonJS default export's type is only reachable this way */
const Ajv = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;
/* eslint-enable @typescript-eslint/consistent-type-imports */

let dir: string;
beforeAll(() => { dir = mkdtempSync(path.join(tmpdir(), 'joinery-formats-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Gaps of several severities, plus a model error. */
const MODEL = `actor H "Health board" { sector statutory }
actor V "Voluntary group" { sector third }
arrangement A "A partnership" {
  partners H
  forum B "Board" { kind board voting H }
  forum Chat "Chat group" { kind engagement advisory V }
  service S "Lunch club" { delivered by V }
  goal G "Prevention" { owner B }
  team T { staff H, Nobody }
}
`;

function workspace(name: string, files: Record<string, string>): string {
    const root = path.join(dir, name);
    mkdirSync(root, { recursive: true });
    for (const [file, text] of Object.entries(files)) writeFileSync(path.join(root, file), text);
    return root;
}

describe('--format sarif', () => {
    it('is valid SARIF 2.1.0 by the published JSON schema', () => {
        const root = workspace('sarif', { 'm.joinery': MODEL });
        const run = joinery(['check', '.', '--format', 'sarif'], { cwd: root });
        expect(run.stderr).toBe('');
        const log = JSON.parse(run.stdout);
        const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
        // The published schema has a language-tag pattern that is only valid without the u flag.
        const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
        addFormats(ajv);
        const validate = ajv.compile(schema);
        expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);

        const driver = log.runs[0].tool.driver;
        expect(driver.name).toBe('joinery');
        expect(driver.informationUri).toMatch(/^https:\/\//);
        for (const rule of GAP_RULES) {
            const entry = driver.rules.find((r: { id: string }) => r.id === rule.id);
            expect(entry, rule.id).toBeDefined();
            expect(entry.helpUri).toMatch(new RegExp(`^https://.*/docs/rules/${rule.id}\\.md$`));
            expect(entry.shortDescription.text).toBe(rule.description);
        }
        const json = checkJson(['.'], { cwd: root });
        const results = log.runs[0].results;
        expect(results).toHaveLength(json.findings.length);
        expect(results.map((r: { ruleId: string }) => r.ruleId)).toEqual(json.findings.map(f => f.rule));
        const first = results[0], firstFinding = json.findings[0];
        expect(first.locations[0].physicalLocation.artifactLocation.uri).toBe('m.joinery');
        expect(first.locations[0].physicalLocation.region.startLine).toBe(firstFinding.range.start.line + 1);
        expect(first.locations[0].physicalLocation.region.startColumn).toBe(firstFinding.range.start.character + 1);
    });
});

describe('rule settings on the command line', () => {
    it('applies --rule, joinery.json, --config, --quiet and --max-warnings', () => {
        const root = workspace('settings', { 'm.joinery': MODEL });
        const all = checkJson(['.'], { cwd: root });
        const rules = new Set(all.findings.map(f => f.rule));
        expect(rules.has('isolated-forum')).toBe(true);
        expect(rules.has('reference')).toBe(true);

        const off = checkJson(['.', '--rule', 'isolated-forum=off'], { cwd: root });
        expect(off.findings.some(f => f.rule === 'isolated-forum')).toBe(false);

        const raised = checkJson(['.', '--rule', 'isolated-forum=error'], { cwd: root });
        expect(raised.findings.find(f => f.rule === 'isolated-forum')?.severity).toBe('error');

        writeFileSync(path.join(root, 'joinery.json'), JSON.stringify({ rules: { 'isolated-forum': 'off', 'unmeasured-goal': 'error' } }));
        const fromFile = checkJson(['.'], { cwd: root });
        expect(fromFile.findings.some(f => f.rule === 'isolated-forum')).toBe(false);
        expect(fromFile.findings.find(f => f.rule === 'unmeasured-goal')?.severity).toBe('error');
        // The command line overrides the file.
        const overridden = checkJson(['.', '--rule', 'isolated-forum=info'], { cwd: root });
        expect(overridden.findings.find(f => f.rule === 'isolated-forum')?.severity).toBe('info');
        rmSync(path.join(root, 'joinery.json'));

        writeFileSync(path.join(dir, 'other.json'), JSON.stringify({ rules: { 'unmeasured-goal': 'off' } }));
        const fromConfig = checkJson(['.', '--config', path.join(dir, 'other.json')], { cwd: root });
        expect(fromConfig.findings.some(f => f.rule === 'unmeasured-goal')).toBe(false);

        const quiet = checkJson(['.', '--quiet'], { cwd: root });
        expect(quiet.findings.every(f => f.severity === 'error')).toBe(true);
        expect(quiet.findings.length).toBeGreaterThan(0);

        const warningsOnly = workspace('warnings', { 'm.joinery': MODEL.replace('team T { staff H, Nobody }', '') });
        const clean = joinery(['check', '.', '--rule', 'no-board-voice=warning'], { cwd: warningsOnly });
        expect(clean.status).toBe(0);
        const tooMany = joinery(['check', '.', '--rule', 'no-board-voice=warning', '--max-warnings', '0'], { cwd: warningsOnly });
        expect(tooMany.status).toBe(1);
    });

    it('exits 2 naming the wrong key of a malformed joinery.json', () => {
        const cases: Array<[string, RegExp]> = [
            ['{ "rules": ', /config joinery.json not valid JSON/],
            ['{ "rulez": {} }', /unknown key "rulez"/],
            ['{ "rules": { "no-such-rule": "off" } }', /"rules"\."no-such-rule": unknown rule 'no-such-rule'/],
            ['{ "rules": { "isolated-forum": "loud" } }', /"rules"\."isolated-forum": rule 'isolated-forum' has level "loud"/],
            ['{ "rules": { "syntax": "off" } }', /cannot be configured/]
        ];
        for (const [text, message] of cases) {
            const root = workspace(`bad-config-${cases.findIndex(c => c[0] === text)}`, { 'm.joinery': MODEL, 'joinery.json': text });
            const run = joinery(['check', '.'], { cwd: root });
            expect(run.status, text).toBe(2);
            expect(run.stderr, text).toMatch(message);
            expect(run.stderr.trim().split('\n'), text).toHaveLength(1);
        }
    });
});
