import * as path from 'node:path';
import { URI } from 'langium';
import type { JoineryServices } from '../joinery-module.js';
import { collectFindings } from '../checking/collect.js';
import { withFingerprints } from '../checking/fingerprint.js';
import { applyBaseline, baselineText } from '../checking/baseline.js';
import type { Finding } from '../findings/finding.js';
import { checkRuleSetting, parseConfigFile, type ConfigFile, type RuleSettings } from '../checking/rule-settings.js';
import { ruleDocsWebUri } from '../rules/rule-docs-location.js';
import { findRule } from '../rules/registry.js';
import { readBaseline } from './baseline-file.js';
import type { CheckOptions } from './check-options.js';
import { readConfigFile, type ModelText } from '../workspace/model-text.js';
import { formatGithub } from './formats/github.js';
import { formatGitlab } from './formats/gitlab.js';
import { formatJson } from './formats/json.js';
import { formatJunit } from './formats/junit.js';
import { formatSarif, MAX_SARIF_RESULTS } from './formats/sarif.js';
import { baselineNote, formatStylish } from './formats/stylish.js';
import type { CheckResult } from './formats/report-input.js';
import { IgnorePatterns } from './ignore-patterns.js';
import { loadWorkspace } from './load-workspace.js';
import { displayPaths, rootedPaths } from './display-path.js';
import { writeOutputFile } from './output-file.js';
import { UsageError } from './usage-error.js';
import { findModelFiles, modelUri, requireModelFiles } from './workspace-files.js';
import { lineAndColumn, parseStrictJson } from '../checking/strict-json.js';

const FORMATS: Record<string, (result: CheckResult) => string> = {
    stylish: formatStylish, json: formatJson, sarif: formatSarif, github: formatGithub, gitlab: formatGitlab, junit: formatJunit
};

export interface CheckOutcome {
    output: string;
    exitCode: 0 | 1;
    /** Lines for standard error: why the exit code is 1 when findings do not say, what the baseline held back. */
    notes: string[];
    /** Every model file read, which `--output` must never overwrite. */
    models: string[];
}

/** `joinery check`: the whole job, from paths to formatted findings and an exit code. */
export async function runCheck(services: JoineryServices, options: CheckOptions, color: boolean, cwd: string, readStdin: () => ModelText): Promise<CheckOutcome> {
    const format = FORMATS[options.format];
    if (!format) throw new UsageError(`unknown format '${options.format}': use ${Object.keys(FORMATS).join(', ')}`);
    const config = readConfig(options.config, cwd);
    const settings = { ...config.rules, ...parseRuleOptions(options.rules) };
    const ignores = ignorePatterns(config, options.ignorePatterns, cwd);
    const selection = await findModelFiles(options.paths, cwd, ignores);
    requireModelFiles(selection, options.paths);
    const baselineEntries = options.baseline && !options.writeBaseline ? readBaseline(options.baseline, cwd) : undefined;
    // `--workspace DIR`: every model under DIR is loaded, so that names resolve; only the files given are reported on.
    const workspaceFiles = options.workspace ? (await findModelFiles([options.workspace], cwd, ignores)).files : [];
    const files = [...new Set([...selection.files, ...workspaceFiles])];
    const notes: string[] = [];
    if (selection.files.length === 0) notes.push(`joinery: ${selection.ignoredGiven.length === 1 ? `'${selection.ignoredGiven[0]}' is` : 'every file given is'} ignored (ignores in joinery.json, --ignore-pattern): nothing to check`);

    await loadProjectProfiles(services, config);
    const all = selection.files.length === 0 ? [] : await checkedFindings(services, files, settings, cwd, readStdin);
    const reportedUris = new Set(selection.files.map(file => modelUri(file, cwd).toString()));
    const reported = options.workspace ? all.filter(finding => reportedUris.has(finding.uri)) : all;

    let baseline: CheckResult['baseline'];
    let shown = reported;
    if (options.baseline) {
        if (options.writeBaseline) {
            const folder = path.dirname(path.resolve(cwd, options.writeBaseline));
            writeOutputFile(options.writeBaseline, baselineText(all, displayPaths(folder)), cwd, files, '--write-baseline');
        }
        const outcome = applyBaseline(reported, all, baselineEntries ?? readBaseline(options.baseline, cwd));
        shown = outcome.fresh;
        baseline = { file: options.baseline, baselined: outcome.baselined, unmatched: outcome.unmatched };
        if (options.format !== 'stylish') notes.push(`joinery: ${baselineNote(baseline)}`);
    }
    const warnings = shown.filter(f => f.severity === 'warning').length;
    const errors = shown.filter(f => f.severity === 'error').length;
    // `--quiet` hides warnings but they still count against --max-warnings.
    const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
    if (tooManyWarnings) notes.push(`joinery: ${warnings} warnings, more than --max-warnings ${options.maxWarnings} allows`);
    if (options.quiet) shown = shown.filter(f => f.severity === 'error');
    if (options.format === 'sarif' && shown.length > MAX_SARIF_RESULTS) {
        notes.push(`joinery: ${shown.length - MAX_SARIF_RESULTS} of ${shown.length} findings left out of the SARIF: code scanning takes at most ${MAX_SARIF_RESULTS} results`);
    }

    const root = path.resolve(cwd, options.root || process.env.GITHUB_WORKSPACE || process.env.CI_PROJECT_DIR || '.');
    const docsUri = (rule: string) => findRule(rule) ? ruleDocsWebUri(rule, options.docsUrl) : undefined;
    const result: CheckResult = {
        findings: shown, fileCount: selection.files.length, fileUris: [...reportedUris], displayPath: displayPaths(cwd), rootedPath: rootedPaths(root), root,
        docsUri, color, ...(baseline ? { baseline } : {})
    };
    return { output: format(result), exitCode: errors > 0 || tooManyWarnings ? 1 : 0, notes, models: files };
}

/** Every finding of the files, loaded as one workspace, sorted and fingerprinted. */
export async function checkedFindings(services: JoineryServices, files: string[], settings: RuleSettings, cwd: string, readStdin: () => ModelText): Promise<Finding[]> {
    await loadWorkspace(services, files, cwd, readStdin);
    const findings = collectFindings(services, settings);
    return withFingerprints(services.shared, findings);
}

export function ignorePatterns(config: LoadedConfig, patterns: string[], cwd: string): IgnorePatterns {
    return new IgnorePatterns().add(config.ignores, config.folder).add(patterns, cwd);
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

export interface LoadedConfig extends ConfigFile {
    /** The folder `ignores` are relative to. */
    folder: string;
    /** The file read, as given or found; undefined when there is none. */
    file?: string;
    /** The file read, as an absolute path: profile folders are relative to its folder, and a folder that cannot be read is reported on it. */
    resolvedFile?: string;
}

/** `--config FILE`, else `joinery.json` in the folder (the current one), else nothing. */
export function readConfig(configPath: string | undefined, cwd: string): LoadedConfig {
    const file = configPath ? path.resolve(cwd, configPath) : path.join(cwd, 'joinery.json');
    const shown = configPath ?? 'joinery.json';
    // Looked at before it is read: a pipe would block, a device never end (`--config /dev/zero`).
    const read = readConfigFile(file);
    if ('missing' in read) {
        if (!configPath) return { rules: {}, ignores: [], profiles: [], folder: cwd };
        throw new UsageError(`config ${shown} cannot be read (no such file or directory)`);
    }
    if ('problem' in read) throw new UsageError(`config ${shown} cannot be read (${read.problem})`);
    const parsed = parseStrictJson(read.text);
    if ('error' in parsed) throw new UsageError(`config ${shown} not valid JSON (${parsed.error} at ${lineAndColumn(read.text, parsed.offset)})`);
    const config = parseConfigFile(parsed.value);
    if (typeof config === 'string') throw new UsageError(`config ${shown}: ${config}`);
    return { ...config, folder: path.dirname(file), file: shown, resolvedFile: file };
}

/**
 * Loads the project's statutory profiles from the folders joinery.json names, as
 * the server does (ProfileRegistry, through the services' file system): a broken
 * profile file is a finding on that file, not a failure of the command.
 */
export async function loadProjectProfiles(services: JoineryServices, config: LoadedConfig): Promise<void> {
    if (!config.resolvedFile || config.profiles.length === 0) return;
    await services.profiles.ProfileRegistry.loadProject(URI.file(config.folder), config.profiles, URI.file(config.resolvedFile).toString());
}
