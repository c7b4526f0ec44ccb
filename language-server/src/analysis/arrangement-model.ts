import { MultiMap } from 'langium';
import {
    isActor, isAgreement, isBudget, isChannel, isDirection, isForum, isGoal, isIndicator, isLink, isReferral, isService, isSystem, isTeam,
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
    const involved = involvedActors(arrangement);
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
        routesToBoard: workspace.routes.reaching(boards),
        partOf: buildParticipation(elements, involved, new Set(partners)),
        budgetsFunding: recipient => funding.get(recipient),
        powerMap: computePowerMap(forums, budgets, services, workspace.money),
        stageSupport: computeStageSupport({ arrangement, partners, forums, teams, goals, links, budgets, systems: elements.filter(isSystem), workspace }),
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
                resolved(element.advisoryByLaw).forEach(note);
                note(element.chair?.ref);
                note(element.viceChair?.ref);
                resolved(element.scrutinises).forEach(note);
                break;
            case 'Team':
                resolved(element.staff).forEach(note);
                resolved(element.leads).forEach(note);
                break;
            case 'Service':
                element.deliveredBy.forEach(delivery => note(delivery.deliverer.ref));
                break;
            case 'Budget':
                element.contributions.forEach(c => note(c.source.ref));
                note(element.heldBy?.ref);
                resolved(element.funds).forEach(note);
                break;
            case 'System':
                note(element.owner?.ref);
                resolved(element.users).forEach(note);
                break;
            case 'Goal':
                note(element.owner?.ref);
                break;
            case 'Indicator':
                note(element.reportedBy?.ref);
                break;
            case 'Channel':
            case 'Referral':
                note(element.from?.ref);
                note(element.to?.ref);
                break;
            case 'Agreement':
                resolved(element.between).forEach(note);
                break;
            case 'Direction':
                note(element.to?.ref);
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
