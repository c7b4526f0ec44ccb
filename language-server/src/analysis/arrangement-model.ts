import {
    isActor, isAgreement, isBudget, isChannel, isForum, isGoal, isIndicator, isLink, isReferral, isService, isSystem, isTeam,
    type Actor, type Agreement, type Arrangement, type Budget, type Channel, type Forum, type Goal, type Indicator,
    type Fundable, type Link, type Referral, type Service, type System, type Team
} from '../generated/ast.js';
import { ListIndex } from './list-index.js';
import { arrangementPartners, isBoard, resolved, titleOf, unique } from './membership.js';
import { buildParticipation, type ActorPart } from './participation.js';
import { computePowerMap, type PowerMap } from './power-map.js';
import type { RouteNode } from './routes.js';
import { computeStageSupport, type StageSupport } from './stage-support.js';
import type { WorkspaceModel } from './workspace-model.js';
import type { ProfileRegistry } from '../profiles/profile-registry.js';
import { arrangementCompliance, type ProfileCompliance } from './compliance.js';

/**
 * The integration model of one arrangement, derived once from the AST: what the
 * gap rules, hover, report and map read instead of walking the syntax tree.
 */
export interface ArrangementModel {
    arrangement: Arrangement;
    title: string;
    partners: Actor[];
    forums: Forum[];
    boards: Forum[];
    budgets: Budget[];
    systems: System[];
    links: Link[];
    teams: Team[];
    services: Service[];
    channels: Channel[];
    referrals: Referral[];
    goals: Goal[];
    indicators: Indicator[];
    agreements: Agreement[];
    /** Every actor the arrangement references, plus those they represent (LANGUAGE.md). */
    involvedActors: Actor[];
    /** Every actor, team or forum with a route to a board of this arrangement. */
    routesToBoard: ReadonlySet<RouteNode>;
    /** What an actor does in this arrangement (its seats, teams, agreements, channels, referrals, services). */
    partOf(actor: Actor): ActorPart;
    /** The budgets of this arrangement that fund a team, a service or an actor. */
    budgetsFunding(recipient: Fundable): readonly Budget[];
    powerMap: PowerMap;
    stageSupport: StageSupport;
    /** Each profiled forum (and the arrangement, when it names a profile) against its statutory profile. */
    compliance: ProfileCompliance[];
    workspace: WorkspaceModel;
}

export function buildArrangementModel(arrangement: Arrangement, workspace: WorkspaceModel, profiles?: ProfileRegistry): ArrangementModel {
    const elements = arrangement.elements;
    const forums = elements.filter(isForum);
    const boards = forums.filter(isBoard);
    const budgets = elements.filter(isBudget);
    const teams = elements.filter(isTeam);
    const services = elements.filter(isService);
    const goals = elements.filter(isGoal);
    const links = elements.filter(isLink);
    const partners = arrangementPartners(arrangement);
    const involved = involvedActors(arrangement);
    const funding = new ListIndex<Fundable, Budget>();
    for (const budget of budgets) unique(resolved(budget.funds)).forEach(recipient => funding.add(recipient, budget));
    return {
        arrangement,
        title: titleOf(arrangement),
        partners,
        forums, boards, budgets, teams, services, goals, links,
        systems: elements.filter(isSystem),
        channels: elements.filter(isChannel),
        referrals: elements.filter(isReferral),
        indicators: elements.filter(isIndicator),
        agreements: elements.filter(isAgreement),
        involvedActors: involved,
        routesToBoard: workspace.routes.reaching(boards),
        partOf: buildParticipation(elements, involved),
        budgetsFunding: recipient => funding.get(recipient),
        powerMap: computePowerMap(forums, budgets, services),
        stageSupport: computeStageSupport({ arrangement, partners, forums, teams, goals, links, budgets }),
        compliance: profiles ? arrangementCompliance(arrangement, workspace, profiles) : [],
        workspace
    };
}

/** Actors referenced anywhere in the arrangement, then, repeatedly, those they represent. */
function involvedActors(arrangement: Arrangement): Actor[] {
    const found = new Set<Actor>();
    const note = (target: unknown) => { if (isActor(target)) found.add(target); };
    resolved(arrangement.partners).forEach(note);
    note(arrangement.lead?.ref);
    note(arrangement.leader?.ref);
    for (const element of arrangement.elements) {
        switch (element.$type) {
            case 'Forum':
                element.voting.forEach(seat => note(seat.actor.ref));
                resolved(element.advisory).forEach(note);
                break;
            case 'Team':
                resolved(element.staff).forEach(note);
                resolved(element.leads).forEach(note);
                break;
            case 'Service':
                resolved(element.deliveredBy).forEach(note);
                break;
            case 'Budget':
                element.contributions.forEach(c => note(c.actor.ref));
                note(element.heldBy?.ref);
                resolved(element.funds).forEach(note);
                break;
            case 'System':
            case 'Goal':
                note(element.owner?.ref);
                break;
            case 'Indicator':
                note(element.reportedBy?.ref);
                break;
            case 'Channel':
            case 'Referral':
                note(element.from.ref);
                note(element.to.ref);
                break;
            case 'Agreement':
                resolved(element.between).forEach(note);
                break;
        }
    }
    const queue = [...found];
    for (let i = 0; i < queue.length; i++) {
        for (const represented of resolved(queue[i].represents)) {
            if (!found.has(represented)) {
                found.add(represented);
                queue.push(represented);
            }
        }
    }
    return queue;
}
