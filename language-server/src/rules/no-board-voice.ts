import { isNonStatutory, titleOf } from '../analysis/membership.js';
import type { GapRule } from './rule.js';
import { titles } from './wording.js';

export const noBoardVoice: GapRule = {
    id: 'no-board-voice',
    type: 'structural',
    defaultSeverity: 'error',
    description: 'A non-statutory actor involved in the arrangement has no route to any of its boards.',
    docs: {
        what: 'Every third-sector, independent or community actor involved in an arrangement needs a route '
            + '(channels, forum memberships, `reports to`) that ends at a `board` forum of that arrangement. '
            + 'A `represents` claim is not a route: the represented actor needs its own channel. A contractor (an actor '
            + 'that delivers here only `contracted` or `fee-funded`, and is neither a partner nor staff of a team) is not '
            + 'reported: it is paid to deliver, not a partner that needs a seat.',
        why: 'In the Lanarkshire study third-sector organisations delivered much of the preventive work yet '
            + 'said they had no say where decisions were taken; engagement was felt to be token, and some did '
            + 'not trust the intermediary that was supposed to speak for them. An actor with no route to the '
            + 'board cannot influence what it is asked to deliver.',
        seed: '001',
        failing: `actor NHS "Health board" { sector statutory }
actor Carers "Carers centre" { sector third }
arrangement North "North partnership" {
  partners NHS
  forum IJB "Joint board" { kind board voting NHS }
  service Respite { delivered by Carers }
}
`,
        passing: `actor NHS "Health board" { sector statutory }
actor Carers "Carers centre" { sector third }
arrangement North "North partnership" {
  partners NHS
  forum IJB "Joint board" { kind board voting NHS advisory Carers }
  service Respite { delivered by Carers }
}
`,
        fix: 'Give the actor a route to a board: a seat (`voting` or `advisory`), a `channel` to the board, or a '
            + 'channel to an intermediary that itself reaches the board. If its voice reaches the board in a way '
            + 'the model does not show, suppress with `// joinery-ignore no-board-voice: <reason>` on the line '
            + 'before the actor.'
    },
    check(model, report) {
        const boards = model.boards.length
            ? `its ${model.boards.length === 1 ? 'board is' : 'boards are'} ${titles(model.boards)}`
            : 'it has no board forum';
        for (const actor of model.involvedActors) {
            // A contractor is paid to deliver, not a partner that needs a say (docs/language.md).
            if (!isNonStatutory(actor) || model.routesToBoard.has(actor) || model.partOf(actor).isContractor) continue;
            const name = titleOf(actor);
            // An intermediary with a voice only helps once the actor has a channel to it.
            const claims = model.partOf(actor).representedBy.map(intermediary => ({
                node: intermediary,
                message: model.routesToBoard.has(intermediary)
                    ? `${titleOf(intermediary)} claims to represent ${name} and reaches a board, but ${name} has no channel to ${titleOf(intermediary)}`
                    : `${titleOf(intermediary)} claims to represent ${name} but has no route to a board either`
            }));
            report({
                node: actor,
                message: `${name} (sector ${actor.sector}) has no route to any board of ${model.title}; ${boards}.`
                    + (claims.length ? ` ${claims.map(claim => claim.message).join('; ')}.` : '')
                    + ` Add a channel from ${name} to a board, or to an intermediary that has a seat.`,
                related: claims
            });
        }
    }
};
