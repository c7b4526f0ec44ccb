import type { GapRule } from './rule.js';

const SEED_TITLES: Record<string, string> = {
    '000': 'seed 000 (the politics of who gets what)',
    '001': 'seed 001 (integrated health and social care in Lanarkshire and the third sector)',
    '002': 'seed 002 (the multi-agency hub)',
    '003': 'seed 003 (back-office integration)',
    '004': 'seed 004 (the stages of joining-up)'
};

/** The page `docs/rules/<id>.md`, written from the rule's own module. */
export function ruleDocPage(rule: GapRule): string {
    const seed = (SEED_TITLES[rule.docs.seed] ?? `seed ${rule.docs.seed}`) + (rule.docs.source ? `; ${rule.docs.source}` : '');
    return [
        `# \`${rule.id}\``,
        '',
        `${rule.description}`,
        '',
        `| type | default severity | source |`,
        `|---|---|---|`,
        `| ${rule.type} | ${rule.defaultSeverity} | ${seed} |`,
        '',
        '## What it checks',
        '',
        rule.docs.what,
        '',
        '## Why it matters',
        '',
        rule.docs.why,
        '',
        '## Example: a model where it fires',
        '',
        '```joinery',
        rule.docs.failing.trimEnd(),
        '```',
        '',
        '## Example: the same model, mended',
        '',
        '```joinery',
        rule.docs.passing.trimEnd(),
        '```',
        '',
        '## How to fix or suppress it',
        '',
        rule.docs.fix,
        '',
        `To change its severity for a whole workspace, set it in \`joinery.json\` (\`{"rules": {"${rule.id}": "off"}}\`) `
        + `or on the command line (\`joinery check --rule ${rule.id}=info\`).`,
        ''
    ].join('\n');
}

/** `docs/rules/README.md`: every rule by integration type. */
export function ruleIndexPage(rules: readonly GapRule[]): string {
    const lines = ['# Joinery gap rules', '', 'Each rule reads the derived integration model of an arrangement. Generated from `language-server/src/rules/`; do not edit by hand (`npm run docs`).', ''];
    for (const type of ['structural', 'relational', 'institutional', 'maturity', 'power'] as const) {
        const ofType = rules.filter(rule => rule.type === type);
        if (ofType.length === 0) continue;
        lines.push(`## ${type[0].toUpperCase()}${type.slice(1)}`, '', '| rule | default | what it finds |', '|---|---|---|');
        for (const rule of ofType) lines.push(`| [\`${rule.id}\`](${rule.id}.md) | ${rule.defaultSeverity} | ${rule.description} |`);
        lines.push('');
    }
    return lines.join('\n');
}
