import { AstUtils, type AstNode } from 'langium';
import { actorInArrangement } from '../analysis/actor-profile.js';
import type { ArrangementModel } from '../analysis/arrangement-model.js';
import type { IntegrationAnalysis } from '../analysis/integration-analysis.js';
import { resolved, systemsOf, titleOf, unique } from '../analysis/membership.js';
import { describeStage } from '../analysis/stage-support.js';
import { budgetSummary, directionSummary, fact, forumSummary } from './forum-and-money-summary.js';
import {
    isArrangement, isSystem,
    type Actor, type Agreement, type Budget, type Channel, type Direction, type Forum, type Goal, type Indicator, type Link, type Referral,
    type Service, type System, type Team
} from '../generated/ast.js';
import type { PowerShare } from '../analysis/power-map.js';
import { count, percent, titles } from '../rules/wording.js';

/**
 * What the derived model says of a declaration, as hover lines: for an actor its
 * sector, domain, forums, voice on a board and budgets in each arrangement; for a
 * forum whether it reaches a board; for a team whether its systems are joined;
 * for a goal what measures it; and so on for every kind.
 */
export function elementSummary(node: AstNode, analysis: IntegrationAnalysis): string[] {
    if (node.$type === 'Actor') return actorSummary(node as Actor, analysis);
    if (isArrangement(node)) return arrangementSummary(analysis.arrangementModel(node));
    const arrangement = AstUtils.getContainerOfType(node.$container, isArrangement);
    if (!arrangement) return node.$type === 'Domain' ? [fact('level', (node as { level?: string }).level ?? 'not given')] : [];
    const model = analysis.arrangementModel(arrangement);
    const { workspace } = model;
    const names = (nodes: ReadonlyArray<{ name?: string; title?: string }>) => nodes.length ? titles(nodes) : 'none';
    switch (node.$type) {
        case 'Forum':
            return forumSummary(node as Forum, model);
        case 'Budget':
            return budgetSummary(node as Budget, model);
        case 'Direction':
            return directionSummary(node as Direction);
        case 'System': {
            const system = node as System;
            const linkedTo = unique(workspace.linksTouching(system).flatMap(link => [link.from.ref, link.to.ref]).filter(isSystem).filter(s => s !== system));
            return [
                fact('owner', system.owner?.ref ? titleOf(system.owner.ref) : 'not given'),
                fact('users', names(workspace.systemUse.usersOf(system))) + (workspace.systemUse.statesUsers(system) ? '' : ' (the owner and its teams\' staff: no `users` given)'),
                fact('used by', names(workspace.teamsUsing(system))),
                fact('linked to', names(linkedTo)),
                fact('covered by', names(workspace.agreementsCovering(system)))
            ];
        }
        case 'Team': {
            const team = node as Team;
            return [
                fact('staff', names(resolved(team.staff))),
                fact('uses', names(systemsOf(team))) + (workspace.lacksSharedSystem(team) ? ' — **not one connected group**' : ''),
                fact('funded by', names(model.budgetsFunding(team))),
                fact('owns goals', names(workspace.goalsOwnedBy(team))),
                fact('covered by', names(workspace.agreementsCovering(team)))
            ];
        }
        case 'Service': {
            const service = node as Service;
            return [
                fact('delivered by', service.deliveredBy.length ? service.deliveredBy.map(d => `${d.deliverer.ref ? titleOf(d.deliverer.ref) : d.deliverer.$refText}${d.basis ? ` (${d.basis})` : ''}`).join(', ') : 'none'),
                fact('for', service.population ?? 'not given') + (service.area ? ` · area: ${service.area}` : '') + (service.function ? ` · function: ${service.function}` : ''),
                fact('funded by', names(model.budgetsFunding(service))),
                fact('covered by', names(workspace.agreementsCovering(service)))
            ];
        }
        case 'Goal': {
            const goal = node as Goal;
            const measures = workspace.indicatorsMeasuring(goal);
            return [
                fact('owner', goal.owner?.ref ? titleOf(goal.owner.ref) : 'nobody'),
                measures.length ? fact('measured by', measures.map(i => `${titleOf(i)} (${i.kind ?? 'kind not given'})`).join(', ')) : '**Measured by no indicator**'
            ];
        }
        case 'Indicator': {
            const indicator = node as Indicator;
            return [
                fact('kind', indicator.kind ?? 'not given'),
                fact('measures', names(resolved(indicator.measures))),
                fact('reported by', indicator.reportedBy?.ref ? titleOf(indicator.reportedBy.ref) : 'nobody')
            ];
        }
        case 'Agreement': {
            const agreement = node as Agreement;
            return [fact('between', names(resolved(agreement.between))), fact('covers', names(resolved(agreement.covers)))];
        }
        case 'Channel': {
            const channel = node as Channel;
            return [
                `From ${end(channel.from)} to ${end(channel.to)}` + (channel.kind ? ` (${channel.kind})` : ''),
                channel.twoWay ? 'Two-way: the receiving side reports back' : 'One-way: nothing says the receiving side reports back'
            ];
        }
        case 'Referral': {
            const referral = node as Referral;
            return [`Refers people from ${end(referral.from)} to ${end(referral.to)}`];
        }
        case 'Link': {
            const link = node as Link;
            return [`Joins ${end(link.from)} ${link.direction} ${end(link.to)}`, fact('shares', link.shares.length ? link.shares.join(', ') : 'nothing listed')];
        }
    }
    return [];
}

function arrangementSummary(model: ArrangementModel): string[] {
    const stage = model.stageSupport;
    const lines = [fact('partners', model.partners.length ? titles(model.partners) : 'none'),
        `Supports ${describeStage(stage.supportedStage)}` + (stage.claimed ? `; claims ${describeStage(stage.claimed)}` : '')];
    if (stage.claimed && !stage.isSupported(stage.claimed)) {
        lines.push(`Missing for the claim: ${stage.missingFor(stage.claimed).map(r => r.description).join('; ')}`);
    }
    return lines;
}

function actorSummary(actor: Actor, analysis: IntegrationAnalysis): string[] {
    const lines = [`Sector: ${actor.sector ?? 'not given'} · kind: ${actor.kind ?? 'organisation'}`
        + (actor.domain?.ref ? ` · domain: ${titleOf(actor.domain.ref)}` : '')];
    for (const model of analysis.allArrangementModels()) {
        const profile = actorInArrangement(actor, model);
        if (!profile) continue;
        const facts = [
            profile.forums.length ? `sits on ${profile.forums.map(titleOf).join(', ')}` : 'sits on no forum',
            profile.boardRoute === undefined ? 'has **no voice** on a board'
                : profile.boardRoute.through.length ? `reaches ${titleOf(profile.boardRoute.board)} through ${profile.boardRoute.through.map(titleOf).join(' → ')}`
                    : `has a voice on ${titleOf(profile.boardRoute.board)}`,
            profile.budgetsHeld.length ? `holds ${profile.budgetsHeld.map(titleOf).join(', ')}` : undefined,
            profile.budgetsReceived.length ? `is funded by ${profile.budgetsReceived.map(titleOf).join(', ')}` : undefined,
            powerLine(model.powerMap.ofActor(actor), model)
        ].filter(Boolean);
        lines.push(`- *${model.title}*: ${facts.join('; ')}`);
    }
    if (analysis.workspaceModel().involvement.arrangementsOf(actor).length === 0) lines.push('Takes part in **no arrangement** of the workspace');
    return [lines.join('\n')];
}

/** One actor's line of the power map (seed 000): its seats, its share of the money, its share of the work. */
function powerLine(power: PowerShare, model: ArrangementModel): string {
    return `power: ${count(power.votingSeats, 'voting seat')} on boards, controls ${percent(power.budgetShare)} of the budget`
        + `${model.powerMap.budgetsWeighted ? ' by amount' : ''}, delivers ${power.servicesDelivered} of ${count(model.services.length, 'service')}`;
}

function end(reference: { ref?: { name?: string; title?: string }; $refText: string } | undefined): string {
    return !reference ? 'not given' : reference.ref ? titleOf(reference.ref) : reference.$refText;
}

