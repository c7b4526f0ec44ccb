import { GAP_RULES, MODEL_ERROR_RULES } from '../../rules/registry.js';
import { ruleDocPage } from '../../rules/rule-doc-page.js';
import type { Severity } from '../../findings/finding.js';
import { SUPPRESSION_WITHOUT_REASON, UNUSED_SUPPRESSION } from '../../checking/suppression.js';

/** What a reader of a CI report is told about a rule: a line, and help as plain text and as Markdown. */
export interface RuleHelp {
    id: string;
    description: string;
    what?: string;
    tags: string[];
    severity: Severity;
    text: string;
    markdown: string;
}

/** Every rule a finding can name: the gap rules, the model errors and the suppression checks. */
export function allRuleHelp(): RuleHelp[] {
    return [
        ...GAP_RULES.map(rule => ({
            id: rule.id, description: rule.description, what: rule.docs.what, tags: ['joinery', rule.type], severity: rule.defaultSeverity,
            text: `${rule.docs.what}\n\nHow to fix: ${rule.docs.fix}`,
            markdown: ruleDocPage(rule)
        })),
        ...OTHER_RULES.map(rule => ({ ...rule, tags: ['joinery', rule.id === UNUSED_SUPPRESSION || rule.id === SUPPRESSION_WITHOUT_REASON ? 'suppression' : 'model-error'] }))
    ];
}

const OTHER_RULES: Array<Omit<RuleHelp, 'tags'>> = [
    {
        id: MODEL_ERROR_RULES[0], severity: 'error', description: 'The text is not a valid Joinery model.',
        text: 'The parser could not read this part of the file as Joinery. Every declaration is KEYWORD Name "Optional title" { properties }; the message says what was expected. A value outside a property\'s listed values is a syntax error, and a file that is not UTF-8 text, too large or nested too deep is reported here too.',
        markdown: '# `syntax`\n\nThe parser could not read this part of the file as Joinery. Every declaration is `KEYWORD Name "Optional title" { properties }`; the message says what was expected. A value outside a property\'s listed values is a syntax error too.\n\nA file that is not UTF-8 text, is larger than 512 KB or nests braces more than 100 deep is reported under this rule too. Syntax errors are always errors and cannot be turned off.\n'
    },
    {
        id: MODEL_ERROR_RULES[1], severity: 'error', description: 'A name does not resolve to a declaration.',
        text: 'A reference names nothing of the right kind. Top-level names (domain, actor, arrangement) are shared by every file of the workspace; an arrangement\'s elements are reached from elsewhere as Arrangement.Element. Check the spelling (the message suggests a close name) or declare it. When checking some files only, pass --workspace DIR so that the names of the other files resolve.',
        markdown: '# `reference`\n\nA reference names nothing of the right kind.\n\n- Top-level names (`domain`, `actor`, `arrangement`) are shared by every file of the workspace.\n- An arrangement\'s elements are reached from elsewhere as `Arrangement.Element`.\n\nCheck the spelling (the message suggests a close name) or declare the element. When checking some files only (a pre-commit hook), pass `--workspace DIR` so that the names declared in the other files resolve.\n'
    },
    {
        id: MODEL_ERROR_RULES[2], severity: 'error', description: 'The model breaks a rule of the language (LANGUAGE.md, "Semantic validation").',
        text: 'The model is well formed but breaks a rule of the language: a reference to an element of the wrong kind, a name declared twice in one scope, a property given twice, an actor without `sector`, a `voting` seat count below 1, a negative or malformed amount, `reports to` in a circle, a link or channel from an element to itself, a `held by` that is neither a forum nor an actor, or a `leader` that is not `kind role`. The message says what is wrong.',
        markdown: '# `semantic`\n\nThe model is well formed but breaks a rule of the language, for example:\n\n- a reference to an element of the wrong kind;\n- a name declared twice in one scope, or a property given twice;\n- an actor without `sector`, a `voting` seat count below 1, a negative or malformed amount;\n- `reports to` in a circle, a `link` or channel from an element to itself;\n- a `held by` that is neither a forum nor an actor, a `leader` that is not `kind role`.\n\nThe message says what is wrong. These are always errors and cannot be turned off.\n'
    },
    {
        id: UNUSED_SUPPRESSION, severity: 'warning', description: 'A joinery-ignore comment silences nothing.',
        text: 'A `// joinery-ignore RULE: reason` comment names a rule that reports nothing on the element after it, or stands before no element. Remove it, or move it to the line before the element it is meant for.',
        markdown: '# `unused-suppression`\n\nA `// joinery-ignore RULE: reason` comment names a rule that reports nothing on the element after it, or stands before no element. Remove the comment, or move it to the line before the element it is meant for.\n'
    },
    {
        id: SUPPRESSION_WITHOUT_REASON, severity: 'warning', description: 'A joinery-ignore comment gives no reason.',
        text: 'A `// joinery-ignore RULE` comment silences a rule without saying why. Add the reason after a colon: `// joinery-ignore RULE: the reason`.',
        markdown: '# `suppression-without-reason`\n\nA `// joinery-ignore RULE` comment silences a rule without saying why. Add the reason after a colon: `// joinery-ignore RULE: the reason`, so that a reviewer can judge it.\n'
    }
];
