import { describe, expect, it } from 'vitest';
import { elements, findingsOf } from './rule-findings.js';

const RULE = 'one-way-representation';

const actors = `
actor NHS "Health board" { sector statutory }
actor TSI "Third sector interface" { sector third represents Groups, Carers }
actor Groups "Local groups" { sector third kind network }
actor Carers "Carers centre" { sector third }
`;

function model(channels: string): string {
    return `${actors}
arrangement North "North partnership" {
  partners NHS
  forum IJB "Joint board" { kind board voting NHS advisory TSI }
  ${channels}
}`;
}

describe('one-way-representation', () => {
    it('reports the intermediary once per represented actor without a two-way channel', async () => {
        const found = await findingsOf(RULE, model('channel Groups -> TSI { kind representation }'));
        expect(elements(found)).toEqual(['TSI', 'TSI']);
        const groups = found.find(f => f.message.includes('Local groups'))!;
        expect(groups.message).toContain('Third sector interface claims to represent Local groups in North partnership');
        expect(groups.related?.[0].message).toContain('represented by Third sector interface');
    });

    it('is silent when two-way channels connect them, in either direction', async () => {
        expect(await findingsOf(RULE, model(`
  channel Groups -> TSI { kind representation two-way }
  channel TSI -> Carers { kind reporting two-way }`))).toEqual([]);
    });

    it('counts only the two-way channels of the arrangement', async () => {
        const found = await findingsOf(RULE, {
            'actors.joinery': actors,
            'north.joinery': 'arrangement North { partners NHS forum B { kind board voting NHS advisory TSI } channel Groups -> TSI { two-way } channel Carers -> TSI { two-way } }',
            'south.joinery': 'arrangement South { partners NHS forum B { kind board voting NHS advisory TSI } }'
        });
        expect(found.map(f => `${f.arrangement} ${f.element}`)).toEqual(['South TSI', 'South TSI']);
    });

    it('counts a chain of two-way channels through others: carers, their centre, the carer member (issue 14)', async () => {
        const chain = `
actor NHS "Health board" { sector statutory }
actor Carers "Unpaid carers" { sector community kind people }
actor Centre "Carers centre" { sector third }
actor Member "Carer member" { sector community kind role represents Carers }
arrangement North "North partnership" {
  partners NHS
  forum IJB "Joint board" { kind board voting NHS advisory Member }
  channel Carers -> Centre { two-way }
  channel Centre -> Member { kind representation CHAIN }
}`;
        expect(await findingsOf(RULE, chain.replace('CHAIN', 'two-way'))).toEqual([]);
        const found = await findingsOf(RULE, chain.replace('CHAIN', ''));
        expect(elements(found)).toEqual(['Member']);
        expect(found[0].message).toContain('no two-way channel, nor chain of them, connects them');
    });
});
