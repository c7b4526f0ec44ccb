import { describe, expect, it } from 'vitest';
import { GAP_RULES } from '../../language-server/src/rules/registry.js';
import { findingsOf } from './rule-findings.js';

describe.each(GAP_RULES.map(rule => [rule.id, rule] as const))('documentation of %s', (id, rule) => {
    it('has every part of its page', () => {
        for (const part of ['what', 'why', 'failing', 'passing', 'fix'] as const) expect(rule.docs[part].trim()).not.toBe('');
        expect(rule.description.trim()).not.toBe('');
        expect(['000', '001', '002', '003', '004']).toContain(rule.docs.seed);
        expect(rule.docs.fix).toContain(`// joinery-ignore ${id}: `);
    });

    it('its failing example fires the rule', async () => {
        expect((await findingsOf(id, rule.docs.failing)).length).toBeGreaterThan(0);
    });

    it('its passing example does not', async () => {
        expect(await findingsOf(id, rule.docs.passing)).toEqual([]);
    });
});
