import {
    isAgreement, isBudget, isChannel, isForum, isGoal, isIndicator, isLink, isReferral, isService, isSystem, isTeam,
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
    workspace: WorkspaceModel;
}

export function buildArrangementModel(arrangement: Arrangement, workspace: WorkspaceModel): ArrangementModel {
    const elements = arrangement.elements;
    const forums = elements.filter(isForum);
    const boards = forums.filter(isBoard);
    const budgets = elements.filter(isBudget);
    const teams = elements.filter(isTeam);
    const services = elements.filter(isService);
    const goals = elements.filter(isGoal);
    const links = elements.filter(isLink);
    const partners = arrangementPartners(arrangement);
    const involved = [...workspace.involvement.involvedIn(arrangement)];
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
        routesToBoard: workspace.reachingBoardsOf(arrangement),
        partOf: buildParticipation(elements, involved),
        budgetsFunding: recipient => funding.get(recipient),
        powerMap: computePowerMap(forums, budgets, services),
        stageSupport: computeStageSupport({ arrangement, partners, forums, teams, goals, links, budgets }),
        workspace
    };
}
