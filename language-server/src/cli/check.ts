import * as path from 'node:path';
import type { JoineryServices } from '../joinery-module.js';
import { applyBaseline, baselineText } from '../checking/baseline.js';
import { ruleDocsWebUri } from '../rules/rule-docs-location.js';
import { findRule } from '../rules/registry.js';
import { readBaseline } from './baseline-file.js';
import type { CheckOptions } from './check-options.js';
import type { ModelText } from '../workspace/model-text.js';
import { ignorePatterns, parseRuleOptions, readConfig } from './config-file.js';
import { checkedFindings } from './projects.js';
import { CheckCache } from './check-cache.js';
import { formatGithub } from './formats/github.js';
import { formatGitlab } from './formats/gitlab.js';
import { formatJson } from './formats/json.js';
import { formatJunit } from './formats/junit.js';
import { formatSarif, MAX_SARIF_RESULTS } from './formats/sarif.js';
import { baselineNote, formatStylish } from './formats/stylish.js';
import type { CheckResult } from './formats/report-input.js';
import { displayPaths, rootedPaths } from './display-path.js';
import { writeOutputFile } from './output-file.js';
import { UsageError } from './usage-error.js';
import { findModelFiles, modelUri, requireModelFiles } from './workspace-files.js';

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
    const rules = parseRuleOptions(options.rules);
    const ignores = ignorePatterns(config, options.ignorePatterns, cwd);
    const selection = await findModelFiles(options.paths, cwd, ignores);
    requireModelFiles(selection, options.paths);
    const baselineEntries = options.baseline && !options.writeBaseline ? readBaseline(options.baseline, cwd) : undefined;
    // `--workspace DIR`: every model under DIR is loaded, so that names resolve; only the files given are reported on.
    const workspaceFiles = options.workspace ? (await findModelFiles([options.workspace], cwd, ignores)).files : [];
    const files = [...new Set([...selection.files, ...workspaceFiles])];
    const notes: string[] = [];
    if (selection.files.length === 0) notes.push(`joinery: ${selection.ignoredGiven.length === 1 ? `'${selection.ignoredGiven[0]}' is` : 'every file given is'} ignored (ignores in joinery.json, --ignore-pattern): nothing to check`);

    const projectOptions = { rootConfig: config, rules, configGiven: options.config !== undefined, paths: options.paths };
    const cache = options.cache === undefined ? undefined : openCache(options.cache, cwd, files, notes);
    const checked = selection.files.length === 0 ? { findings: [], files: [] } : await checkedFindings(services, files, cwd, readStdin, projectOptions, cache);
    cache?.save(notes, options.cache!);
    const all = checked.findings;
    // A project's own ignores may leave out files the walk found.
    const keptFiles = new Set(checked.files);
    const reportedFiles = selection.files.filter(file => keptFiles.has(file));
    const reportedUris = new Set(reportedFiles.map(file => modelUri(file, cwd).toString()));
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
        findings: shown, fileCount: reportedFiles.length, fileUris: [...reportedUris], displayPath: displayPaths(cwd), rootedPath: rootedPaths(root), root,
        docsUri, color, ...(baseline ? { baseline } : {})
    };
    return { output: format(result), exitCode: errors > 0 || tooManyWarnings ? 1 : 0, notes, models: files };
}

/** `--cache`: its file, which must not be one of the models (it is written over). */
function openCache(file: string, cwd: string, models: readonly string[], notes: string[]): CheckCache {
    const absolute = path.resolve(cwd, file);
    if (models.includes(absolute)) throw new UsageError(`--cache-location ${file} is one of the model files being checked; refusing to overwrite it`);
    return CheckCache.open(absolute, notes, file);
}
