import type { Forum, Party } from '../generated/ast.js';
import type { WorkspaceModel } from '../analysis/workspace-model.js';
import { forumMembers, isMultiOrganisationTeam, staffOrganisations, titleOf } from '../analysis/membership.js';
import type { GapRule } from './rule.js';
import { titles } from './wording.js';

export const noSharedGoal: GapRule = {
    id: 'no-shared-goal',
    type: 'institutional',
    defaultSeverity: 'warning',
    description: 'A team with staff from two or more organisations shares no goal.',
    docs: {
        what: 'A team whose staff come from two or more organisations (of kind `organisation` or `network`, or bodies) needs a goal owned by the team itself, or by a '
            + 'forum on which every one of those organisations sits (voting or advisory).',
        why: 'Parker and colleagues\' study of a multi-agency hub shows partners converging on a shared public value '
            + 'proposition to steer joint work, while warning that partners may read it differently or contest it. '
            + 'A team without a common goal has nothing to converge on.',
        seed: '002',
        failing: `actor Police "Police" { sector statutory }
actor Council "Council" { sector statutory }
arrangement Hub "Victim support hub" {
  partners Police, Council
  forum Steering "Hub steering group" { kind planning voting Police }
  team Hub "Victim support team" { staff Police, Council }
  goal Recover "Victims recover" { owner Steering }
}
`,
        passing: `actor Police "Police" { sector statutory }
actor Council "Council" { sector statutory }
arrangement Hub "Victim support hub" {
  partners Police, Council
  forum Steering "Hub steering group" { kind planning voting Police, Council }
  team Hub "Victim support team" { staff Police, Council }
  goal Recover "Victims recover" { owner Steering }
}
`,
        fix: 'Give the team a goal (`owner` the team), or have a forum on which all its staff organisations sit own '
            + 'one. Suppress with `// joinery-ignore no-shared-goal: <reason>` on the line before the team.'
    },
    check(model, report) {
        const { workspace } = model;
        const forumsOfAll = forumsShared(workspace);
        for (const team of model.teams) {
            if (!isMultiOrganisationTeam(team) || workspace.goalsOwnedBy(team).length > 0) continue;
            const organisations = staffOrganisations(team);
            const commonForums = forumsOfAll(organisations);
            if (commonForums.some(forum => workspace.goalsOwnedBy(forum).length > 0)) continue;
            report({
                node: team,
                message: `${titleOf(team)} has staff from ${titles(organisations)} but shares no goal: no goal is owned by the team `
                    + `or by a forum on which all of them sit${commonForums.length ? ` (${titles(commonForums)} ${commonForums.length === 1 ? 'owns' : 'own'} none)` : ''}. `
                    + 'Give the team a goal, or have a forum of all its organisations own one.'
            });
        }
    }
};

/**
 * The forums on which every one of some organisations sits. Only the forums of the
 * organisation with the fewest seats can qualify, and teams with the same
 * organisations share one answer, so many teams of the same partners cost one look-up.
 */
function forumsShared(workspace: WorkspaceModel): (organisations: Party[]) => readonly Forum[] {
    const ids = new Map<Party, number>();
    const idOf = (actor: Party) => {
        let id = ids.get(actor);
        if (id === undefined) ids.set(actor, id = ids.size);
        return id;
    };
    const members = new Map<Forum, Set<Party>>();
    const membersOf = (forum: Forum) => {
        let set = members.get(forum);
        if (!set) members.set(forum, set = new Set(forumMembers(forum)));
        return set;
    };
    const answers = new Map<string, readonly Forum[]>();
    return organisations => {
        const key = organisations.map(idOf).sort((a, b) => a - b).join(',');
        let answer = answers.get(key);
        if (!answer) {
            const fewest = organisations.reduce((a, b) => workspace.forumsOf(b).length < workspace.forumsOf(a).length ? b : a);
            answer = workspace.forumsOf(fewest).filter(forum => organisations.every(o => membersOf(forum).has(o)));
            answers.set(key, answer);
        }
        return answer;
    };
}
