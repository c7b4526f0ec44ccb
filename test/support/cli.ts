import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ROOT } from './lsp-client.js';

export const CLI_BIN = path.join(ROOT, 'bin/joinery.cjs');

export interface CliRun {
    status: number | null;
    stdout: string;
    stderr: string;
}

/** Runs the real `joinery` process. */
export function joinery(args: string[], options: { cwd?: string; input?: string | Buffer; env?: NodeJS.ProcessEnv; timeout?: number } = {}): CliRun {
    const result = spawnSync(process.execPath, [CLI_BIN, ...args], {
        cwd: options.cwd ?? ROOT, input: options.input, encoding: 'utf-8',
        // Hermetic: a CI system's own variables (where --root defaults to) would move every path.
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', GITHUB_WORKSPACE: '', CI_PROJECT_DIR: '', ...options.env }, timeout: options.timeout ?? 60_000, maxBuffer: 256 * 1024 * 1024
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export interface JsonFinding {
    file: string;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    severity: string;
    rule: string;
    message: string;
    arrangement?: string;
    element?: string;
    fingerprint?: string;
}

export function checkJson(args: string[], options: { cwd?: string; input?: string | Buffer } = {}): { status: number | null; findings: JsonFinding[]; files: number; summary: Record<string, number>; stderr: string } {
    const run = joinery(['check', ...args, '--format', 'json'], options);
    const parsed = JSON.parse(run.stdout);
    return { status: run.status, findings: parsed.findings, files: parsed.files, summary: parsed.summary, stderr: run.stderr };
}
