import type { Agreement, Party } from '../generated/ast.js';
import { resolved, titleOf, unique } from '../analysis/membership.js';
import type { GapRule } from './rule.js';
import { titles } from './wording.js';

export const sharedSystemWithoutAgreement: GapRule = {
    id: 'shared-system-without-agreement',
    type: 'institutional',
    defaultSeverity: 'warning',
    description: 'A system used across two or more organisations is covered by no agreement between them.',
    docs: {
        what: 'A system\'s users are its owner; the organisations in its `users` or, when it names none, the staff '
            + 'organisations of every team that uses it; and, for each `link` touching it, the owners of both linked '
            + 'systems. When they are two or more organisations, the agreements that `covers` the system must name '
            + 'every two of them together in a `between`: one agreement between them all, or several (bilateral ones, '
            + 'as when a national department signs separately with each council) that together cover every pair.',
        why: 'Bekkers\' study of back-office integration finds that joining up organisations\' systems is a political '
            + 'process: it works when the offices involved reach a shared understanding and agree the rules, not '
            + 'when one of them imposes it.',
        seed: '003',
        failing: `actor NHS "Health board" { sector statutory }
actor Council "Council" { sector statutory }
arrangement North "North partnership" {
  partners NHS, Council
  system Trak "Patient record" { owner NHS }
  team Rehab "Rehabilitation team" { staff NHS, Council uses Trak }
  agreement Sharing "Information sharing protocol" { between NHS covers Trak }
}
`,
        passing: `actor NHS "Health board" { sector statutory }
actor Council "Council" { sector statutory }
arrangement North "North partnership" {
  partners NHS, Council
  system Trak "Patient record" { owner NHS }
  team Rehab "Rehabilitation team" { staff NHS, Council uses Trak }
  agreement Sharing "Information sharing protocol" { between NHS, Council covers Trak }
}
`,
        fix: 'Add an agreement that `covers` the system and names every organisation that uses it in `between`, add '
            + 'the missing organisations to an existing one, or add an agreement for each pair the message lists. If '
            + 'an organisation does not in fact use the system, say who does with `users`. Suppress with '
            + '`// joinery-ignore shared-system-without-agreement: <reason>` on the line before the system.'
    },
    check(model, report) {
        for (const system of model.systems) {
            const users = model.workspace.systemUse.usersOf(system);
            if (users.length < 2) continue;
            const agreements = model.workspace.agreementsCovering(system);
            const unnamed = agreements.map(agreement => {
                const parties = new Set(resolved(agreement.between));
                return { agreement, missing: users.filter(user => !parties.has(user)) };
            });
            if (unnamed.some(({ missing }) => missing.length === 0)) continue;
            const uncovered = pairsNotCovered(users, agreements);
            if (uncovered.count === 0) continue;
            const which = agreements.length === 0 || uncovered.count === users.length * (users.length - 1) / 2
                ? 'no agreement covers it and names all of them'
                : `no agreement, alone or with others, covers it between ${pairList(uncovered)}`;
            report({
                node: system,
                message: `${titleOf(system)} is used across ${titles(users)}, but ${which}`
                    + (unnamed.length ? ` (${unnamed.map(({ agreement, missing }) => `${titleOf(agreement)} leaves out ${titles(missing)}`).join('; ')})` : '')
                    + '. Add an agreement between them that covers it, or one for each pair left out.',
                related: unnamed.map(({ agreement, missing }) => ({ node: agreement, message: `covers ${titleOf(system)} but leaves out ${titles(missing)}` }))
            });
        }
    }
};

interface Uncovered {
    count: number;
    /** The first few pairs, for the message. */
    shown: Array<[Party, Party]>;
}

const PAIRS_SHOWN = 4;

/**
 * The pairs of users that no covering agreement names together: bilateral
 * agreements (DWP with each council) cover a system when together they cover every
 * pair. Costs the agreements' sizes squared plus the users squared, and users of
 * one system are few.
 */
function pairsNotCovered(users: readonly Party[], agreements: readonly Agreement[]): Uncovered {
    const together = new Map<Party, Set<Party>>(users.map(user => [user, new Set<Party>()]));
    for (const agreement of agreements) {
        const parties = unique(resolved(agreement.between)).filter(party => together.has(party));
        for (const party of parties) for (const other of parties) together.get(party)!.add(other);
    }
    const result: Uncovered = { count: 0, shown: [] };
    users.forEach((user, i) => {
        for (const other of users.slice(i + 1)) {
            if (together.get(user)!.has(other)) continue;
            result.count++;
            if (result.shown.length < PAIRS_SHOWN) result.shown.push([user, other]);
        }
    });
    return result;
}

/** "NHS and Council; Council and DWP (and 2 more pairs)". */
function pairList({ count, shown }: Uncovered): string {
    const pairs = shown.map(([a, b]) => `${titleOf(a)} and ${titleOf(b)}`).join('; ');
    return count > shown.length ? `${pairs} (and ${count - shown.length} more ${count - shown.length === 1 ? 'pair' : 'pairs'})` : pairs;
}
