import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import type { JoineryServices } from '../joinery-module.js';
import { collectFindings } from '../checking/collect.js';
import { compareFindings } from '../findings/finding.js';
import { applyRuleSettings, checkRuleSetting, configProfileFolders, parseConfig, type RuleSettings } from '../checking/rule-settings.js';
import { formatGithub } from './formats/github.js';
import { formatJson } from './formats/json.js';
import { formatSarif } from './formats/sarif.js';
import { formatStylish } from './formats/stylish.js';
import type { CheckResult } from './formats/report-input.js';
import { loadWorkspace } from './load-workspace.js';
import { displayPaths } from './display-path.js';
import { UsageError } from './usage-error.js';
import { describeFsError, findModelFiles } from './workspace-files.js';

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
}

/** `joinery check`: the whole job, from paths to formatted findings and an exit code. */
export async function runCheck(services: JoineryServices, options: CheckOptions, cwd: string, readStdin: () => Buffer): Promise<CheckOutcome> {
    const format = FORMATS[options.format];
    if (!format) throw new UsageError(`unknown format '${options.format}': use ${Object.keys(FORMATS).join(', ')}`);
    const config = readProjectConfig(options.config, cwd);
    const settings = { ...config.settings, ...parseRuleOptions(options.rules) };
    await loadProjectProfiles(services, config);
    const files = await findModelFiles(options.paths, cwd);
    const { unreadable } = await loadWorkspace(services, files, cwd, readStdin);
    let findings = [...collectFindings(services, settings), ...applyRuleSettings(unreadable, settings)].sort(compareFindings);
    if (options.quiet) findings = findings.filter(f => f.severity === 'error');
    const result: CheckResult = { findings, fileCount: files.length, displayPath: displayPaths(cwd), color: options.color };
    const errors = findings.filter(f => f.severity === 'error').length;
    const warnings = findings.filter(f => f.severity === 'warning').length;
    const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
    return { output: format(result), exitCode: errors > 0 || tooManyWarnings ? 1 : 0 };
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

/** What `joinery.json` says: rule settings, and the folders of the project's statutory profiles. */
export interface ProjectConfig {
    settings: RuleSettings;
    profiles: string[];
    /** The file read, when there was one: profile folders are relative to it. */
    file?: string;
}

/** `--config FILE`, else `joinery.json` in the current folder, else nothing. */
export function readProjectConfig(configPath: string | undefined, cwd: string): ProjectConfig {
    const file = configPath ? path.resolve(cwd, configPath) : path.join(cwd, 'joinery.json');
    if (!configPath && !existsSync(file)) return { settings: {}, profiles: [] };
    const shown = configPath ?? 'joinery.json';
    let parsed: unknown;
    try {
        parsed = JSON.parse(readFileSync(file, 'utf-8'));
    } catch (error) {
        const reason = error instanceof SyntaxError ? `not valid JSON (${error.message})` : `cannot be read (${describeFsError(error)})`;
        throw new UsageError(`config ${shown} ${reason}`);
    }
    const settings = parseConfig(parsed);
    if (typeof settings === 'string') throw new UsageError(`config ${shown}: ${settings}`);
    return { settings, profiles: configProfileFolders(parsed), file };
}

/**
 * Loads the project's statutory profiles from the folders joinery.json names, as
 * the server does (ProfileRegistry, through the services' file system): a broken
 * profile file is a finding on that file, not a failure of the command.
 */
export async function loadProjectProfiles(services: JoineryServices, config: ProjectConfig): Promise<void> {
    if (!config.file || config.profiles.length === 0) return;
    const configUri = URI.file(config.file);
    await services.profiles.ProfileRegistry.loadProject(URI.file(path.dirname(config.file)), config.profiles, configUri.toString());
}
