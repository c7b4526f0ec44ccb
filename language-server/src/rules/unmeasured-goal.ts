import { titleOf } from '../analysis/membership.js';
import type { GapRule } from './rule.js';

export const unmeasuredGoal: GapRule = {
    id: 'unmeasured-goal',
    type: 'institutional',
    defaultSeverity: 'warning',
    description: 'A goal is measured by no indicator.',
    docs: {
        what: 'Every goal must be named in the `measures` of at least one indicator.',
        why: 'The Lanarkshire study shows that what partners are measured on steers what they do: goals such as '
            + 'prevention were stated, but the indicators that guided practice tracked other things. A goal nobody '
            + 'measures gives way to the goals that are measured.',
        seed: '001',
        failing: `actor NHS "Health board" { sector statutory }
arrangement North "North partnership" {
  partners NHS
  goal Prevention "Early intervention and prevention" { owner NHS }
}
`,
        passing: `actor NHS "Health board" { sector statutory }
arrangement North "North partnership" {
  partners NHS
  goal Prevention "Early intervention and prevention" { owner NHS }
  indicator Falls "Falls at home" { measures Prevention kind outcome reported by NHS }
}
`,
        fix: 'Add an indicator that `measures` the goal (the editor offers a stub). If the goal is measured outside the '
            + 'model, suppress with `// joinery-ignore unmeasured-goal: <reason>` on the line before the goal.'
    },
    check(model, report) {
        for (const goal of model.goals) {
            if (model.workspace.indicatorsMeasuring(goal).length > 0) continue;
            report({
                node: goal,
                message: `No indicator measures ${titleOf(goal)}. Add an indicator with \`measures ${goal.name}\`, preferably of kind outcome or experience.`
            });
        }
    }
};
