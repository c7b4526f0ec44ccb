import type { System } from '../generated/ast.js';
import type { WorkspaceModel } from '../analysis/workspace-model.js';
import { staffOrganisations, systemsOf, titleOf } from '../analysis/membership.js';
import type { GapRule } from './rule.js';
import { titles } from './wording.js';

export const teamWithoutSharedSystem: GapRule = {
    id: 'team-without-shared-system',
    type: 'structural',
    defaultSeverity: 'error',
    description: 'A team with staff from two or more organisations has no connected information system.',
    docs: {
        what: 'A team whose `staff` come from two or more organisations (actors of kind `organisation` or `network`, '
            + 'such as the GP practices of an area, or bodies; roles and people are not organisations) must use at least one information system, '
            + 'and the systems it uses must form one group joined by `link`s (in either direction; the chain may '
            + 'pass through systems the team does not use).',
        why: 'Staff of the multi-disciplinary teams in the Lanarkshire study could not share information because '
            + 'each employer kept its own system; they described time lost on manual workarounds, and people using '
            + 'the service had to repeat their story to each professional, which is the opposite of person-centred care.',
        seed: '001',
        failing: `actor NHS "Health board" { sector statutory }
actor Council "Council" { sector statutory }
arrangement North "North partnership" {
  partners NHS, Council
  system Trak "Patient record" { owner NHS }
  system Swift "Social work record" { owner Council }
  team Rehab "Rehabilitation team" { staff NHS, Council uses Trak, Swift }
}
`,
        passing: `actor NHS "Health board" { sector statutory }
actor Council "Council" { sector statutory }
arrangement North "North partnership" {
  partners NHS, Council
  system Trak "Patient record" { owner NHS }
  system Swift "Social work record" { owner Council }
  link Trak <-> Swift { shares "referrals" }
  team Rehab "Rehabilitation team" { staff NHS, Council uses Trak, Swift }
}
`,
        fix: 'Add a `link` between the team\'s systems (the editor offers this fix), or have the team `uses` one '
            + 'shared system. If the team shares records another way, suppress with '
            + '`// joinery-ignore team-without-shared-system: <reason>` on the line before the team.'
    },
    check(model, report) {
        for (const team of model.teams) {
            if (!model.workspace.lacksSharedSystem(team)) continue;
            const name = titleOf(team);
            const organisations = titles(staffOrganisations(team));
            const systems = systemsOf(team);
            if (systems.length === 0) {
                report({
                    node: team,
                    message: `${name} has staff from ${organisations} but uses no information system, so they cannot share `
                        + `what they know about a person. Add a shared system with \`uses\`, or the systems each organisation uses, linked.`
                });
                continue;
            }
            const groups = linkedGroups(systems, model.workspace);
            report({
                node: team,
                message: `${name} has staff from ${organisations} but its systems are not joined by links: `
                    + `${groups.map(group => titles(group)).join(' | ')}. Add a \`link\` so that they form one connected group.`,
                related: groups.slice(1).flat().map(system => ({
                    node: system, message: `used by ${name}, not linked to ${titles(groups[0])}`
                }))
            });
        }
    }
};

/** The team's systems, grouped by which are joined by a chain of links (pairs within one team's systems only). */
export function linkedGroups(systems: System[], workspace: WorkspaceModel): System[][] {
    const groups: System[][] = [];
    for (const system of systems) {
        const group = groups.find(g => workspace.linked(g[0], system));
        if (group) group.push(system); else groups.push([system]);
    }
    return groups;
}
