import * as path from 'node:path';
import type { JoineryServices } from '../joinery-module.js';
import { collectFindings } from '../checking/collect.js';
import { checkRuleSetting, parseConfig, type RuleSettings } from '../checking/rule-settings.js';
import { readConfigFile, type ModelText } from '../workspace/model-text.js';
import { formatGithub } from './formats/github.js';
import { formatJson } from './formats/json.js';
import { formatSarif } from './formats/sarif.js';
import { formatStylish } from './formats/stylish.js';
import type { CheckResult } from './formats/report-input.js';
import { loadWorkspace } from './load-workspace.js';
import { displayPaths } from './display-path.js';
import { UsageError } from './usage-error.js';
import { findModelFiles } from './workspace-files.js';

export interface CheckOptions {
    paths: string[];
    format: string;
    rules: string[];
    config?: string;
    maxWarnings?: number;
    quiet: boolean;
    color: boolean;
}

const FORMATS: Record<string, (result: CheckResult) => string> = {
    stylish: formatStylish, json: formatJson, sarif: formatSarif, github: formatGithub
};

export interface CheckOutcome {
    output: string;
    exitCode: 0 | 1;
    /** The files read, which `--output` must not overwrite. */
    inputs: string[];
}

/** `joinery check`: the whole job, from paths to formatted findings and an exit code. */
export async function runCheck(services: JoineryServices, options: CheckOptions, cwd: string, readStdin: () => ModelText): Promise<CheckOutcome> {
    const format = FORMATS[options.format];
    if (!format) throw new UsageError(`unknown format '${options.format}': use ${Object.keys(FORMATS).join(', ')}`);
    const settings = { ...readConfig(options.config, cwd), ...parseRuleOptions(options.rules) };
    const files = await findModelFiles(options.paths, cwd);
    await loadWorkspace(services, files, cwd, readStdin);
    let findings = collectFindings(services, settings);
    if (options.quiet) findings = findings.filter(f => f.severity === 'error');
    const result: CheckResult = { findings, fileCount: files.length, displayPath: displayPaths(cwd), color: options.color };
    const errors = findings.filter(f => f.severity === 'error').length;
    const warnings = findings.filter(f => f.severity === 'warning').length;
    const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
    return { output: format(result), exitCode: errors > 0 || tooManyWarnings ? 1 : 0, inputs: files };
}

export function parseRuleOptions(pairs: string[]): RuleSettings {
    const settings: RuleSettings = {};
    for (const pair of pairs) {
        const match = /^([^=]+)=(.*)$/.exec(pair);
        if (!match) throw new UsageError(`--rule takes ID=LEVEL (for example isolated-forum=off), got '${pair}'`);
        const problem = checkRuleSetting(match[1], match[2]);
        if (problem) throw new UsageError(`--rule ${pair}: ${problem}`);
        settings[match[1]] = match[2] as RuleSettings[string];
    }
    return settings;
}

/** `--config FILE`, else `joinery.json` in the current folder, else nothing. */
export function readConfig(configPath: string | undefined, cwd: string): RuleSettings {
    const file = configPath ? path.resolve(cwd, configPath) : path.join(cwd, 'joinery.json');
    const shown = configPath ?? 'joinery.json';
    // Looked at before it is read: a pipe would block, a device never end (`--config /dev/zero`).
    const read = readConfigFile(file);
    if ('missing' in read) {
        if (!configPath) return {};
        throw new UsageError(`config ${shown} cannot be read (no such file or directory)`);
    }
    if ('problem' in read) throw new UsageError(`config ${shown} cannot be read (${read.problem})`);
    let parsed: unknown;
    try {
        parsed = JSON.parse(read.text);
    } catch (error) {
        throw new UsageError(`config ${shown} not valid JSON (${(error as Error).message})`);
    }
    const settings = parseConfig(parsed);
    if (typeof settings === 'string') throw new UsageError(`config ${shown}: ${settings}`);
    return settings;
}
