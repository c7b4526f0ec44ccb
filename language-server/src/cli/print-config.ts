import * as path from 'node:path';
import { configurableRuleIds, type RuleLevel } from '../checking/rule-settings.js';
import { SUPPRESSION_WITHOUT_REASON, UNUSED_SUPPRESSION } from '../checking/suppression.js';
import { findRule } from '../rules/registry.js';
import { ignorePatterns, parseRuleOptions, readConfig } from './config-file.js';
import type { CheckOptions } from './check-options.js';
import { PROJECT_FILE } from '../references/projects.js';
import { projectFolders } from './projects.js';

/**
 * `joinery check --print-config FILE`: the settings that would apply to FILE, as
 * JSON: which joinery.json was read (its project's, or the root's), whether FILE is
 * ignored, the ignore patterns, the profile folders and every configurable rule's
 * level after joinery.json and `--rule`.
 */
export function printConfig(file: string, options: CheckOptions, cwd: string): string {
    const root = readConfig(options.config, cwd);
    const absolute = path.resolve(cwd, file);
    const [project] = projectFolders([absolute], cwd, [file]);
    const config = project && options.config === undefined ? readConfig(path.relative(cwd, path.join(project, PROJECT_FILE)), cwd) : root;
    const overrides = { ...config.rules, ...parseRuleOptions(options.rules) };
    const rules: Record<string, RuleLevel> = {};
    for (const id of configurableRuleIds()) {
        const byDefault = findRule(id)?.defaultSeverity ?? (id === UNUSED_SUPPRESSION || id === SUPPRESSION_WITHOUT_REASON ? 'warning' : 'error');
        rules[id] = overrides[id] ?? byDefault;
    }
    const ignored = ignorePatterns(root, options.ignorePatterns, cwd).ignores(absolute) || (config !== root && ignorePatterns(config, [], cwd).ignores(absolute));
    return JSON.stringify({
        file, project: project ? path.relative(cwd, project) || '.' : null, config: config.file ?? null, ignored,
        ignores: [...config.ignores, ...options.ignorePatterns], profiles: config.profiles, rules
    }, null, 2) + '\n';
}
