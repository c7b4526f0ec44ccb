import type { Party, Sector } from '../generated/ast.js';
import { forumMembers, partnerDeliverers, sectorOf, staffOf } from '../analysis/membership.js';
import type { GapRule } from './rule.js';
import { listing } from './wording.js';

export const noCrossSectorLearning: GapRule = {
    id: 'no-cross-sector-learning',
    type: 'relational',
    defaultSeverity: 'info',
    description: 'Several sectors deliver services, but no learning forum or team brings two of them together.',
    docs: {
        what: 'When actors of two or more sectors deliver services in the arrangement as partners (a delivering team '
            + 'counts as its staff; delivery marked `contracted` or `fee-funded` does not count), some `learning` forum (voting or advisory members) or some team (staff) must include actors '
            + 'of at least two of those sectors.',
        why: 'The Lanarkshire study found that practitioners rarely had time to network or learn with the third '
            + 'sector, that learning flowed one way from the statutory partners, and that misunderstanding of each '
            + 'other\'s roles sent people down the wrong pathway. Relational integration needs places where sectors learn together.',
        seed: '001',
        failing: `actor NHS "Health board" { sector statutory }
actor Carers "Carers centre" { sector third }
arrangement North "North partnership" {
  partners NHS
  forum IJB "Joint board" { kind board voting NHS advisory Carers }
  forum Practice "Practice network" { kind learning voting NHS }
  service Nursing { delivered by NHS }
  service Respite { delivered by Carers }
}
`,
        passing: `actor NHS "Health board" { sector statutory }
actor Carers "Carers centre" { sector third }
arrangement North "North partnership" {
  partners NHS
  forum IJB "Joint board" { kind board voting NHS advisory Carers }
  forum Practice "Practice network" { kind learning voting NHS advisory Carers }
  service Nursing { delivered by NHS }
  service Respite { delivered by Carers }
}
`,
        fix: 'Add a `learning` forum whose members come from at least two of the delivering sectors, or a team that '
            + 'mixes them. If such learning happens outside the arrangement, suppress with '
            + '`// joinery-ignore no-cross-sector-learning: <reason>` on the line before the arrangement.'
    },
    check(model, report) {
        const delivering = new Set<Sector>();
        for (const service of model.services) {
            // Contractors (`contracted`, `fee-funded`) are suppliers here, not partners to learn with.
            for (const actor of partnerDeliverers(service)) {
                const sector = sectorOf(actor);
                if (sector) delivering.add(sector);
            }
        }
        if (delivering.size < 2) return;
        const spansSectors = (actors: Party[]) =>
            new Set(actors.map(sectorOf).filter(sector => sector !== undefined && delivering.has(sector))).size >= 2;
        if (model.forums.some(forum => forum.kind === 'learning' && spansSectors(forumMembers(forum)))) return;
        if (model.teams.some(team => spansSectors(staffOf(team)))) return;
        report({
            node: model.arrangement,
            message: `Services of ${model.title} are delivered by the ${listing([...delivering])} sectors, but no learning forum `
                + 'or team includes actors from two of them. Add a learning forum, or a team, that brings these sectors together.'
        });
    }
};
