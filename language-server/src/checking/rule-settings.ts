import { GAP_RULES, MODEL_ERROR_RULES } from '../rules/registry.js';
import type { Finding, Severity } from '../findings/finding.js';
import { SUPPRESSION_WITHOUT_REASON, UNUSED_SUPPRESSION } from './suppression.js';

export type RuleLevel = Severity | 'off';
export type RuleSettings = Record<string, RuleLevel>;

const LEVELS: RuleLevel[] = ['off', 'info', 'warning', 'error'];

/** Rule ids that settings may name: every gap rule and the suppression checks. */
export function configurableRuleIds(): string[] {
    return [...GAP_RULES.map(rule => rule.id), UNUSED_SUPPRESSION, SUPPRESSION_WITHOUT_REASON];
}

/** Checks one `id=level` pair; returns a message for the analyst when it is wrong. */
export function checkRuleSetting(id: string, level: unknown): string | undefined {
    if ((MODEL_ERROR_RULES as readonly string[]).includes(id)) return `'${id}' errors are errors of the model itself and cannot be configured`;
    if (!configurableRuleIds().includes(id)) return `unknown rule '${id}'`;
    if (typeof level !== 'string' || !LEVELS.includes(level as RuleLevel)) {
        return `rule '${id}' has level ${JSON.stringify(level)}; use off, info, warning or error`;
    }
    return undefined;
}

/** Applies severities: `off` drops a rule's findings; model errors are never changed. */
export function applyRuleSettings<T extends Finding>(findings: T[], settings: RuleSettings): T[] {
    const result: T[] = [];
    for (const finding of findings) {
        const level = settings[finding.rule];
        if (level === undefined) result.push(finding);
        else if (level !== 'off') result.push(level === finding.severity ? finding : { ...finding, severity: level });
    }
    return result;
}

/** What `joinery.json` says: rule levels, the files that are not models of the workspace, and the project's profiles. */
export interface ConfigFile {
    rules: RuleSettings;
    /** Glob patterns, relative to the folder of joinery.json (picomatch syntax; a folder's pattern covers what is under it). */
    ignores: string[];
    /** Folders (or files) of statutory profiles, relative to the folder of joinery.json (docs/profiles.md). */
    profiles: string[];
}

const CONFIG_KEYS = ['rules', 'ignores', 'profiles'];

/**
 * The rule settings of a parsed `joinery.json`, or a message saying which key is
 * wrong. The CLI and the server read the file alike.
 */
export function parseConfig(parsed: unknown): RuleSettings | string {
    const config = parseConfigFile(parsed);
    return typeof config === 'string' ? config : config.rules;
}

/** `{"rules": {id: level}, "ignores": [pattern, …], "profiles": [folder, …]}`, or a message saying which key is wrong. */
export function parseConfigFile(parsed: unknown): ConfigFile | string {
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'must be a JSON object like {"rules": {"isolated-forum": "off"}}';
    for (const key of Object.keys(parsed)) {
        if (!CONFIG_KEYS.includes(key)) return `unknown key "${key}" (only "rules", "ignores" and "profiles" are allowed)`;
    }
    const ignores = (parsed as { ignores?: unknown }).ignores ?? [];
    if (!Array.isArray(ignores) || ignores.some(pattern => typeof pattern !== 'string' || pattern.trim() === '')) {
        return '"ignores" must be an array of glob patterns such as ["drafts/**"]';
    }
    const profiles = (parsed as { profiles?: unknown }).profiles ?? [];
    if (!Array.isArray(profiles) || profiles.length > 100 || !profiles.every(folder => typeof folder === 'string' && folder.length > 0 && folder.length < 1000)) {
        return '"profiles" must be a list of folders (or profile files), relative to joinery.json, like ["profiles/"]';
    }
    const rules = (parsed as { rules?: unknown }).rules ?? {};
    if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) return '"rules" must be an object of rule id to level';
    const settings: RuleSettings = {};
    for (const [id, level] of Object.entries(rules)) {
        const problem = checkRuleSetting(id, level);
        if (problem) return `"rules"."${id}": ${problem}`;
        settings[id] = level as RuleLevel;
    }
    return { rules: settings, ignores, profiles: profiles as string[] };
}

