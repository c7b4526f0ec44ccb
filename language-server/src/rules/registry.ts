import type { GapRule } from './rule.js';

/** Every gap rule; the CLI, the server, SARIF and the docs all read this list. */
export const GAP_RULES: readonly GapRule[] = [];

export const MODEL_ERROR_RULES = ['syntax', 'reference', 'semantic'] as const;

export function findRule(id: string): GapRule | undefined {
    return GAP_RULES.find(rule => rule.id === id);
}
