import { describe, expect, it } from 'vitest';
import { elements, findingsOf } from './rule-findings.js';

const RULE = 'statutory-only-measurement';

function model(reporter: string | undefined, services = 'service Respite "Respite care" { delivered by Carers }'): string {
    const indicator = reporter === undefined ? '' : `indicator Breaks "Short breaks" { measures Support kind output ${reporter} }`;
    return `
actor NHS "Health board" { sector statutory }
actor Carers "Carers centre" { sector third }
actor Scot "Scottish Government" { sector government }
arrangement North "North partnership" {
  partners NHS
  forum IJB "Joint board" { kind board voting NHS advisory Carers }
  forum Forum "Carers forum" { kind engagement voting NHS, Carers }
  forum Panel "Carers panel" { kind engagement advisory NHS, Carers }
  forum Empty "Unstaffed forum" { kind engagement }
  team Mixed { staff NHS, Carers }
  team Nurses { staff NHS }
  goal Support { owner NHS }
  ${services}
  ${indicator}
}`;
}

describe('statutory-only-measurement', () => {
    it('reports the arrangement when non-statutory actors deliver but only statutory actors report', async () => {
        const found = await findingsOf(RULE, model('reported by NHS'));
        expect(elements(found)).toEqual(['North']);
        expect(found[0].message).toContain('Carers centre delivers services in North partnership');
        expect(found[0].message).toContain('every indicator is reported by the statutory sector alone (Short breaks)');
    });

    it('fires when there is no indicator at all', async () => {
        const found = await findingsOf(RULE, model(undefined));
        expect(elements(found)).toEqual(['North']);
        expect(found[0].message).toContain('no indicator at all');
    });

    it('is silent when an indicator is reported by another sector, by a team or forum with other members, or by nobody', async () => {
        for (const reporter of ['reported by Carers', 'reported by Scot', 'reported by Mixed', 'reported by Forum', 'reported by Panel', '']) {
            expect(await findingsOf(RULE, model(reporter)), reporter).toEqual([]);
        }
    });

    it('counts a board whose voters are all statutory, and a team of statutory staff, as statutory', async () => {
        // IJB: NHS votes alone (Carers advise). Nurses: NHS staff only. Silent: a forum with no members says nothing.
        for (const reporter of ['reported by IJB', 'reported by Nurses']) {
            expect(elements(await findingsOf(RULE, model(reporter))), reporter).toEqual(['North']);
        }
        expect(await findingsOf(RULE, model('reported by Empty'))).toEqual([]);
    });

    it('counts a delivering team as its staff', async () => {
        expect(elements(await findingsOf(RULE, model('reported by NHS', 'service Visits { delivered by Mixed }')))).toEqual(['North']);
    });

    it('is silent when only statutory actors deliver', async () => {
        expect(await findingsOf(RULE, model('reported by NHS', 'service Nursing { delivered by NHS }'))).toEqual([]);
    });
});
