import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { CLI_BIN } from './cli.js';

/** A finding as both tools can say it: what the parity checks compare, field by field. */
export interface ComparableFinding {
    file: string;
    rule: string;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    message: string;
}

/** `joinery check . --format json` in `folder`, by the real CLI: its files and findings. */
export function cliFindings(folder: string, options: { asNobody?: boolean } = {}): { files: number; findings: ComparableFinding[]; stderr: string } {
    const asNobody = options.asNobody && process.getuid?.() === 0;
    const run = spawnSync(process.execPath, [CLI_BIN, 'check', '.', '--format', 'json'], {
        cwd: folder, encoding: 'utf-8', timeout: 120_000, maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' },
        ...(asNobody ? { uid: 65534, gid: 65534 } : {})
    });
    if (run.status !== 0 && run.status !== 1) throw new Error(`joinery check exited ${run.status ?? run.signal}: ${run.stderr.slice(0, 2000)}`);
    const parsed = JSON.parse(run.stdout) as { files: number; findings: Array<ComparableFinding & Record<string, unknown>> };
    return { files: parsed.files, findings: sortFindings(parsed.findings.map(f => comparable(f.file, f.rule, f.range, f.message))), stderr: run.stderr };
}

/** The server's published diagnostics, as findings on files relative to `folder` (files outside it are left out). */
export function serverFindings(diagnostics: ReadonlyMap<string, Diagnostic[]>, folder: string): ComparableFinding[] {
    const findings: ComparableFinding[] = [];
    for (const [uri, list] of diagnostics) {
        if (!uri.startsWith('file:')) continue;
        const file = path.relative(folder, fileURLToPath(uri)).split(path.sep).join('/');
        if (file.startsWith('..')) continue;
        for (const d of list) findings.push(comparable(file, String(d.code), d.range, typeof d.message === 'string' ? d.message : d.message.value));
    }
    return sortFindings(findings);
}

function comparable(file: string, rule: string, range: ComparableFinding['range'], message: string): ComparableFinding {
    return { file, rule, range: { start: { line: range.start.line, character: range.start.character }, end: { line: range.end.line, character: range.end.character } }, message };
}

function key(f: ComparableFinding): string {
    return JSON.stringify([f.file, f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character, f.rule, f.message]);
}

export function sortFindings(findings: ComparableFinding[]): ComparableFinding[] {
    return findings.map(f => [key(f), f] as const).sort((a, b) => a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0).map(([, f]) => f);
}

/** The findings one side has and the other lacks (counting repeats), at most `limit` of each. */
export function parityDifferences(cli: ComparableFinding[], server: ComparableFinding[], limit = 5): { onlyCli: ComparableFinding[]; onlyServer: ComparableFinding[] } {
    const counts = new Map<string, number>();
    for (const f of server) counts.set(key(f), (counts.get(key(f)) ?? 0) + 1);
    const onlyCli: ComparableFinding[] = [];
    for (const f of cli) {
        const left = counts.get(key(f)) ?? 0;
        if (left > 0) counts.set(key(f), left - 1); else onlyCli.push(f);
    }
    const extra = new Map(counts);
    const onlyServer = server.filter(f => {
        const left = extra.get(key(f)) ?? 0;
        if (left > 0) { extra.set(key(f), left - 1); return true; }
        return false;
    });
    return { onlyCli: onlyCli.slice(0, limit), onlyServer: onlyServer.slice(0, limit) };
}
