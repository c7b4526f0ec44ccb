import { describe, expect, it } from 'vitest';
import type { Actor } from '../../language-server/src/generated/ast.js';
import { elementSummary } from '../../language-server/src/lsp/element-summary.js';
import { checkWorkspace } from '../support/workspace.js';

const MODEL = `
actor NHS "Health board" { sector statutory }
actor Watch "Local Healthwatch" { sector third }
actor Befriend "Befriending charity" { sector third }
actor Idle "Idle charity" { sector third }
arrangement Place "Place partnership" {
  partners NHS
  forum HWB "Health and wellbeing board" { kind board voting NHS 3, Watch controls Fund }
  budget Fund { kind pooled from NHS 8m held by HWB funds Visits }
  service Visits { delivered by Befriend }
  service Nursing { delivered by NHS }
}`;

async function hoverOf(name: string): Promise<string> {
    const { models, services } = await checkWorkspace(MODEL);
    const actor = models.get('model.joinery')!.declarations.find(d => d.name === name) as Actor;
    return elementSummary(actor, services.analysis.IntegrationAnalysis).join('\n');
}

describe('actor hover', () => {
    it('gives each actor its own line of the power map, not its sector\'s', async () => {
        // The third sector has a seat (Healthwatch's) and a quarter of the fund; the charity that delivers has neither.
        expect(await hoverOf('Watch')).toContain('power: 1 voting seat on boards, controls 25% of the budget by amount, delivers 0 of 2 services');
        expect(await hoverOf('Befriend')).toContain('power: 0 voting seats on boards, controls 0% of the budget by amount, delivers 1 of 2 services');
        expect(await hoverOf('NHS')).toContain('power: 3 voting seats on boards, controls 75% of the budget by amount, delivers 1 of 2 services');
    });

    it('says when an actor takes part in no arrangement', async () => {
        expect(await hoverOf('Idle')).toContain('Takes part in **no arrangement** of the workspace');
        expect(await hoverOf('Befriend')).not.toContain('no arrangement');
    });
});
