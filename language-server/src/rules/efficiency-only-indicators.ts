import { titleOf } from '../analysis/membership.js';
import type { GapRule } from './rule.js';
import { listing } from './wording.js';

export const efficiencyOnlyIndicators: GapRule = {
    id: 'efficiency-only-indicators',
    type: 'institutional',
    defaultSeverity: 'warning',
    description: 'The arrangement has indicators, but none measures outcomes or experience.',
    docs: {
        what: 'When an arrangement declares indicators, at least one must be of kind `outcome` or `experience`.',
        why: 'The Lanarkshire study found performance measures set nationally around throughput, such as delayed '
            + 'discharges and waiting lists, so that operational efficiency pushed aside the person-centred aims '
            + 'partners agreed on; it calls for indicators of the value people and communities actually get.',
        seed: '001',
        failing: `actor NHS "Health board" { sector statutory }
arrangement North "North partnership" {
  partners NHS
  goal Flow "Hospital flow" { owner NHS }
  indicator Delays "Delayed discharges" { measures Flow kind efficiency reported by NHS }
}
`,
        passing: `actor NHS "Health board" { sector statutory }
arrangement North "North partnership" {
  partners NHS
  goal Flow "Hospital flow" { owner NHS }
  indicator Delays "Delayed discharges" { measures Flow kind efficiency reported by NHS }
  indicator Home "People home within a week" { measures Flow kind outcome reported by NHS }
}
`,
        fix: 'Add an indicator of kind `outcome` or `experience`, or change the kind of one that already measures '
            + 'what people get. Suppress with `// joinery-ignore efficiency-only-indicators: <reason>` on the line '
            + 'before the arrangement.'
    },
    check(model, report) {
        const { indicators } = model;
        if (indicators.length === 0) return;
        if (indicators.some(indicator => indicator.kind === 'outcome' || indicator.kind === 'experience')) return;
        report({
            node: model.arrangement,
            message: `Every indicator of ${model.title} measures efficiency or output (`
                + `${listing(indicators.map(indicator => `${titleOf(indicator)}: ${indicator.kind ?? 'no kind'}`))}); `
                + 'none measures outcomes or people\'s experience. Add an indicator of kind outcome or experience.',
            related: indicators.map(indicator => ({ node: indicator, message: `of kind ${indicator.kind ?? '(none)'}` }))
        });
    }
};
