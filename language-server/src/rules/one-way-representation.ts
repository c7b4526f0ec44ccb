import { resolved, titleOf, unique } from '../analysis/membership.js';
import { qualifiedName } from '../findings/finding.js';
import type { GapRule } from './rule.js';

export const oneWayRepresentation: GapRule = {
    id: 'one-way-representation',
    type: 'relational',
    defaultSeverity: 'warning',
    description: 'An intermediary claims to represent an actor but no two-way channel connects them.',
    docs: {
        what: 'For each actor an intermediary `represents`, channels marked `two-way` must connect the two in the '
            + 'arrangement: one such channel in either direction, or a chain of them through others (carers, their '
            + 'carers centre, and the carer member who sits on the board). Reported on the intermediary, once per '
            + 'represented actor.',
        why: 'Third-sector organisations in the Lanarkshire study doubted that the intermediary which sat on the board '
            + 'for them actually spoke with them or reported back; representation without a conversation in both '
            + 'directions leaves the represented unheard and uninformed.',
        seed: '001',
        failing: `actor NHS "Health board" { sector statutory }
actor TSI "Third sector interface" { sector third represents Groups }
actor Groups "Local groups" { sector third kind network }
arrangement North "North partnership" {
  partners NHS
  forum IJB "Joint board" { kind board voting NHS advisory TSI }
  channel Groups -> TSI { kind representation }
}
`,
        passing: `actor NHS "Health board" { sector statutory }
actor TSI "Third sector interface" { sector third represents Groups }
actor Groups "Local groups" { sector third kind network }
arrangement North "North partnership" {
  partners NHS
  forum IJB "Joint board" { kind board voting NHS advisory TSI }
  channel Groups -> TSI { kind representation two-way }
}
`,
        fix: 'Add a channel between the two marked `two-way` (the editor offers this fix), or mark the existing one '
            + '`two-way` if the intermediary does report back. If the feedback happens outside the arrangement, '
            + 'suppress with `// joinery-ignore one-way-representation: <reason>` on the line before the intermediary.'
    },
    check(model, report) {
        for (const intermediary of model.involvedActors) {
            const part = model.partOf(intermediary);
            for (const represented of unique(resolved(intermediary.represents))) {
                // A chain of two-way channels counts: carers ⇄ carers centre ⇄ carer member.
                if (represented === intermediary || part.talksBothWaysWith(represented)) continue;
                report({
                    node: intermediary, subject: `${qualifiedName(intermediary)} represents ${qualifiedName(represented)}`,
                    message: `${titleOf(intermediary)} claims to represent ${titleOf(represented)} in ${model.title}, but no `
                        + `two-way channel, nor chain of them, connects them, so ${titleOf(represented)} does not hear back. `
                        + `Add a channel between ${titleOf(represented)} and ${titleOf(intermediary)} marked \`two-way\`.`,
                    related: [{ node: represented, message: `represented by ${titleOf(intermediary)}` }]
                });
            }
        }
    }
};
