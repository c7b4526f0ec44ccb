import { isActor, isForum, type Budget, type Forum, type Sector, type Service } from '../generated/ast.js';
import { deliveringActors, isBoard } from './membership.js';
import { parseAmount, seatsHeld } from '../language/quantities.js';

/** One sector's share of "who gets what" (seed 000) in an arrangement. */
export interface SectorPower {
    sector: Sector;
    /** Voting seats on the arrangement's board forums. */
    votingSeats: number;
    /** The share (0–1) of the arrangement's budget this sector controls. */
    budgetShare: number;
    /** The services this sector delivers (a service counts once per delivering sector). */
    servicesDelivered: number;
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

export function computePowerMap(forums: Forum[], budgets: Budget[], services: Service[]): PowerMap {
    const power = new Map<Sector, SectorPower>(SECTORS.map(sector =>
        [sector, { sector, votingSeats: 0, budgetShare: 0, servicesDelivered: 0, serviceShare: 0 }]));
    const add = (sector: Sector | undefined, apply: (p: SectorPower) => void) => {
        const entry = sector && power.get(sector);
        if (entry) apply(entry);
    };

    for (const forum of forums.filter(isBoard)) {
        for (const seat of forum.voting) add(seat.actor.ref?.sector, p => p.votingSeats += seatsHeld(seat.seats));
    }

    const amounts = budgets.map(budgetAmount);
    const budgetsWeighted = amounts.length > 0 && amounts.every(a => a !== undefined);
    const weights = budgetsWeighted ? amounts : budgets.map(() => 1);
    const total = weights.reduce((sum, w) => sum + w, 0);
    budgets.forEach((budget, index) => {
        if (total <= 0) return;
        const share = weights[index] / total;
        const holder = budget.heldBy?.ref;
        if (isActor(holder)) add(holder.sector, p => p.budgetShare += share);
        else if (isForum(holder)) {
            const seats = holder.voting.map(seat => ({ sector: seat.actor.ref?.sector, seats: seat.actor.ref ? seatsHeld(seat.seats) : 0 }));
            const allSeats = seats.reduce((sum, s) => sum + s.seats, 0);
            if (allSeats > 0) for (const s of seats) add(s.sector, p => p.budgetShare += share * s.seats / allSeats);
        }
    });

    for (const service of services) {
        const sectors = new Set(deliveringActors(service).map(actor => actor.sector));
        for (const sector of sectors) add(sector, p => p.servicesDelivered += 1);
    }
    for (const entry of power.values()) entry.serviceShare = services.length > 0 ? entry.servicesDelivered / services.length : 0;

    return { sectors: [...power.values()], get: sector => power.get(sector)!, budgetsWeighted };
}

/** The sum of a budget's contributed amounts, or undefined when it states none. */
function budgetAmount(budget: Budget): number | undefined {
    const amounts = budget.contributions.map(c => c.amount === undefined ? undefined : parseAmount(c.amount)).filter(a => a !== undefined);
    return amounts.length > 0 ? amounts.reduce((sum, a) => sum + a, 0) : undefined;
}
