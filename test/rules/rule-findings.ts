import { expect } from 'vitest';
import type { Finding } from '../../language-server/src/findings/finding.js';
import { MODEL_ERROR_RULES } from '../../language-server/src/rules/registry.js';
import { checkWorkspace } from '../support/workspace.js';

/**
 * The findings of one rule for a workspace, after checking that the test model
 * itself is well-formed (a typo in a test model would otherwise pass silently).
 */
export async function findingsOf(rule: string, files: Record<string, string> | string): Promise<Finding[]> {
    const { findings } = await checkWorkspace(files);
    const modelErrors = findings.filter(f => (MODEL_ERROR_RULES as readonly string[]).includes(f.rule));
    expect(modelErrors.map(f => `${f.rule}: ${f.message}`)).toEqual([]);
    return findings.filter(f => f.rule === rule);
}

/** The elements reported on, sorted: what conformance cases compare. */
export function elements(findings: Finding[]): string[] {
    return findings.map(f => f.element ?? '-').sort();
}
