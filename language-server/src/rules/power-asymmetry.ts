import type { Forum, Sector } from '../generated/ast.js';
import type { ArrangementModel } from '../analysis/arrangement-model.js';
import { resolved, sectorOf, titleOf } from '../analysis/membership.js';
import { SECTORS } from '../analysis/power-map.js';
import type { GapRule } from './rule.js';
import { count, percent, titles } from './wording.js';

export const powerAsymmetry: GapRule = {
    id: 'power-asymmetry',
    type: 'power',
    defaultSeverity: 'warning',
    description: 'A sector delivers services but holds no board seat and controls none of the budget.',
    scopes: { noun: 'sector', values: SECTORS },
    docs: {
        what: 'Reported once per sector that delivers at least one service of the arrangement as a partner (a '
            + 'delivering team counts as the sectors of its staff; delivery marked `contracted` or `fee-funded` does not '
            + 'count: a contractor is paid, not a partner) yet holds no voting seat on any board of the arrangement and '
            + 'controls a zero share of its budget, as the power map computes them. Where the sector sits on a board '
            + '`advisory by law`, the message does not advise a vote there. The message names the actors of the sector that '
            + 'deliver as partners, with the services each delivers; the report and hover give the power map per actor.',
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
        fix: 'Give the sector a voting seat on a board (where the law allows one), or a budget it holds (directly, or '
            + 'through seats on the board that holds it). If it delivers under contract or for fees, say so in '
            + '`delivered by` (`contracted`, `fee-funded`). Suppress with `// joinery-ignore power-asymmetry: <reason>` '
            + 'on the line before the arrangement, or for one sector only with '
            + '`// joinery-ignore power-asymmetry independent: <reason>`.'
    },
    check(model, report) {
        const { powerMap, services } = model;
        const barredByLaw = boardsBarringSector(model);
        for (const power of powerMap.sectors) {
            if (power.servicesAsPartner === 0 || power.votingSeats > 0 || power.budgetShare > 0) continue;
            const barred = barredByLaw.get(power.sector) ?? [];
            const contracted = power.servicesDelivered - power.servicesAsPartner;
            // Its deliverers by name: one member with a vote (Healthwatch) must not hide a sector whose deliverers have none.
            const deliverers = powerMap.actors.filter(p => sectorOf(p.actor) === power.sector && p.servicesAsPartner > 0);
            report({
                node: model.arrangement, subject: `${model.arrangement.name} sector ${power.sector}`,
                scope: power.sector,
                message: `The ${power.sector} sector delivers services in ${model.title} but holds no voting seat on its boards `
                    + `and controls none of its budget (power map for ${power.sector}: ${count(power.votingSeats, 'voting seat')}, `
                    + `budget share ${percent(power.budgetShare)}${powerMap.budgetsWeighted ? ' by amount' : ''}, `
                    + `${power.servicesDelivered} of ${count(services.length, 'service')} delivered (${percent(power.serviceShare)})`
                    + `${contracted > 0 ? `, ${contracted} of them only under contract or for fees` : ''}). `
                    + `Its deliverers: ${titles(deliverers.map(p => p.actor))}. `
                    + (barred.length
                        ? `By law it sits on ${titles(barred)} without a vote, so a vote there is not the remedy: give it a share of the budget `
                            + '(a budget it holds, or a say in one), or a vote on a board where the law allows one.'
                        : 'Give it a voting seat on a board, or a share of the budget.'),
                related: deliverers.map(p => ({
                    node: p.actor,
                    message: `${titleOf(p.actor)} delivers ${p.servicesAsPartner} of ${count(services.length, 'service')} with no voting seat and no budget`
                }))
            });
        }
    }
};

/** For each sector, the boards of the arrangement on which its members sit `advisory by law`. */
function boardsBarringSector(model: ArrangementModel): Map<Sector, Forum[]> {
    const barred = new Map<Sector, Forum[]>();
    for (const board of model.boards) {
        for (const member of resolved(board.advisoryByLaw)) {
            const sector = sectorOf(member);
            if (!sector) continue;
            const list = barred.get(sector) ?? [];
            if (!list.includes(board)) list.push(board);
            barred.set(sector, list);
        }
    }
    return barred;
}
