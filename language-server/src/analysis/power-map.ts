import { isActor, isForum, type Budget, type Forum, type Sector, type Service } from '../generated/ast.js';
import { sayOverDecisions } from './decision-rights.js';
import { deliveringActors, isBoard, partnerDeliverers, sectorOf } from './membership.js';
import { retainedAmount, type MoneyFlows } from './money.js';
import { seatsHeld } from '../language/quantities.js';

/** One sector's share of "who gets what" (seed 000) in an arrangement. */
export interface SectorPower {
    sector: Sector;
    /** Voting seats on the arrangement's board forums. */
    votingSeats: number;
    /** The share (0–1) of the arrangement's budget this sector controls. */
    budgetShare: number;
    /** The services this sector delivers (a service counts once per delivering sector). */
    servicesDelivered: number;
    /** Of those, the services it delivers as a partner, not only under contract or for fees. */
    servicesAsPartner: number;
    /** servicesDelivered over the number of services in the arrangement (0–1). */
    serviceShare: number;
}

export interface PowerMap {
    sectors: SectorPower[];
    get(sector: Sector): SectorPower;
    /** Whether budgets were weighted by their amounts or counted equally. */
    budgetsWeighted: boolean;
}

export const SECTORS: Sector[] = ['government', 'statutory', 'third', 'independent', 'community'];

/**
 * Seats by the sectors of the voting members of boards; each budget's share by who
 * holds it (an actor all of it, a forum split by seats, or equally among its voters
 * when it decides by consensus), weighted by the money it keeps when every budget
 * states an amount; services by the sectors that deliver them.
 */
export function computePowerMap(forums: Forum[], budgets: Budget[], services: Service[], money: MoneyFlows): PowerMap {
    const power = new Map<Sector, SectorPower>(SECTORS.map(sector =>
        [sector, { sector, votingSeats: 0, budgetShare: 0, servicesDelivered: 0, servicesAsPartner: 0, serviceShare: 0 }]));
    const add = (sector: Sector | undefined, apply: (p: SectorPower) => void) => {
        const entry = sector && power.get(sector);
        if (entry) apply(entry);
    };

    for (const forum of forums.filter(isBoard)) {
        for (const seat of forum.voting) {
            const member = seat.actor.ref;
            if (member) add(sectorOf(member), p => p.votingSeats += seatsHeld(seat.seats));
        }
    }

    // Money allocated on to another budget of the arrangement counts once, where it is decided.
    const own = new Set(budgets);
    const amounts = budgets.map(budget => retainedAmount(budget, money, own));
    const budgetsWeighted = amounts.length > 0 && amounts.every(a => a !== undefined);
    const weights = budgetsWeighted ? amounts : budgets.map(() => 1);
    const total = weights.reduce((sum, w) => sum + w, 0);
    budgets.forEach((budget, index) => {
        if (total <= 0) return;
        const share = weights[index] / total;
        const holder = budget.heldBy?.ref;
        if (isActor(holder)) add(holder.sector, p => p.budgetShare += share);
        else if (isForum(holder)) {
            for (const say of sayOverDecisions(holder)) add(sectorOf(say.member), p => p.budgetShare += share * say.share);
        }
    });

    for (const service of services) {
        for (const sector of new Set(deliveringActors(service).map(sectorOf))) add(sector, p => p.servicesDelivered += 1);
        for (const sector of new Set(partnerDeliverers(service).map(sectorOf))) add(sector, p => p.servicesAsPartner += 1);
    }
    for (const entry of power.values()) entry.serviceShare = services.length > 0 ? entry.servicesDelivered / services.length : 0;

    return { sectors: [...power.values()], get: sector => power.get(sector)!, budgetsWeighted };
}
