import type { Service, System, Team } from '../generated/ast.js';
import { deliveringTeams, systemsOf, titleOf } from '../analysis/membership.js';
import { systemsUsedTogether } from '../analysis/system-use.js';
import { pairSubject } from '../findings/finding.js';
import type { GapRule } from './rule.js';
import { listing } from './wording.js';

interface UnlinkedPair {
    earlier: System;
    later: System;
    usedBy: Array<Team | Service>;
}

export const unlinkedSystems: GapRule = {
    id: 'unlinked-systems',
    type: 'structural',
    defaultSeverity: 'warning',
    description: 'Two systems used together by a team, or by the teams delivering a service, are not linked.',
    docs: {
        what: 'For every two systems that one team uses, or that the teams delivering one service use between them, '
            + 'some chain of `link`s (direction ignored) must join them. Teams of one service that declare different '
            + '`area`s (each council\'s front office for its own residents) do not use their systems together; a team '
            + 'with no `area` works with all of them. Each unlinked pair is reported once, on the '
            + 'later-declared system. Pairs already covered by a `team-without-shared-system` finding are not repeated.',
        why: 'The Lanarkshire study traces a great deal of duplicated effort to systems inherited from each organisation '
            + 'that do not talk to each other: what one part of a service records, the other part cannot see, and the '
            + 'person is asked again.',
        seed: '001',
        failing: `actor NHS "Health board" { sector statutory }
arrangement North "North partnership" {
  partners NHS
  system Trak "Patient record" { owner NHS }
  system Rota "District nursing rota" { owner NHS }
  team Nursing "District nursing" { staff NHS uses Trak, Rota }
}
`,
        passing: `actor NHS "Health board" { sector statutory }
arrangement North "North partnership" {
  partners NHS
  system Trak "Patient record" { owner NHS }
  system Rota "District nursing rota" { owner NHS }
  link Rota -> Trak { shares "visits" }
  team Nursing "District nursing" { staff NHS uses Trak, Rota }
}
`,
        fix: 'Add a `link` between the two systems, or through a system both already link to. If the systems are '
            + 'used for unrelated work, suppress with `// joinery-ignore unlinked-systems: <reason>` on the line '
            + 'before the later-declared system.'
    },
    check(model, report) {
        const { workspace } = model;
        const ids = new Map<System, number>();
        const idOf = (system: System) => {
            let id = ids.get(system);
            if (id === undefined) ids.set(system, id = ids.size);
            return id;
        };
        const keyOf = (a: System, b: System) => {
            const [x, y] = [idOf(a), idOf(b)].sort((p, q) => p - q);
            return `${x}:${y}`;
        };
        const eachUnlinkedPair = (systems: System[], visit: (a: System, b: System) => void) => {
            for (let i = 0; i < systems.length; i++) {
                for (let j = i + 1; j < systems.length; j++) {
                    if (!workspace.linked(systems[i], systems[j])) visit(systems[i], systems[j]);
                }
            }
        };

        // Those pairs belong to the team's own finding (a delivering team may be another arrangement's).
        const alreadyReported = new Set<string>();
        for (const team of new Set([...model.teams, ...model.services.flatMap(deliveringTeams)])) {
            if (workspace.lacksSharedSystem(team)) eachUnlinkedPair(systemsOf(team), (a, b) => alreadyReported.add(keyOf(a, b)));
        }

        const pairs = new Map<string, UnlinkedPair>();
        const collect = (user: Team | Service, systems: System[]) => eachUnlinkedPair(systems, (a, b) => {
            const key = keyOf(a, b);
            if (alreadyReported.has(key)) return;
            let pair = pairs.get(key);
            if (!pair) {
                const [earlier, later] = workspace.declarationOrder(a) <= workspace.declarationOrder(b) ? [a, b] : [b, a];
                pairs.set(key, pair = { earlier, later, usedBy: [] });
            }
            pair.usedBy.push(user);
        });
        for (const team of model.teams) collect(team, systemsOf(team));
        for (const service of model.services) for (const systems of systemsUsedTogether(service)) collect(service, systems);

        for (const { earlier, later, usedBy } of pairs.values()) {
            const users = listing(usedBy.map(user => `${user.$type === 'Team' ? 'team' : 'service'} ${titleOf(user)}`));
            report({
                node: later, subject: pairSubject(earlier, later),
                message: `${titleOf(later)} and ${titleOf(earlier)} are used together by ${users}, but no chain of links `
                    + `connects them. Add a \`link\` between them.`,
                related: [{ node: earlier, message: `${titleOf(earlier)}, not linked to ${titleOf(later)}` }]
            });
        }
    }
};
