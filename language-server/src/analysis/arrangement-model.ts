import { MultiMap } from 'langium';
import {
    isAgreement, isBudget, isChannel, isDirection, isForum, isGoal, isIndicator, isLink, isReferral, isService, isSystem, isTeam,
    type Actor, type Agreement, type Arrangement, type Budget, type Channel, type Direction, type Forum, type Goal, type Indicator,
    type Fundable, type Link, type Party, type Referral, type Service, type System, type Team
} from '../generated/ast.js';
import { arrangementPartners, isBoard, resolved, titleOf } from './membership.js';
import { fundedByDirection } from './money.js';
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
    partners: Party[];
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
    directions: Direction[];
    /** Every actor the arrangement references, plus those they represent (LANGUAGE.md). Bodies are forums, not listed here. */
    involvedActors: Actor[];
    /** Every actor, team or forum with a route to a board of this arrangement. */
    routesToBoard: ReadonlySet<RouteNode>;
    /** What a party does in this arrangement (its seats, teams, agreements, channels, referrals, services). */
    partOf(party: Party): ActorPart;
    /**
     * The budgets of this arrangement that fund a team, a service, a party or a
     * budget: through `funds`, through a budget's `from` naming a budget, and through
     * a direction (its budget funds its services and teams and the party directed).
     */
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
    const involved = [...workspace.involvement.involvedIn(arrangement)];
    const directions = elements.filter(isDirection);
    const funding = new MultiMap<Fundable, Budget>();
    const funded = new Set<string>();
    const ids = new Map<object, number>();
    const idOf = (node: object) => {
        let id = ids.get(node);
        if (id === undefined) ids.set(node, id = ids.size);
        return id;
    };
    const fund = (budget: Budget, recipient: Fundable) => {
        const key = `${idOf(budget)}>${idOf(recipient)}`;
        if (funded.has(key)) return;
        funded.add(key);
        funding.add(recipient, budget);
    };
    const ownBudgets = new Set(budgets);
    for (const budget of budgets) {
        resolved(budget.funds).forEach(recipient => fund(budget, recipient));
        // An allocation from one of this arrangement's budgets, seen from the receiving end.
        for (const allocation of workspace.money.allocationsTo(budget)) if (ownBudgets.has(allocation.from)) fund(allocation.from, budget);
    }
    for (const direction of directions) {
        const budget = direction.budget?.ref;
        if (budget && ownBudgets.has(budget)) fundedByDirection(direction).forEach(recipient => fund(budget, recipient));
    }
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
        directions,
        involvedActors: involved,
        routesToBoard: workspace.reachingBoardsOf(arrangement),
        partOf: buildParticipation(elements, involved, new Set(partners)),
        budgetsFunding: recipient => funding.get(recipient),
        powerMap: computePowerMap(forums, budgets, services, workspace.money),
        stageSupport: computeStageSupport({ arrangement, partners, forums, teams, goals, links, budgets, systems: elements.filter(isSystem), workspace }),
        compliance: profiles ? arrangementCompliance(arrangement, workspace, profiles) : [],
        workspace
    };
}

