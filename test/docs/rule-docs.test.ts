import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GAP_RULES } from '../../language-server/src/rules/registry.js';
import { ruleDocPage, ruleIndexPage } from '../../language-server/src/rules/rule-doc-page.js';
import { ROOT } from '../support/lsp-client.js';

const DOCS = path.join(ROOT, 'docs/rules');

describe('rule documentation', () => {
    it('has one page per rule, written from the registry (run `npm run docs` after changing a rule)', () => {
        for (const rule of GAP_RULES) {
            const file = path.join(DOCS, `${rule.id}.md`);
            expect(existsSync(file), file).toBe(true);
            expect(readFileSync(file, 'utf-8'), rule.id).toBe(ruleDocPage(rule));
        }
        expect(readFileSync(path.join(DOCS, 'README.md'), 'utf-8')).toBe(ruleIndexPage(GAP_RULES));
    });

    it('has no page for a rule that no longer exists', () => {
        const pages = readdirSync(DOCS).filter(f => f !== 'README.md').map(f => f.replace(/\.md$/, '')).sort();
        expect(pages).toEqual(GAP_RULES.map(r => r.id).sort());
    });

    it('cites a seed and gives every section for each rule', () => {
        for (const rule of GAP_RULES) {
            expect(rule.docs.seed, rule.id).toMatch(/^00[0-4]$/);
            for (const section of ['what', 'why', 'failing', 'passing', 'fix'] as const) {
                expect(rule.docs[section].trim().length, `${rule.id} ${section}`).toBeGreaterThan(20);
            }
        }
    });
});
