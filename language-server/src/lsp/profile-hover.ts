import { GrammarAST, type CstNode } from 'langium';
import type { IntegrationAnalysis } from '../analysis/integration-analysis.js';
import type { RequirementStatus } from '../analysis/compliance.js';
import { isArrangement, isForum } from '../generated/ast.js';
import { citationOf } from '../profiles/profile.js';
import type { ProfileRegistry } from '../profiles/profile-registry.js';

/** A profile id or role id as written in a model (`profile scotland-ijb`, `role chief-officer`). */
export interface ProfileWordAt {
    property: 'profile' | 'roles';
    word: string;
    cst: CstNode;
}

/** The profile or role word a token belongs to, if it is one. */
export function profileWordAt(leaf: CstNode | undefined): ProfileWordAt | undefined {
    for (let node = leaf, steps = 0; node && steps < 2; node = node.container, steps++) {
        const call = node.grammarSource;
        const assignment: unknown = call?.$container;
        if (GrammarAST.isRuleCall(call) && GrammarAST.isAssignment(assignment) && (assignment.feature === 'profile' || assignment.feature === 'roles')) {
            return { property: assignment.feature, word: node.text, cst: node };
        }
    }
    return undefined;
}

const STATUS_MARK: Record<RequirementStatus, string> = { met: '✓', unmet: '✗', 'not-modelled': '·' };

/**
 * Hover on a profile id: its title, instrument (with a link) and version, and its
 * requirements, each marked met, unmet or not checked for the forum that names it;
 * on a role: what it is, in each profile that defines it.
 */
export function profileWordHover(at: ProfileWordAt, registry: ProfileRegistry, analysis: IntegrationAnalysis): string | undefined {
    if (at.property === 'roles') {
        const entry = registry.roles().get(at.word);
        if (!entry) return `**role ${at.word}** — no profile defines this role`;
        const lines = entry.definitions.map(({ profile, role }) => `- ${role.title} (profile \`${profile.id}\`${role.for === 'forum' ? ', for forums' : ''})${role.description ? `: ${role.description}` : ''}`);
        return [`**role ${at.word}**`, lines.join('\n')].join('\n\n');
    }
    const profile = registry.get(at.word);
    if (!profile) return `**profile ${at.word}** — no profile has this id`;
    const subject = at.cst.astNode;
    const arrangement = isArrangement(subject) ? subject : isForum(subject) ? subject.$container : undefined;
    const compliance = arrangement && (isForum(subject) || isArrangement(subject))
        ? analysis.arrangementModel(arrangement).compliance.find(c => c.subject === subject) : undefined;
    const kind = profile.kind === 'standard' ? 'Standard (not law)' : 'Law';
    const requirements = profile.requirements.map(requirement => {
        const status = compliance?.results.find(r => r.requirement === requirement)?.status;
        return `- ${status ? `${STATUS_MARK[status]} ` : ''}${requirement.title} — ${citationOf(profile, requirement)}`;
    });
    const summary = compliance ? `${compliance.met} of ${compliance.results.length} requirements met${compliance.notModelled ? ` (${compliance.notModelled} not checked)` : ''}` : undefined;
    return [
        `**profile ${profile.id}** — ${profile.title}`,
        `${kind}: [${profile.instrument.citation}](${profile.instrument.url}) · version of ${profile.version}${profile.extends ? ` · extends \`${profile.extends}\`` : ''}`,
        ...(summary ? [summary] : []),
        requirements.join('\n'),
        ...(profile.unconfirmed.length ? [`Not confirmed from the instrument's text: ${profile.unconfirmed.length} point${profile.unconfirmed.length === 1 ? '' : 's'} (see the profile's \`unconfirmed\`).`] : [])
    ].join('\n\n');
}
