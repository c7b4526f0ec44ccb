import * as path from 'node:path';
import { URI } from 'langium';
import type { JoineryServices } from '../joinery-module.js';
import { checkRuleSetting, parseConfigFile, type ConfigFile, type RuleSettings } from '../checking/rule-settings.js';
import { lineAndColumn, parseStrictJson } from '../checking/strict-json.js';
import { readConfigFile } from '../workspace/model-text.js';
import { IgnorePatterns } from './ignore-patterns.js';
import { UsageError } from './usage-error.js';

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
