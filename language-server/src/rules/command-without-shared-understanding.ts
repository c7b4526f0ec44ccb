import { forumMembers } from '../analysis/membership.js';
import type { GapRule } from './rule.js';

export const commandWithoutSharedUnderstanding: GapRule = {
    id: 'command-without-shared-understanding',
    type: 'maturity',
    defaultSeverity: 'info',
    description: 'Governance by command, with no planning or learning forum in which every partner takes part.',
    docs: {
        what: 'An arrangement with `governance command` needs a `planning` or `learning` forum in which every partner '
            + 'takes part (as a voting or advisory member).',
        why: 'Bekkers found that back-office integration succeeded where the organisations built a shared '
            + 'understanding of why they were integrating, weighing their different rationalities; command and control '
            + 'helped run the project but did not decide its success.',
        seed: '003',
        failing: `actor NHS "Health board" { sector statutory }
actor Council "Council" { sector statutory }
arrangement North "North partnership" {
  partners NHS, Council
  governance command
  forum Plan "Strategic planning group" { kind planning voting NHS }
}
`,
        passing: `actor NHS "Health board" { sector statutory }
actor Council "Council" { sector statutory }
arrangement North "North partnership" {
  partners NHS, Council
  governance command
  forum Plan "Strategic planning group" { kind planning voting NHS advisory Council }
}
`,
        fix: 'Add a `planning` or `learning` forum with every partner as a voting or advisory member, or declare '
            + '`governance process` if that is how it is run. Suppress with '
            + '`// joinery-ignore command-without-shared-understanding: <reason>` on the line before the arrangement.'
    },
    check(model, report) {
        if (model.arrangement.governance !== 'command') return;
        const everyPartnerTakesPart = model.forums.some(forum => {
            if (forum.kind !== 'planning' && forum.kind !== 'learning') return false;
            const members = new Set(forumMembers(forum));
            return model.partners.every(partner => members.has(partner));
        });
        if (everyPartnerTakesPart) return;
        report({
            node: model.arrangement,
            message: `${model.title} is governed by command, but no planning or learning forum includes every partner, so `
                + 'nothing in the model builds a shared understanding of the integration. Add a planning or learning forum in which all partners take part.'
        });
    }
};
