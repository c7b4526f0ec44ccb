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

    it('reports each pair within a group of up to ten alike services (the v1 reading), one finding per later service beyond', async () => {
        const homes = (n: number) => {
            const actors = Array.from({ length: n }, (_, i) => `actor P${i} { sector independent }`).join('\n');
            const services = Array.from({ length: n }, (_, i) => `  service H${i} "Home ${i}" { delivered by P${i} for "older people" function "care home" }`).join('\n');
            return `${actors}\narrangement Homes { partners P0\n${services}\n}\n`;
        };
        expect(await findingsOf(RULE, homes(10))).toHaveLength(45);
        // 400 alike care homes gave 79,800 findings (issue 19); now 399, each naming the first and the count.
        const many = await findingsOf(RULE, homes(400));
        expect(many).toHaveLength(399);
        expect(elements(many)).toEqual(Array.from({ length: 399 }, (_, i) => `H${i + 1}`).sort());
        const last = many.find(f => f.element === 'H399')!;
        expect(last.message).toMatch(/^Home 399 duplicates Home 0 and 398 other earlier services, declared earlier \(400 services alike in all\): both provide care home for older people, but Home 399 is delivered by P399 and Home 0 by P0\./);
        expect(last.related!.length).toBeLessThanOrEqual(5);
        expect(many.find(f => f.element === 'H1')!.message).toMatch(/^Home 1 duplicates Home 0, declared earlier \(400/);
    });

    it('in a large group, counts only the earlier services with other deliverers', async () => {
        const services = Array.from({ length: 12 }, (_, i) => `  service S${i} { delivered by ${i % 3 === 0 ? 'NHS' : 'Council'} for "older people" function "reablement" }`).join('\n');
        const found = await findingsOf(RULE, model(services));
        // S0, S3, S6, S9 by NHS; the rest by the Council. S1 differs from S0; S2 from S0; S3 from S1 and S2; …
        expect(elements(found)).toEqual(['S1', 'S10', 'S11', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8', 'S9']);
        expect(found.find(f => f.element === 'S3')!.message).toMatch(/^S3 duplicates S1 and 1 other earlier service,/);
        expect(found.find(f => f.element === 'S4')!.message).toMatch(/^S4 duplicates S0 and 1 other earlier service,/);
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
