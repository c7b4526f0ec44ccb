import { GrammarUtils } from 'langium';
import type { ArrangementModel } from '../analysis/arrangement-model.js';
import { resolved, systemsOf, titleOf, unique } from '../analysis/membership.js';
import { describeStage } from '../analysis/stage-support.js';
import type { Finding } from '../findings/finding.js';
import { isForum, type Actor, type Channel, type Forum, type Model } from '../generated/ast.js';
import type { MemberRequirement } from '../profiles/profile.js';
import { linkedGroups } from '../rules/team-without-shared-system.js';
import { addToList, appendToBody, lineAfter, lineBefore, lineInArrangement, quoted, referenceText, replaceToken, type FileEdit } from './model-edits.js';

/** One way to close a gap: what the editor offers, and the edits it makes. */
export interface QuickFix {
    title: string;
    edits: FileEdit[];
    preferred?: boolean;
}

/**
 * The quick fixes of RULES.md, by rule id. Each reads the derived model of the
 * finding's arrangement (its boards, who represents whom, which systems are
 * linked, the supported stage) and inserts or replaces text at CST positions.
 */
export const QUICK_FIXES: Record<string, (finding: Finding, model: ArrangementModel) => QuickFix[]> = {
    'no-board-voice': (finding, model) => {
        const actor = involvedActor(finding, model);
        if (!actor) return [];
        const { arrangement } = model;
        const channels = model.channels;
        const toBoards = model.boards.map((board, index): QuickFix => ({
            title: `Add a channel from ${titleOf(actor)} to ${titleOf(board)}`,
            edits: [lineInArrangement(arrangement, `channel ${referenceText(actor, arrangement)} -> ${board.name} { kind consultation }`, channels)],
            preferred: index === 0
        }));
        const toIntermediaries = model.partOf(actor).representedBy.filter(intermediary => model.routesToBoard.has(intermediary))
            .map((intermediary): QuickFix => ({
                title: `Add a two-way channel from ${titleOf(actor)} to ${titleOf(intermediary)}, which reaches a board`,
                edits: [lineInArrangement(arrangement,
                    `channel ${referenceText(actor, arrangement)} -> ${referenceText(intermediary, arrangement)} { kind representation two-way }`, channels)]
            }));
        return [...toBoards, ...toIntermediaries];
    },

    'team-without-shared-system': (finding, model) => {
        const team = model.teams.find(t => t.name === finding.element);
        const groups = team ? linkedGroups(systemsOf(team), model.workspace) : [];
        if (groups.length < 2) return [];
        const { arrangement } = model;
        // Joining the first system of each group to the first group's makes one connected group.
        const links = groups.slice(1).map(group => `link ${referenceText(groups[0][0], arrangement)} <-> ${referenceText(group[0], arrangement)}`);
        const anchor = model.links.length ? model.links : model.systems;
        return [{
            title: `Add ${links.length === 1 ? 'a link' : 'links'} between ${groups.map(group => titleOf(group[0])).join(' and ')}`,
            edits: [lineInArrangement(arrangement, links.join('\n'), anchor)],
            preferred: true
        }];
    },

    'one-way-representation': (finding, model) => {
        const intermediary = involvedActor(finding, model);
        if (!intermediary) return [];
        const talksWith = model.partOf(intermediary).twoWayWith;
        const lacking = unique(resolved(intermediary.represents)).filter(actor => actor !== intermediary && !talksWith.has(actor));
        // The finding names the represented actor by title; fall back to every one lacking a channel.
        const named = lacking.filter(actor => finding.message.includes(`claims to represent ${titleOf(actor)} in `));
        return (named.length ? named : lacking).flatMap(represented => {
            const { arrangement } = model;
            const existing = model.channels.find(channel => joins(channel, represented, intermediary));
            const markExisting: QuickFix[] = existing ? [{
                title: `Mark the channel ${existing.name ?? `${existing.from?.$refText} -> ${existing.to?.$refText}`} two-way`,
                edits: [appendToBody(existing, 'two-way')],
                preferred: true
            }] : [];
            return [...markExisting, {
                title: `Add a two-way channel from ${titleOf(represented)} to ${titleOf(intermediary)}`,
                edits: [lineInArrangement(arrangement,
                    `channel ${referenceText(represented, arrangement)} -> ${referenceText(intermediary, arrangement)} { kind representation two-way }`, model.channels)],
                preferred: !existing
            }];
        });
    },

    'unmeasured-goal': (finding, model) => {
        const goal = model.goals.find(g => g.name === finding.element);
        if (!goal) return [];
        const taken = new Set(model.arrangement.elements.map(element => (element as { name?: string }).name));
        let name = `${goal.name}Measure`;
        for (let n = 2; taken.has(name); n++) name = `${goal.name}Measure${n}`;
        return [{
            title: `Add an indicator that measures ${titleOf(goal)}`,
            edits: [lineAfter(goal, `indicator ${name} ${quoted(`Measure of ${titleOf(goal)}`)} { measures ${goal.name} kind outcome }`)],
            preferred: true
        }];
    },

    'statutory-membership': (finding, model) => {
        const compliance = model.compliance.find(c => isForum(c.subject) && c.subject.name === finding.element);
        const profile = compliance?.profile;
        if (!compliance || !profile) return [];
        const forum = compliance.subject as Forum;
        return compliance.results
            .filter(r => r.status === 'unmet' && (r.requirement.type === 'member' || r.requirement.type === 'stakeholder')
                && (r.requirement).seat !== 'voting' && finding.message.includes(`: ${r.requirement.title} (`))
            .flatMap(r => {
                const requirement = r.requirement as MemberRequirement;
                const role = requirement.roles[0];
                if (r.candidates.length) {
                    return r.candidates.slice(0, 3).map((actor, index): QuickFix => ({
                        title: `Add ${titleOf(actor)} (role ${role}) as an advisory member of ${titleOf(forum)}`,
                        edits: [addToList(forum, forum.advisory, 'advisory', referenceText(actor, model.arrangement))],
                        preferred: index === 0
                    }));
                }
                const definition = profile.roles[role];
                const name = freshTopLevelName(pascalCase(role), model);
                return [{
                    title: `Declare an actor of role ${role} and add it as an advisory member of ${titleOf(forum)}`,
                    edits: [
                        lineBefore(model.arrangement, `actor ${name} ${quoted(definition?.title ?? role)} { sector ${definition?.sector ?? 'statutory'} kind role role ${role} }`),
                        addToList(forum, forum.advisory, 'advisory', name)
                    ],
                    preferred: true
                }];
            });
    },

    'stage-claim-unsupported': (_finding, model) => {
        // The whole claim, `6a, 6b` included, from its first stage to its last.
        const tokens = GrammarUtils.findNodesForProperty(model.arrangement.$cstNode, 'stages');
        if (tokens.length === 0) return [];
        const { claims, isSupported, supportedStage } = model.stageSupport;
        const span = { offset: tokens[0].offset, end: tokens[tokens.length - 1].end };
        const held = claims.filter(claim => isSupported(claim));
        if (held.length > 0) {
            return [{
                title: `Claim only ${held.map(describeStage).join(' and ')}, which the model supports`,
                edits: [replaceToken(model.arrangement, span, held.join(', '))],
                preferred: true
            }];
        }
        return [{
            title: `Claim ${describeStage(supportedStage)}, which the model supports`,
            edits: [replaceToken(model.arrangement, span, supportedStage)],
            preferred: true
        }];
    }
};

/** `chief-officer` → `ChiefOfficer`. */
function pascalCase(words: string): string {
    return words.split('-').map(word => word.charAt(0).toUpperCase() + word.slice(1)).join('');
}

/** A top-level name no file of the workspace declares yet. */
function freshTopLevelName(base: string, model: ArrangementModel): string {
    const taken = new Set(model.workspace.documents.flatMap(document => ((document.parseResult.value as Model).declarations ?? []).map(d => d.name)));
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
    return name;
}

/** The involved actor a finding is about (findings name it in `element`). */
function involvedActor(finding: Finding, model: ArrangementModel): Actor | undefined {
    return model.involvedActors.find(actor => actor.name === finding.element);
}

function joins(channel: Channel, a: Actor, b: Actor): boolean {
    const from = channel.from?.ref, to = channel.to?.ref;
    return (from === a && to === b) || (from === b && to === a);
}
