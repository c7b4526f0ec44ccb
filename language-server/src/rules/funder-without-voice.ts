import { hostedFunding } from '../analysis/hosted-funding.js';
import { sectorOf, titleOf } from '../analysis/membership.js';
import type { GapRule } from './rule.js';
import { titles } from './wording.js';

export const funderWithoutVoice: GapRule = {
    id: 'funder-without-voice',
    type: 'power',
    defaultSeverity: 'warning',
    description: 'A partner funds a service another arrangement hosts, with no seat on or route to the board that runs it.',
    docs: {
        what: 'A budget of this arrangement `funds` a team or service declared in another arrangement (reached as '
            + '`Host.Element`): the host runs it. Each actor that funds it, a contributor to the budget (or its holder '
            + 'when no one is named in `from`), must have a route to a board of the host, as LANGUAGE.md defines '
            + 'routes. Reported on the funder, once per host. National government (sector `government`) is not checked, '
            + 'nor a host with no board.',
        why: 'Seed 000 reads integration as a question of who gets what and who decides it. When one partnership hosts '
            + 'a service for its neighbours (an integration joint board running a service for the whole health board '
            + 'area), the neighbours\' partners pay for it while its board decides how it is run: without a seat or a '
            + 'route there, they have no say in what their money buys.',
        seed: '000',
        failing: `actor NHS "Health board" { sector statutory }
actor West "West council" { sector statutory }
actor East "East council" { sector statutory }
arrangement WestIJB "West partnership" {
  partners NHS, West
  forum Board "West integration joint board" { kind board voting NHS, West }
  service OutOfHours "Out-of-hours care" { delivered by NHS }
}
arrangement EastIJB "East partnership" {
  partners NHS, East
  forum Board "East integration joint board" { kind board voting NHS, East controls Pool }
  budget Pool "East integrated budget" { kind pooled from NHS 30m, East 10m held by Board funds WestIJB.OutOfHours }
}
`,
        passing: `actor NHS "Health board" { sector statutory }
actor West "West council" { sector statutory }
actor East "East council" { sector statutory }
arrangement WestIJB "West partnership" {
  partners NHS, West
  forum Board "West integration joint board" { kind board voting NHS, West }
  forum Hosted "Hosted services group" { kind planning voting NHS, West advisory East reports to Board }
  service OutOfHours "Out-of-hours care" { delivered by NHS }
}
arrangement EastIJB "East partnership" {
  partners NHS, East
  forum Board "East integration joint board" { kind board voting NHS, East controls Pool }
  budget Pool "East integrated budget" { kind pooled from NHS 30m, East 10m held by Board funds WestIJB.OutOfHours }
}
`,
        fix: 'Give the funder a seat on the host\'s board, or a route to it (a seat on a forum that reports to it, or '
            + 'a channel). If it has its say some way the model does not show, suppress with '
            + '`// joinery-ignore funder-without-voice: <reason>` on the line before the funder.'
    },
    check(model, report) {
        for (const funding of hostedFunding(model)) {
            if (funding.hostBoards.length === 0) continue;
            const reaching = model.workspace.reachingBoardsOf(funding.host);
            const hostTitle = titleOf(funding.host);
            for (const funder of funding.funders) {
                if (sectorOf(funder) === 'government' || reaching.has(funder)) continue;
                const name = titleOf(funder);
                report({
                    node: funder,
                    message: `${name} funds ${titles(funding.hosted)}, which ${hostTitle} hosts, through ${titles(funding.budgets)} `
                        + `of ${model.title}, but has no seat on, or route to, a board of ${hostTitle} (${titles(funding.hostBoards)}): `
                        + `it pays for a service it has no say in. Give ${name} a seat on, or a route to, ${titles(funding.hostBoards)}.`,
                    related: [...funding.hosted.map(hosted => ({ node: hosted, message: `hosted by ${hostTitle}, funded by ${name}` })),
                        ...funding.hostBoards.map(board => ({ node: board, message: `a board of ${hostTitle}` }))]
                });
            }
        }
    }
};
