import { describe, expect, it } from 'vitest';
import { elements, findingsOf } from './rule-findings.js';

const RULE = 'funder-without-voice';

function workspace(west: string, east: string): Record<string, string> {
    return {
        'actors.joinery': `
actor NHS "Health board" { sector statutory }
actor West "West council" { sector statutory }
actor East "East council" { sector statutory }
actor Scot "Scottish Government" { sector government }`,
        'east.joinery': `
arrangement EastIJB "East partnership" {
  partners NHS, East
  forum Board "East integration joint board" { kind board voting NHS, East controls Pool }
  ${east}
}`,
        'west.joinery': `
arrangement WestIJB "West partnership" {
  partners NHS, West
  ${west}
  service OutOfHours "Out-of-hours care" { delivered by NHS }
  team Physio "Physiotherapy service" { staff NHS }
}`
    };
}

/** The east board declared a body, so that it can put in money of its own. */
function workspaceWithBody(east: string): Record<string, string> {
    const files = workspace(BOARD, east);
    return { ...files, 'east.joinery': files['east.joinery'].replace('controls Pool }', 'body }') };
}

const BOARD = 'forum Board "West integration joint board" { kind board voting NHS, West }';
const POOL = 'budget Pool "East integrated budget" { kind pooled from NHS 30m, East 10m held by Board funds WestIJB.OutOfHours, WestIJB.Physio }';

describe('funder-without-voice', () => {
    it('reports a contributor that pays for a hosted service with no route to the host\'s board, once per host', async () => {
        const found = await findingsOf(RULE, workspace(BOARD, POOL));
        expect(elements(found)).toEqual(['East']);
        expect(found[0].arrangement).toBe('EastIJB');
        expect(found[0].message).toContain('East council funds Out-of-hours care and Physiotherapy service, which West partnership hosts, '
            + 'through East integrated budget of East partnership, but has no seat on, or route to, a board of West partnership (West integration joint board)');
        expect(found[0].related?.map(r => r.message)).toContain('a board of West partnership');
    });

    it('is silent when the funder reaches the host\'s board through a forum or a channel', async () => {
        for (const route of [
            'forum Hosted { kind planning advisory East reports to Board }',
            'channel East -> West { kind informal }'
        ]) expect(await findingsOf(RULE, workspace(`${BOARD}\n  ${route}`, POOL)), route).toEqual([]);
    });

    it('takes the holder as the funder when no one is named as contributing, and leaves national government alone', async () => {
        expect(elements(await findingsOf(RULE, workspace(BOARD, 'budget Pool { kind grant held by East funds WestIJB.Physio }')))).toEqual(['East']);
        expect(await findingsOf(RULE, workspace(BOARD, 'budget Pool { kind grant from Scot 5m held by Board funds WestIJB.Physio }'))).toEqual([]);
    });

    it('is silent for the arrangement\'s own services, and for a host with no board', async () => {
        expect(await findingsOf(RULE, workspace(BOARD, `${POOL.replace('WestIJB.OutOfHours, WestIJB.Physio', 'Local')}
  service Local { delivered by East }`))).toEqual([]);
        expect(await findingsOf(RULE, workspace('', POOL))).toEqual([]);
    });

    it('counts a hosted service a direction pays for, and a body that puts in its own money', async () => {
        const directed = 'budget Pool { kind pooled from NHS 30m, East 10m held by Board }\n'
            + '  direction Hosted { from Board to NHS for WestIJB.OutOfHours budget Pool }';
        expect(elements(await findingsOf(RULE, workspace(BOARD, directed)))).toEqual(['East']);
        const own = 'budget Reserve { kind delegated from Board 2m held by Board funds WestIJB.Physio }';
        const found = await findingsOf(RULE, workspaceWithBody(own));
        expect(elements(found)).toEqual(['Board']);
    });
});
