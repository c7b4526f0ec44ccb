import { isBoard, resolved, titleOf } from '../analysis/membership.js';
import type { GapRule } from './rule.js';

export const isolatedForum: GapRule = {
    id: 'isolated-forum',
    type: 'structural',
    defaultSeverity: 'info',
    description: 'A forum that is not a board has no route to a board and decides no budget.',
    docs: {
        what: 'A forum of any kind but `board` is reported when it has no route to any board (a forum\'s route runs '
            + 'through `reports to`, its own channels, what it `scrutinises` and who must `has regard to` it; its '
            + 'members\' own seats elsewhere do not count), `controls` no budget, holds (`held by`) no budget, '
            + '`scrutinises` nothing (holding a decision-maker to account is influence, even one that is not a board) and '
            + 'no forum or actor must have regard to it or to a goal it owns.',
        why: 'The Lanarkshire partnerships set up engagement structures around their joint boards, but those who took '
            + 'part found that they achieved little and were largely for show: a forum whose conclusions reach no decision-maker and '
            + 'which decides no money cannot change anything.',
        seed: '001',
        failing: `actor NHS "Health board" { sector statutory }
actor Carers "Carers centre" { sector third }
arrangement North "North partnership" {
  partners NHS
  forum IJB "Joint board" { kind board voting NHS }
  forum Locality "Locality group" { kind engagement voting Carers }
}
`,
        passing: `actor NHS "Health board" { sector statutory }
actor Carers "Carers centre" { sector third }
arrangement North "North partnership" {
  partners NHS
  forum IJB "Joint board" { kind board voting NHS }
  forum Locality "Locality group" { kind engagement voting Carers reports to IJB }
}
`,
        fix: 'Have the forum `reports to` a board (or to a forum that does), add a channel from it to a board, say '
            + 'what it `scrutinises` or who `has regard to` it, or give it a budget to decide. If it is meant only for discussion, suppress with '
            + '`// joinery-ignore isolated-forum: <reason>` on the line before the forum.'
    },
    check(model, report) {
        const { workspace } = model;
        for (const forum of model.forums) {
            if (isBoard(forum) || workspace.reachesAnyBoard.has(forum)) continue;
            if (resolved(forum.controls).length > 0 || workspace.budgetsHeldBy(forum).length > 0) continue;
            // Holding a decision-maker to account, or writing the strategy one must consider, is influence.
            if (resolved(forum.scrutinises).length > 0 || workspace.regardedBy(forum).length > 0) continue;
            report({
                node: forum,
                message: `${titleOf(forum)} (${forum.kind ?? 'forum'}) has no route to any board and neither controls nor holds `
                    + 'a budget, so it cannot influence decisions. Have it report to a board, or give it a budget to decide.'
            });
        }
    }
};
