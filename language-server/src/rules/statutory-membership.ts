import { MEMBERSHIP_RULE } from '../profiles/profile.js';
import type { GapRule } from './rule.js';
import { reportUnmetRequirements } from './statutory-findings.js';

export const statutoryMembership: GapRule = {
    id: MEMBERSHIP_RULE,
    type: 'structural',
    defaultSeverity: 'warning',
    description: 'A forum that names a statutory profile lacks a member, a balance of votes or a voting rule its instrument requires.',
    docs: {
        what: 'A forum (or an arrangement) that names a profile (`profile scotland-ijb`) is checked against the membership its '
            + 'instrument requires: voting members drawn from named partners in equal numbers with a minimum each, prescribed '
            + 'members by role, stakeholder members, who may not vote, and the chair. One finding per unmet requirement, on the '
            + 'forum, naming the requirement and the section of the instrument. Members are recognised by `role`: an actor carries '
            + 'the roles of the profiles\' vocabulary (`role chief-officer`), and the partners\' `voting` counts are their seats. '
            + 'The chair and vice-chair are read from `chair` and `vice-chair`; the turn of the chair between partners is not '
            + 'something one model can show, and is never reported. The profiles and their roles are described in docs/profiles.md.',
        why: 'No assessment of an arrangement in this field checks it against the instrument that constitutes it; reviewers do '
            + 'it by hand, from the legislation. In the Lanarkshire study the integration joint board was where the third sector '
            + 'said it had no say; its statutory membership is what guarantees the stakeholder members a seat. A board with six '
            + 'health board votes to two council votes, or without its prescribed members, is not the board the law constitutes, '
            + 'whatever else the model shows.',
        seed: '001',
        source: 'the instrument each profile names (Public Bodies (Joint Working) (Integration Joint Boards) (Scotland) Order 2014; '
            + 'Crime and Disorder Act 1998 s.5; Domestic Abuse Act 2021 s.58; SafeLives\' MARAC standard)',
        failing: `actor Council "Northshire Council" { sector statutory role local-authority }
actor Police "Northshire Police" { sector statutory role police }
actor Fire "Northshire Fire and Rescue" { sector statutory role fire-and-rescue-authority }
actor ICB "Northshire Integrated Care Board" { sector statutory role integrated-care-board }
actor PCC "Police and Crime Commissioner" { sector statutory role police-and-crime-commissioner }
arrangement Safer "Safer Northshire" {
  partners Council, Police, Fire, ICB
  forum Board "Community safety partnership board" { kind board profile england-csp voting Council, Police, Fire, ICB advisory PCC }
}
`,
        passing: `actor Council "Northshire Council" { sector statutory role local-authority }
actor Police "Northshire Police" { sector statutory role police }
actor Fire "Northshire Fire and Rescue" { sector statutory role fire-and-rescue-authority }
actor ICB "Northshire Integrated Care Board" { sector statutory role integrated-care-board }
actor Probation "Probation Service, Northshire" { sector statutory role probation-provider }
actor PCC "Police and Crime Commissioner" { sector statutory role police-and-crime-commissioner }
arrangement Safer "Safer Northshire" {
  partners Council, Police, Fire, ICB, Probation
  forum Board "Community safety partnership board" { kind board profile england-csp voting Council, Police, Fire, ICB, Probation advisory PCC }
}
`,
        fix: 'Add the member the finding names: an actor carrying the role, as a `voting` or `advisory` member of the forum (the '
            + 'quick fix adds an advisory member, declaring an actor of that role when the workspace has none), or change the '
            + 'seats so that the partners balance. If the forum meets the requirement in a way the model does not show (a member '
            + 'shared with another board), suppress with `// joinery-ignore statutory-membership: <reason>` on the line before '
            + 'the forum; the reason is kept with the model.'
    },
    check(model, report) {
        reportUnmetRequirements(MEMBERSHIP_RULE, model, report);
    }
};
