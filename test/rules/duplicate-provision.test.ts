import { describe, expect, it } from 'vitest';
import { elements, findingsOf } from './rule-findings.js';

const RULE = 'duplicate-provision';

function model(services: string): string {
    return `
actor NHS "Health board" { sector statutory }
actor Council "Council" { sector statutory }
arrangement South "South partnership" {
  partners NHS, Council
  ${services}
}`;
}

describe('duplicate-provision', () => {
    it('reports the later of two services with the same function, population and area, naming the earlier', async () => {
        const found = await findingsOf(RULE, model(`
  service Rehab "Community rehabilitation" { delivered by NHS for "older people" function "reablement" area "East" }
  service HomeFirst "Home First" { delivered by Council for "older people" function "reablement" area "East" }`));
        expect(elements(found)).toEqual(['HomeFirst']);
        expect(found[0].message).toContain('Home First duplicates Community rehabilitation');
        expect(found[0].message).toContain('reablement for older people in East');
        expect(found[0].related?.[0].message).toContain('Community rehabilitation');
    });

    it('is silent when the same actors deliver both', async () => {
        expect(await findingsOf(RULE, model(`
  service A { delivered by NHS, Council for "older people" function "reablement" }
  service B { delivered by Council, NHS for "older people" function "reablement" }`))).toEqual([]);
    });

    it('treats a missing area as matching only another missing area', async () => {
        expect(await findingsOf(RULE, model(`
  service A { delivered by NHS for "older people" function "reablement" }
  service B { delivered by Council for "older people" function "reablement" area "East" }`))).toEqual([]);
    });

    it('needs both `function` and `for` declared', async () => {
        expect(await findingsOf(RULE, model(`
  service A { delivered by NHS function "reablement" }
  service B { delivered by Council function "reablement" }`))).toEqual([]);
    });

    it('reports every differing pair of a group of duplicates', async () => {
        const found = await findingsOf(RULE, model(`
  service A { delivered by NHS for "p" function "f" }
  service B { delivered by Council for "p" function "f" }
  service C { delivered by NHS for "p" function "f" }`));
        expect(elements(found)).toEqual(['B', 'C']);
        expect(found.find(f => f.element === 'C')?.message).toContain('C duplicates B');
    });

    it('compares function, population and area ignoring case and surrounding or repeated white space (issue 14)', async () => {
        const found = await findingsOf(RULE, model(`
  service Rehab { delivered by NHS for "Older people" function "reablement" area "East  Kilbride" }
  service HomeFirst { delivered by Council for " older  people " function "Reablement " area "east kilbride" }`));
        expect(elements(found)).toEqual(['HomeFirst']);
        expect(await findingsOf(RULE, model(`
  service Rehab { delivered by NHS for "older people" function "reablement" }
  service HomeFirst { delivered by Council for "older people" function "re-ablement" }`))).toEqual([]);
    });
});
