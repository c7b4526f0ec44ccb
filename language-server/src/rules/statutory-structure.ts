import { STRUCTURE_RULE } from '../profiles/profile.js';
import type { GapRule } from './rule.js';
import { reportUnmetRequirements } from './statutory-findings.js';

export const statutoryStructure: GapRule = {
    id: STRUCTURE_RULE,
    type: 'structural',
    defaultSeverity: 'warning',
    description: 'A forum that names a statutory profile lacks a sub-forum or an instrument (an agreement, directions, an annual report) the law requires.',
    docs: {
        what: 'A forum (or an arrangement) that names a profile is checked for the structure its instrument requires: sub-forums '
            + '(forums carrying a forum role, such as `role strategic-planning-group` or `role locality`, that report to it '
            + 'directly or through others) and instruments (an `agreement` between actors of named roles, such as an integration '
            + 'scheme; a `channel` of kind reporting for an annual report; a `direction` from the board to each partner). One '
            + 'finding per unmet requirement, on the forum, naming the requirement and its section.',
        why: 'The law that constitutes a board also gives it the structures through which it plans and answers: an integration '
            + 'joint board plans with a strategic planning group and by locality, under an integration scheme between the Health '
            + 'Board and the council (the Lanarkshire study\'s partnership among them). A model that leaves them out describes a '
            + 'board that cannot do what the law asks of it.',
        seed: '001',
        source: 'the instrument each profile names (Public Bodies (Joint Working) (Scotland) Act 2014 ss.1, 25–27, 29, 32; Domestic Abuse Act 2021 s.59)',
        failing: `actor Council "Westshire Council" { sector statutory role local-authority }
actor Victims "Survivors' forum" { sector community role victims-representative }
actor Children "Children's advocate" { sector statutory role children-representative }
actor Refuge "Westshire Refuge" { sector third role voluntary-sector-representative }
actor Health "Westshire NHS Trust" { sector statutory role health-representative }
actor Police "Westshire Police" { sector statutory role police }
actor Ministry "Secretary of State" { sector government }
arrangement DA "Westshire domestic abuse partnership" {
  partners Council
  forum Board "Domestic abuse local partnership board" { kind board profile england-da-board voting Council advisory Victims, Children, Refuge, Health, Police }
}
`,
        passing: `actor Council "Westshire Council" { sector statutory role local-authority }
actor Victims "Survivors' forum" { sector community role victims-representative }
actor Children "Children's advocate" { sector statutory role children-representative }
actor Refuge "Westshire Refuge" { sector third role voluntary-sector-representative }
actor Health "Westshire NHS Trust" { sector statutory role health-representative }
actor Police "Westshire Police" { sector statutory role police }
actor Ministry "Secretary of State" { sector government }
arrangement DA "Westshire domestic abuse partnership" {
  partners Council
  forum Board "Domestic abuse local partnership board" { kind board profile england-da-board voting Council advisory Victims, Children, Refuge, Health, Police }
  channel Council -> Ministry "Annual report on Part 4 support" { kind reporting }
}
`,
        fix: 'Add what the finding names: a forum of the required role that `reports to` the board, an `agreement` between the '
            + 'named partners, or a `reporting` channel. If it exists outside the model, suppress with '
            + '`// joinery-ignore statutory-structure: <reason>` on the line before the forum.'
    },
    check(model, report) {
        reportUnmetRequirements(STRUCTURE_RULE, model, report);
    }
};
