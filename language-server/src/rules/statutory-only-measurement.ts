import { isNonStatutory, partnerDeliverers, sectorOf, titleOf, unique } from '../analysis/membership.js';
import { reporterSectors } from '../analysis/reporter-sectors.js';
import type { GapRule } from './rule.js';
import { titles } from './wording.js';

export const statutoryOnlyMeasurement: GapRule = {
    id: 'statutory-only-measurement',
    type: 'institutional',
    defaultSeverity: 'info',
    description: 'Non-statutory actors deliver services, but only statutory actors report indicators.',
    docs: {
        what: 'When a third-sector, independent or community actor delivers a service as a partner (a delivering team '
            + 'counts as its staff; delivery `contracted` or `fee-funded` does not count), at least one indicator must be `reported by` someone other than the statutory sector alone, or '
            + 'by nobody in particular. A team reports for the sectors of its staff, and a forum for those of its voting '
            + 'members (of all its members when none votes; a body among them as its own voters): a board whose voters '
            + 'are all statutory is statutory, a team with third-sector staff is not. With no indicator at all, the rule fires.',
        why: 'The Lanarkshire study observes that indicators tracked the performance of statutory services, not the '
            + 'value the third sector or informal carers added, so the contribution of much of the ecosystem went unseen.',
        seed: '001',
        failing: `actor NHS "Health board" { sector statutory }
actor Carers "Carers centre" { sector third }
arrangement North "North partnership" {
  partners NHS
  service Respite { delivered by Carers }
  goal Support "Carers supported" { owner NHS }
  indicator Breaks "Short breaks given" { measures Support kind output reported by NHS }
}
`,
        passing: `actor NHS "Health board" { sector statutory }
actor Carers "Carers centre" { sector third }
arrangement North "North partnership" {
  partners NHS
  service Respite { delivered by Carers }
  goal Support "Carers supported" { owner NHS }
  indicator Breaks "Short breaks given" { measures Support kind output reported by Carers }
}
`,
        fix: 'Add an indicator reported by a non-statutory deliverer, or by a team or forum they are members of. If their contribution is '
            + 'measured elsewhere, suppress with `// joinery-ignore statutory-only-measurement: <reason>` on the line '
            + 'before the arrangement.'
    },
    check(model, report) {
        // A contractor (`contracted`, `fee-funded`) is paid to deliver, not a partner whose contribution is to be shown.
        const nonStatutory = unique(model.services.flatMap(partnerDeliverers)).filter(isNonStatutory);
        if (nonStatutory.length === 0) return;
        const measuredElsewhere = model.indicators.some(indicator => {
            const sectors = reporterSectors(indicator.reportedBy?.ref);
            return !(sectors.length > 0 && sectors.every(sector => sector === 'statutory'));
        });
        if (measuredElsewhere) return;
        report({
            node: model.arrangement,
            message: `${titles(nonStatutory)} ${nonStatutory.length === 1 ? 'delivers' : 'deliver'} services in ${model.title}, but `
                + (model.indicators.length === 0 ? 'it has no indicator at all'
                    : `every indicator is reported by the statutory sector alone (${titles(model.indicators)})`)
                + ', so their contribution is not measured. Add an indicator reported by a non-statutory deliverer, or by a team or forum they are members of.',
            related: nonStatutory.map(actor => ({ node: actor, message: `${titleOf(actor)} delivers services here (sector ${sectorOf(actor) ?? 'not given'})` }))
        });
    }
};
