import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { GAP_RULES, MODEL_ERROR_RULES } from '../../language-server/src/rules/registry.js';
import { checkJson, joinery } from '../support/cli.js';
import { modelFolders } from '../support/model-folders.js';

const require = createRequire(import.meta.url);
/* eslint-disable @typescript-eslint/consistent-type-imports -- the CommonJS default export's type is only reachable this way */
const Ajv = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;
/* eslint-enable @typescript-eslint/consistent-type-imports */

const temp = modelFolders('joinery-ci-formats-');
const folder = temp.folder.bind(temp);

/** Errors, warnings and info, a model error, a suppression check and a related location. */
const MODEL = `actor H "Health board" { sector statutory }
actor V "Voluntary group" { sector third }
arrangement A "A partnership" {
  partners H
  forum B "Board" { kind board voting H }
  forum Chat "Chat group" { kind engagement advisory V }
  service S "Lunch club" { delivered by V }
  goal G "Prevention" { owner B }
  // joinery-ignore isolated-forum
  team T { staff H, Nobody }
}
`;
/** Names a CI system must be able to find: a space, a percent sign, letters beyond ASCII. */
const AWKWARD = ['with space.joinery', '100% care.joinery', 'Gwasanaethau cymdeithasol – Ynys Môn.joinery', 'ケア.joinery'];

function validateSarif(log: unknown): void {
    const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
    // The published schema has a language-tag pattern that is only valid without the u flag.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
}

describe('--format sarif for code scanning', () => {
    it('is valid SARIF 2.1.0 for awkward file names, with percent-encoded URIs relative to %SRCROOT%', () => {
        const root = folder('awkward', Object.fromEntries(AWKWARD.map((name, i) => [`models/sub dir/${name}`, MODEL.replace(/\b([AHVBS])\b/g, `$1${i}`)])));
        // Run from a subfolder: --root names the repository's root.
        const run = joinery(['check', '.', '-f', 'sarif', '--root', root], { cwd: path.join(root, 'models') });
        expect(run.stderr).toBe('');
        const log = JSON.parse(run.stdout);
        validateSarif(log);
        const sarifRun = log.runs[0];
        expect(sarifRun.originalUriBaseIds['%SRCROOT%'].uri).toBe(`${pathToFileURL(root).href}/`);
        const uris = new Set(sarifRun.results.map((r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }> }) => {
            const location = r.locations[0].physicalLocation.artifactLocation;
            expect(location.uriBaseId).toBe('%SRCROOT%');
            return location.uri;
        }));
        expect([...uris].sort()).toEqual(AWKWARD.map(name => `models/sub%20dir/${encodeURIComponent(name)}`).sort());
        // Each resolves, against the base, to the very file.
        for (const uri of uris) expect(decodeURIComponent(new URL(uri as string, sarifRun.originalUriBaseIds['%SRCROOT%'].uri).pathname)).toMatch(/^\/.*\/models\/sub dir\/[^/]+\.joinery$/);
        expect(sarifRun.results.every((r: { partialFingerprints: Record<string, string> }) => /^[0-9a-f]{24}$/.test(r.partialFingerprints['joineryFinding/v1']))).toBe(true);
    });

    it('is valid for standard input', () => {
        const run = joinery(['check', '-', '-f', 'sarif'], { input: MODEL, cwd: temp.root });
        const log = JSON.parse(run.stdout);
        validateSarif(log);
        expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: '%3Cstdin%3E' });
    });

    it('describes every rule, built-in ones too, with help as text and Markdown and an https helpUri only', () => {
        const root = folder('rules', { 'm.joinery': MODEL });
        const log = JSON.parse(joinery(['check', '.', '-f', 'sarif'], { cwd: root }).stdout);
        const rules = log.runs[0].tool.driver.rules as Array<{ id: string; helpUri?: string; help: { text: string; markdown: string } }>;
        const ids = rules.map(rule => rule.id);
        expect(ids).toEqual([...GAP_RULES.map(rule => rule.id), ...MODEL_ERROR_RULES, 'unused-suppression', 'suppression-without-reason']);
        for (const rule of rules) {
            expect(rule.help.text.length, rule.id).toBeGreaterThan(40);
            expect(rule.help.markdown, rule.id).toMatch(new RegExp(`^# \`${rule.id}\``));
            if (rule.helpUri !== undefined) expect(rule.helpUri, rule.id).toMatch(/^https:\/\//);
        }
        expect(rules.filter(rule => rule.helpUri).map(rule => rule.id)).toEqual(GAP_RULES.map(rule => rule.id));
        expect(rules.find(rule => rule.id === 'no-board-voice')?.help.markdown).toContain('## How to fix or suppress it');
        // Every result's rule is described.
        for (const result of log.runs[0].results) expect(ids).toContain(result.ruleId);
        expect(new Set(log.runs[0].results.map((r: { ruleId: string }) => r.ruleId))).toEqual(new Set(['isolated-forum', 'no-board-voice', 'power-asymmetry', 'reference', 'statutory-only-measurement', 'suppression-without-reason', 'unfunded-provider', 'unmeasured-goal', 'unused-suppression']));
        expect(JSON.stringify(log)).not.toMatch(/"(helpUri|informationUri)": "file:/);

        const docs = JSON.parse(joinery(['check', '.', '-f', 'sarif', '--docs-url', 'https://docs.example.org/joinery/rules'], { cwd: root }).stdout);
        expect(docs.runs[0].tool.driver.rules[0].helpUri).toBe(`https://docs.example.org/joinery/rules/${GAP_RULES[0].id}.md`);
        const local = joinery(['check', '.', '-f', 'sarif', '--docs-url', 'file:///home/me/docs/'], { cwd: root });
        expect(local.status).toBe(2);
        expect(local.stderr).toBe("joinery: --docs-url must be an https:// address, got 'file:///home/me/docs/'\n");
    });

    it('keeps at most 25,000 results, the most severe, with a note', () => {
        // 26 files of 1,000 isolated forums (info) each; the last file also has an error.
        const files: Record<string, string> = {};
        for (let f = 0; f < 26; f++) {
            const forums = Array.from({ length: 1000 }, (_, i) => `  forum F${i} { kind engagement }`).join('\n');
            files[`m${String(f).padStart(2, '0')}.joinery`] = `actor H${f} { sector statutory }\narrangement A${f} { partners H${f} forum B { kind board voting H${f} }\n${forums}\n${f === 25 ? '  team T { staff Nobody }\n' : ''}}\n`;
        }
        const root = folder('cap', files);
        const run = joinery(['check', '.', '-f', 'sarif', '-o', 'results.sarif'], { cwd: root });
        expect(run.status).toBe(1);
        expect(run.stderr).toBe('joinery: 1001 of 26001 findings left out of the SARIF: code scanning takes at most 25000 results\n');
        const log = JSON.parse(readFileSync(path.join(root, 'results.sarif'), 'utf-8'));
        const results = log.runs[0].results as Array<{ level: string }>;
        expect(results).toHaveLength(25_000);
        expect(results.filter(r => r.level === 'error')).toHaveLength(1);
        expect(log.runs[0].invocations[0].toolExecutionNotifications[0].message.text).toBe('1001 of 26001 results left out: code scanning takes at most 25,000 per run; the most severe are kept.');
    }, 120_000);
});

describe('--format github', () => {
    it('names files from the repository root, wherever the check runs', () => {
        const root = folder('github', { 'models/m.joinery': MODEL });
        const fromSub = joinery(['check', '.', '-f', 'github'], { cwd: path.join(root, 'models'), env: { GITHUB_WORKSPACE: root } });
        expect(fromSub.stdout).toMatch(/^::error file=models\/m\.joinery,line=\d+,/m);
        const withRoot = joinery(['check', 'models', '-f', 'github', '--root', root], { cwd: root, env: { GITHUB_WORKSPACE: '' } });
        expect(withRoot.stdout).toMatch(/^::error file=models\/m\.joinery,line=\d+,/m);
    });
});

describe('--format junit', () => {
    it('is JUnit XML: a suite per file, a failing case per finding, a passing case for a clean file', () => {
        const root = folder('junit', { 'a & b.joinery': MODEL, 'clean.joinery': '// Nothing declared here, so nothing to find.\n' });
        const run = joinery(['check', '.', '-f', 'junit'], { cwd: root });
        expect(run.status).toBe(1);
        expect(XMLValidator.validate(run.stdout)).toBe(true);
        const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: name => ['testsuite', 'testcase', 'failure'].includes(name) }).parse(run.stdout);
        const suites = parsed.testsuites.testsuite as Array<{ name: string; tests: string; failures: string; errors: string; testcase: Array<{ name: string; classname: string; failure?: Array<{ type: string; message: string }> }> }>;
        const findings = checkJson(['.'], { cwd: root }).findings;
        expect(parsed.testsuites).toMatchObject({ name: 'joinery', tests: String(findings.length + 1), failures: String(findings.length), errors: '0' });
        expect(suites.map(suite => suite.name)).toEqual(['a & b.joinery', 'clean.joinery']);
        for (const suite of suites) {
            expect(Number(suite.tests)).toBe(suite.testcase.length);
            expect(Number(suite.failures)).toBe(suite.testcase.filter(c => c.failure).length);
            for (const testcase of suite.testcase) expect(testcase.classname).toBe(suite.name);
        }
        const failures = suites[0].testcase.map(c => c.failure![0]);
        expect(failures.map(f => f.message)).toEqual(findings.map(f => f.message));
        expect(failures.map(f => f.type)).toEqual(findings.map(f => f.severity));
        expect(suites[1].testcase).toEqual([{ name: 'no findings', classname: 'clean.joinery', file: 'clean.joinery', time: '0' }]);
    });
});

describe('--format gitlab', () => {
    it('is GitLab code quality JSON: description, check_name, fingerprint, severity, location.path and lines.begin', () => {
        const root = folder('gitlab', { 'models/m.joinery': MODEL });
        const run = joinery(['check', '.', '-f', 'gitlab'], { cwd: path.join(root, 'models'), env: { CI_PROJECT_DIR: root, GITHUB_WORKSPACE: '' } });
        const issues = JSON.parse(run.stdout) as Array<Record<string, unknown> & { location: { path: string; lines: { begin: number } } }>;
        const findings = checkJson(['.'], { cwd: path.join(root, 'models') }).findings;
        expect(issues).toHaveLength(findings.length);
        for (const [i, issue] of issues.entries()) {
            expect(issue).toMatchObject({
                description: findings[i].message, check_name: findings[i].rule, fingerprint: findings[i].fingerprint,
                location: { path: 'models/m.joinery', lines: { begin: findings[i].range.start.line + 1 } }
            });
            expect(['info', 'minor', 'major', 'critical', 'blocker']).toContain(issue.severity);
        }
        expect(new Set(issues.map(issue => issue.fingerprint)).size).toBe(issues.length);
        expect(issues.find(issue => issue.check_name === 'reference')?.severity).toBe('major');
    });
});
