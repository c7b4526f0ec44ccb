import * as path from 'node:path';
import { configurableRuleIds, type RuleLevel } from '../checking/rule-settings.js';
import { SUPPRESSION_WITHOUT_REASON, UNUSED_SUPPRESSION } from '../checking/suppression.js';
import { findRule } from '../rules/registry.js';
import { ignorePatterns, parseRuleOptions, readConfig } from './check.js';
import type { CheckOptions } from './check-options.js';

/**
 * `joinery check --print-config FILE`: the settings that would apply to FILE, as
 * JSON: which joinery.json was read, whether FILE is ignored, the ignore patterns,
 * the profile folders and every configurable rule's level after joinery.json and `--rule`.
 */
export function printConfig(file: string, options: CheckOptions, cwd: string): string {
    const config = readConfig(options.config, cwd);
    const overrides = { ...config.rules, ...parseRuleOptions(options.rules) };
    const rules: Record<string, RuleLevel> = {};
    for (const id of configurableRuleIds()) {
        const byDefault = findRule(id)?.defaultSeverity ?? (id === UNUSED_SUPPRESSION || id === SUPPRESSION_WITHOUT_REASON ? 'warning' : 'error');
        rules[id] = overrides[id] ?? byDefault;
    }
    const ignored = ignorePatterns(config, options.ignorePatterns, cwd).ignores(path.resolve(cwd, file));
    return JSON.stringify({
        file, config: config.file ?? null, ignored,
        ignores: [...config.ignores, ...options.ignorePatterns], profiles: config.profiles, rules
    }, null, 2) + '\n';
}
