import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CLI_BIN } from '../support/cli.js';
import { ROOT } from '../support/lsp-client.js';

// The CI recipes as a CI system reads them: action.yml's check step run as the
// runner runs it, the pre-commit hook's entry on staged files, and the README's
// workflow and GitLab job, parsed and (for GitLab) their script lines run.
let dir: string;
beforeAll(() => { dir = mkdtempSync(path.join(tmpdir(), 'joinery-recipes-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ACTORS = 'actor H "Health board" { sector statutory }\nactor V "Voluntary group" { sector third }\n';
const ARRANGEMENT = 'arrangement A "A partnership" { partners H forum B { kind board voting H } service S { delivered by V } }\n';

function repository(name: string): string {
    const root = path.join(dir, name);
    mkdirSync(path.join(root, 'models'), { recursive: true });
    writeFileSync(path.join(root, 'models/actors.joinery'), ACTORS);
    writeFileSync(path.join(root, 'models/a.joinery'), ARRANGEMENT);
    return root;
}

const version = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf-8')).version as string;
const hermetic = { ...process.env, NO_COLOR: '1', GITHUB_WORKSPACE: '', CI_PROJECT_DIR: '' };

interface ActionStep { name: string; id?: string; uses?: string; if?: string; run?: string; shell?: string; env?: Record<string, string>; with?: Record<string, string>; 'working-directory'?: string }

/** `${{ inputs.x }}` and `${{ github.action_path }}` as the runner fills them in. */
function expand(value: string, inputs: Record<string, string>): string {
    return value.replace(/\$\{\{\s*(inputs\.([\w-]+)|github\.action_path)\s*\}\}/g, (_, __, input: string | undefined) => input ? inputs[input] ?? '' : ROOT);
}

describe('action.yml', () => {
    const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf-8')) as {
        name: string; inputs: Record<string, { default: string }>; outputs: Record<string, { value: string }>; runs: { using: string; steps: ActionStep[] };
    };
    const defaults = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, String(input.default)]));

    /** Runs the check step's script as the runner would, in a repository. */
    function runCheckStep(cwd: string, inputs: Record<string, string>): { stdout: string; output: string; status: number | null } {
        const step = action.runs.steps.find(s => s.id === 'check')!;
        const all = { ...defaults, ...inputs };
        const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, expand(value, all)]));
        const githubOutput = path.join(cwd, 'github-output.txt');
        rmSync(githubOutput, { force: true });
        const run = spawnSync('bash', ['-c', step.run!], {
            cwd: path.join(cwd, expand(step['working-directory'] ?? '.', all)), encoding: 'utf-8',
            env: { ...hermetic, ...env, GITHUB_ACTION_PATH: ROOT, GITHUB_OUTPUT: githubOutput, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}` }
        });
        return { stdout: run.stdout, output: existsSync(githubOutput) ? readFileSync(githubOutput, 'utf-8') : '', status: run.status };
    }

    it('is a composite action that builds the checker, checks, uploads SARIF when asked and fails on the exit code', () => {
        expect(action.runs.using).toBe('composite');
        const steps = action.runs.steps;
        expect(steps.some(step => step.run?.includes('npm ci'))).toBe(true);
        const upload = steps.find(step => step.uses?.startsWith('github/codeql-action/upload-sarif@'));
        expect(upload?.if).toContain("inputs.sarif == 'true'");
        expect(upload?.with?.sarif_file).toContain('inputs.sarif-file');
        const fail = steps[steps.length - 1];
        expect(fail.if).toContain('steps.check.outputs.exit-code');
        expect(action.outputs['exit-code'].value).toContain('steps.check.outputs.exit-code');
        // No input is pasted into a script: each reaches it as a variable.
        for (const step of steps) expect(step.run ?? '', step.name).not.toMatch(/\$\{\{\s*inputs\./);
    });

    it('annotates findings, writes SARIF, and records the exit code, with and without a baseline', () => {
        const root = repository('action');
        const first = runCheckStep(root, { paths: 'models', sarif: 'true', 'sarif-file': 'out/joinery.sarif' });
        expect(first.status).toBe(0);
        expect(first.output).toBe('exit-code=1\n');
        expect(first.stdout).toMatch(/^::error file=models\/actors\.joinery,line=2,col=7,.*title=no-board-voice::/m);
        expect(first.stdout).toMatch(/^::warning file=models\/a\.joinery,line=1,/m);
        const sarif = JSON.parse(readFileSync(path.join(root, 'out/joinery.sarif'), 'utf-8'));
        expect(sarif.runs[0].results.length).toBeGreaterThan(0);

        spawnSync(process.execPath, [CLI_BIN, 'check', 'models', '--write-baseline', 'joinery-baseline.json'], { cwd: root, env: hermetic });
        const adopted = runCheckStep(root, { paths: 'models', baseline: 'joinery-baseline.json' });
        expect(adopted.output).toBe('exit-code=0\n');
        expect(adopted.stdout).toBe('');
        // A quoted glob in `paths` reaches the checker unexpanded.
        const globbed = runCheckStep(root, { paths: "models/a.*", args: '--workspace models' });
        expect(globbed.output).toBe('exit-code=0\n'); // the error is reported on actors.joinery, not given
        expect(globbed.stdout).toMatch(/^::warning file=models\/a\.joinery,/m);
        expect(globbed.stdout).not.toContain('actors.joinery');
    });
});

describe('.pre-commit-hooks.yaml', () => {
    const hooks = parse(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf-8')) as Array<{ id: string; entry: string; language: string; files: string; pass_filenames?: boolean }>;

    it('checks the staged model files with the whole workspace loaded', () => {
        expect(hooks).toHaveLength(1);
        const hook = hooks[0];
        expect(hook.language).toBe('node');
        expect(hook.pass_filenames ?? true).toBe(true);
        expect(new RegExp(hook.files).test('models/a.joinery')).toBe(true);
        expect(new RegExp(hook.files).test('README.md')).toBe(false);
        const [program, ...args] = hook.entry.split(' ');
        expect(program).toBe('joinery');
        const root = repository('pre-commit');
        // pre-commit runs the entry from the repository root with the staged files after it.
        const run = spawnSync(process.execPath, [CLI_BIN, ...args, 'models/a.joinery', '-f', 'json'], { cwd: root, encoding: 'utf-8', env: hermetic });
        const result = JSON.parse(run.stdout);
        expect(result.files).toBe(1);
        const findings = result.findings as Array<{ rule: string; file: string }>;
        expect(findings.map(f => f.rule)).not.toContain('reference');
        expect(findings.map(f => f.rule)).toContain('power-asymmetry');
        expect(findings.every(f => f.file === 'models/a.joinery')).toBe(true);
    });
});

describe("the README's CI recipes", () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf-8');
    const section = readme.slice(readme.indexOf('## In CI'), readme.indexOf('## The language server'));
    const block = (heading: string, language: string) => {
        const part = section.slice(section.indexOf(heading));
        return new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(part)![1];
    };

    it('has a GitHub Actions workflow that uses this action with its own inputs', () => {
        const workflow = parse(block('### GitHub Actions', 'yaml')) as { jobs: Record<string, { steps: Array<{ uses?: string; with?: Record<string, string> }> }>; permissions: Record<string, string> };
        const step = Object.values(workflow.jobs)[0].steps.find(s => s.uses?.startsWith('joinery-dev/joinery@'))!;
        expect(step.uses).toBe(`joinery-dev/joinery@v${version}`);
        const inputs = Object.keys((parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf-8')) as { inputs: object }).inputs);
        for (const key of Object.keys(step.with ?? {})) expect(inputs).toContain(key);
        expect(workflow.permissions['security-events']).toBe('write');
    });

    it('has a GitLab CI job whose script writes the reports its artifacts name', () => {
        const job = Object.values(parse(block('### GitLab CI', 'yaml')) as Record<string, { script: string[]; artifacts: { reports: Record<string, string> } }>)[0];
        const root = repository('gitlab');
        spawnSync(process.execPath, [CLI_BIN, 'check', 'models', '--write-baseline', 'joinery-baseline.json'], { cwd: root, env: hermetic });
        writeFileSync(path.join(root, 'models/new.joinery'), 'arrangement N { partners H forum NB { kind board voting H } forum Talk { kind engagement } }\n');
        for (const line of job.script) {
            if (line.startsWith('npm install')) continue; // the package is this checkout's
            const run = spawnSync('bash', ['-c', line.replace(/^joinery /, `"${process.execPath}" "${CLI_BIN}" `)], { cwd: root, encoding: 'utf-8', env: hermetic });
            expect(run.status, `${line}\n${run.stderr}`).toBe(0);
        }
        const quality = JSON.parse(readFileSync(path.join(root, job.artifacts.reports.codequality), 'utf-8'));
        expect(quality.map((issue: { check_name: string; location: { path: string } }) => `${issue.check_name} ${issue.location.path}`)).toEqual(['isolated-forum models/new.joinery']);
        expect(readFileSync(path.join(root, job.artifacts.reports.junit), 'utf-8')).toMatch(/^<\?xml[\s\S]*<testsuites name="joinery" tests="3" failures="1"/);
    });

    it('has a pre-commit configuration for the hook this repository defines', () => {
        const config = parse(block('### pre-commit', 'yaml')) as { repos: Array<{ rev: string; hooks: Array<{ id: string }> }> };
        const hooks = parse(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf-8')) as Array<{ id: string }>;
        expect(config.repos[0].hooks[0].id).toBe(hooks[0].id);
        expect(config.repos[0].rev).toBe(`v${version}`);
    });
});
