import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MATURITY_DIMENSIONS } from '../../language-server/src/report/maturity-dimensions.js';
import { scoreMaturity } from '../../language-server/src/report/maturity.js';
import { joinery } from '../support/cli.js';
import { ROOT } from '../support/lsp-client.js';
import { checkWorkspace } from '../support/workspace.js';

const DOC = readFileSync(path.join(ROOT, 'docs/maturity.md'), 'utf-8');

/** The part of docs/maturity.md about one dimension: from its heading to the next. */
function docSection(name: string): string {
    const start = DOC.search(new RegExp(`^### \\d+\\. ${name}\\b`, 'm'));
    expect(start, name).toBeGreaterThanOrEqual(0);
    const next = DOC.slice(start + 4).search(/^#{2,3} /m);
    return next < 0 ? DOC.slice(start) : DOC.slice(start, start + 4 + next);
}

/** docs/maturity.md's table of the examples' profiles: arrangement → twelve scores (undefined for "—"). */
function documentedScores(): Map<string, Array<number | undefined>> {
    const table = DOC.slice(DOC.indexOf('| Arrangement |'));
    const rows = table.split('\n').filter(line => line.startsWith('| ') && !line.startsWith('| Arrangement') && !line.startsWith('|---'));
    return new Map(rows.map(line => {
        const cells = line.split('|').slice(1, -1).map(cell => cell.trim());
        return [cells[0], cells.slice(1).map(cell => cell === '—' ? undefined : Number(cell))];
    }));
}

describe('docs/maturity.md', () => {
    it('states every step of every dimension in the words the scoring uses, and says which dimensions the model cannot show', () => {
        expect(MATURITY_DIMENSIONS.map(d => d.name)).toEqual([
            'Readiness to change', 'Structure and governance', 'Digital infrastructure', 'Process coordination', 'Funding',
            'Removal of inhibitors', 'Population approach', 'Citizen empowerment', 'Evaluation methods', 'Breadth of ambition',
            'Innovation management', 'Capacity building'
        ]);
        for (const dimension of MATURITY_DIMENSIONS) {
            const section = docSection(dimension.name);
            if (!dimension.steps) {
                expect(section, dimension.name).toContain('not shown by the model');
                expect(section.replace(/\s+/g, ' ')).toContain(dimension.notShown!);
                continue;
            }
            expect(dimension.steps).toHaveLength(5);
            dimension.steps.forEach((step, index) => expect(section, `${dimension.name} ${index + 1}`).toContain(`\n${index + 1}. ${step.needs}\n`));
            for (const rule of dimension.rules) expect(section, `${dimension.name}: ${rule}`).toContain(`\`${rule}\``);
            expect(section, `${dimension.name} cites its source`).toMatch(/\]\(https?:\/\/|BMJ\s+Open|did not find/);
        }
    });
});

describe('the radar of each example', () => {
    let html: string;
    beforeAll(() => {
        const run = joinery(['report', 'examples']);
        expect(run.status).toBe(0);
        html = run.stdout;
    });

    it('draws the scores docs/maturity.md gives, a point per scored dimension and none where the model cannot show it', () => {
        const documented = documentedScores();
        expect(documented.size).toBe(6);
        for (const [arrangement, scores] of documented) {
            const start = html.indexOf(`id="arrangement-${arrangement}"`);
            expect(start, arrangement).toBeGreaterThan(0);
            const radar = html.slice(html.indexOf('<svg class="maturity-radar"', start), html.indexOf('</svg>', html.indexOf('<svg class="maturity-radar"', start)));
            const drawn = new Map([...radar.matchAll(/data-dimension="([a-z-]+)" data-score="(\d)"/g)].map(m => [m[1], Number(m[2])]));
            const expected = MATURITY_DIMENSIONS.map((d, i) => [d.id, scores[i]] as const);
            for (const [id, score] of expected) expect(drawn.get(id), `${arrangement} ${id}`).toBe(score);
            // The table beside the radar says the same.
            for (const [id, score] of expected) {
                const row = new RegExp(`<tr data-dimension="${id}"( data-score="(\\d)")?>`).exec(html.slice(start))!;
                expect(row[2] === undefined ? undefined : Number(row[2]), `${arrangement} ${id} in the table`).toBe(score);
            }
        }
    });
});

describe('scoring', () => {
    const MODEL = `
actor H "Health board" { sector statutory }
actor C "Council" { sector statutory }
actor V "Voluntary sector" { sector third }
arrangement A "A partnership" {
  partners H, C
  forum Board { kind board voting H, C advisory V }
  system S1 { owner H }
  system S2 { owner C }
  system S3 { owner C }
  link S1 <-> S2
  // joinery-ignore team-without-shared-system: the teams share paper records for now
  team T { staff H, C uses S1, S3 }
}`;

    async function profileOf(model: string, rulesOff: string[] = []) {
        const { services, findings, suppressed, arrangement } = await checkWorkspace(model);
        const analysis = services.analysis.IntegrationAnalysis;
        return scoreMaturity({ model: analysis.arrangementModel(arrangement('A')), findings, suppressed, rulesOff: new Set(rulesOff) });
    }

    it('counts a step only with every step below it', async () => {
        // A link of two owners (step 3) without an agreement covering a system (step 2) scores 1.
        const digital = (await profileOf(MODEL)).dimensions.find(d => d.id === 'digital-infrastructure')!;
        expect(digital.steps.map(s => s.met)).toEqual([true, false, true, false, false]);
        expect(digital.score).toBe(1);
        expect(digital.steps[0].evidence).toEqual(['system S1', 'system S2', 'system S3']);
        expect(digital.steps[1].evidence).toEqual(['no agreement between organisations covers a system']);
    });

    it('counts a suppressed finding against the score and says it is an accepted risk', async () => {
        const withAgreement = MODEL.replace('  link S1 <-> S2', '  link S1 <-> S2\n  agreement Rules { between H, C covers S1, S2 }');
        const digital = (await profileOf(withAgreement)).dimensions.find(d => d.id === 'digital-infrastructure')!;
        expect(digital.steps[3]).toMatchObject({ met: false, evidence: ['team-without-shared-system reports T'] });
        expect(digital.score).toBe(3);
        expect(digital.findings).toContainEqual(expect.objectContaining({ rule: 'team-without-shared-system', element: 'T', suppressed: true }));
    });

    it('does not count on the silence of a rule that is off', async () => {
        const withAgreement = MODEL.replace('  link S1 <-> S2', '  link S1 <-> S2\n  agreement Rules { between H, C covers S1, S2 }').replace('uses S1, S3', 'uses S1, S2');
        const on = (await profileOf(withAgreement)).dimensions.find(d => d.id === 'digital-infrastructure')!;
        expect(on.score).toBe(5);
        const off = (await profileOf(withAgreement, ['unlinked-systems'])).dimensions.find(d => d.id === 'digital-infrastructure')!;
        expect(off.score).toBe(4);
        expect(off.steps[4].evidence).toEqual(['unlinked-systems is off in this check, so the model cannot show this']);
    });

    it('leaves a dimension the language cannot see unscored, with the reason', async () => {
        const profile = await profileOf(MODEL);
        for (const id of ['population-approach', 'innovation-management']) {
            const dimension = profile.dimensions.find(d => d.id === id)!;
            expect(dimension.score).toBeUndefined();
            expect(dimension.notShown).toMatch(/^The language has no/);
        }
    });
});
