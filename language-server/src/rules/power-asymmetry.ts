import { titleOf } from '../analysis/membership.js';
import type { GapRule } from './rule.js';
import { count, percent, titles } from './wording.js';

export const powerAsymmetry: GapRule = {
    id: 'power-asymmetry',
    type: 'power',
    defaultSeverity: 'warning',
    description: 'A sector delivers services but holds no board seat and controls none of the budget.',
    docs: {
        what: 'Reported once per sector that delivers at least one service of the arrangement (a delivering team '
            + 'counts as the sectors of its staff) yet holds no voting seat on any board of the arrangement and '
            + 'controls a zero share of its budget, as the power map computes them. The message names the actors of the '
            + 'sector that deliver, with the services each delivers; the report and hover give the power map per actor.',
        why: 'Seed 000 reads the governance of integration through political theory as a question of distribution: '
            + 'who gets what, and who decides it. A sector that does the work but has neither a vote nor money has no '
            + 'say in that distribution.',
        seed: '000',
        failing: `actor NHS "Health board" { sector statutory }
actor Care "Home care provider" { sector independent }
arrangement North "North partnership" {
  partners NHS
  forum IJB "Joint board" { kind board voting NHS controls Pool }
  budget Pool "Integrated budget" { kind pooled from NHS 10m held by IJB funds HomeCare }
  service HomeCare "Home care" { delivered by Care }
}
`,
        passing: `actor NHS "Health board" { sector statutory }
actor Care "Home care provider" { sector independent }
arrangement North "North partnership" {
  partners NHS
  forum IJB "Joint board" { kind board voting NHS, Care controls Pool }
  budget Pool "Integrated budget" { kind pooled from NHS 10m held by IJB funds HomeCare }
  service HomeCare "Home care" { delivered by Care }
}
`,
        fix: 'Give the sector a voting seat on a board, or a budget it holds (directly, or through seats on the '
            + 'board that holds it). Suppress with `// joinery-ignore power-asymmetry: <reason>` on the line before '
            + 'the arrangement.'
    },
    check(model, report) {
        const { powerMap, services } = model;
        for (const power of powerMap.sectors) {
            if (power.servicesDelivered === 0 || power.votingSeats > 0 || power.budgetShare > 0) continue;
            const deliverers = powerMap.actors.filter(p => p.actor.sector === power.sector && p.servicesDelivered > 0);
            report({
                node: model.arrangement,
                message: `The ${power.sector} sector delivers services in ${model.title} but holds no voting seat on its boards `
                    + `and controls none of its budget (power map for ${power.sector}: ${count(power.votingSeats, 'voting seat')}, `
                    + `budget share ${percent(power.budgetShare)}${powerMap.budgetsWeighted ? ' by amount' : ''}, `
                    + `${power.servicesDelivered} of ${count(services.length, 'service')} delivered (${percent(power.serviceShare)})). `
                    + `Its deliverers: ${titles(deliverers.map(p => p.actor))}. `
                    + 'Give it a voting seat on a board, or a share of the budget.',
                related: deliverers.map(p => ({
                    node: p.actor,
                    message: `${titleOf(p.actor)} delivers ${p.servicesDelivered} of ${count(services.length, 'service')} with no voting seat and no budget`
                }))
            });
        }
    }
};
