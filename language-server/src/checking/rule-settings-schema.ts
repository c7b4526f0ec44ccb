import { GAP_RULES } from '../rules/registry.js';
import { SUPPRESSION_WITHOUT_REASON, UNUSED_SUPPRESSION } from './suppression.js';

/** The JSON Schema of `{ rule id: level }`, for VS Code's `joinery.rules` setting and for `joinery.json`. */
export interface RuleLevelsSchema {
    type: 'object';
    additionalProperties: false;
    properties: Record<string, { type: 'string'; enum: string[]; description: string }>;
}

const LEVELS = ['off', 'info', 'warning', 'error'];

/** Every configurable rule (as `configurableRuleIds`), described for the settings editor. */
export function ruleLevelsSchema(): RuleLevelsSchema {
    const rules: Array<[string, string, string]> = [
        ...GAP_RULES.map(rule => [rule.id, rule.description, rule.defaultSeverity] as [string, string, string]),
        [UNUSED_SUPPRESSION, 'A joinery-ignore comment that silences nothing.', 'warning'],
        [SUPPRESSION_WITHOUT_REASON, 'A joinery-ignore comment that gives no reason.', 'warning']
    ];
    const properties = Object.fromEntries(rules.map(([id, description, level]) =>
        [id, { type: 'string' as const, enum: LEVELS, description: `${description} Default: ${level}.` }]));
    return { type: 'object', additionalProperties: false, properties };
}

/** The schema of `joinery.json`, which editors use to complete and check it. */
export function configFileSchema(): object {
    return {
        $schema: 'http://json-schema.org/draft-07/schema#',
        title: 'Joinery configuration (joinery.json: at the workspace root, or in a project folder below it)',
        type: 'object',
        additionalProperties: false,
        properties: {
            rules: { description: 'Severity per rule: off, info, warning or error.', ...ruleLevelsSchema() },
            ignores: {
                description: 'Files and folders that are not models of this workspace: glob patterns relative to this file (joinery check skips them).',
                type: 'array', items: { type: 'string', minLength: 1 }
            },
            profiles: {
                description: 'Folders (or files) of statutory profiles of this project, relative to joinery.json: every .json file in each is a profile (docs/profiles.md).',
                type: 'array', items: { type: 'string', minLength: 1 }, maxItems: 100
            }
        }
    };
}
