import { isActor, isForum, type Actor, type Budget, type Forum, type Sector, type Service } from '../generated/ast.js';
import { deliveringActors, isBoard } from './membership.js';
import { parseAmount, seatsHeld } from '../language/quantities.js';

/** What one sector, or one actor, gets of "who gets what" (seed 000) in an arrangement. */
export interface PowerShare {
    /** Voting seats on the arrangement's board forums. */
    votingSeats: number;
    /** The share (0–1) of the arrangement's budget it controls. */
    budgetShare: number;
    /** The services it delivers (a service counts once per delivering sector, or actor). */
    servicesDelivered: number;
    /** servicesDelivered over the number of services in the arrangement (0–1). */
    serviceShare: number;
}

export interface SectorPower extends PowerShare {
    sector: Sector;
}

/**
 * One actor's share. A sector's figures can hide its members: one charity with a
 * statutory function and a vote (Healthwatch) makes the third sector look heard
 * while the charities that deliver have none.
 */
export interface ActorPower extends PowerShare {
    actor: Actor;
}

export interface PowerMap {
    sectors: SectorPower[];
    get(sector: Sector): SectorPower;
    /** Every actor with a seat, a share of the budget or a service, in first-seen order. */
    actors: ActorPower[];
    /** An actor's share; all zero for one with none. */
    ofActor(actor: Actor): PowerShare;
    /** Whether budgets were weighted by their amounts or counted equally. */
    budgetsWeighted: boolean;
}

export const SECTORS: Sector[] = ['government', 'statutory', 'third', 'independent', 'community'];

const none = (): PowerShare => ({ votingSeats: 0, budgetShare: 0, servicesDelivered: 0, serviceShare: 0 });

/** One pass over boards, budgets and services per actor; a sector's figures are its actors' (services counted once per sector). */
export function computePowerMap(forums: Forum[], budgets: Budget[], services: Service[]): PowerMap {
    const byActor = new Map<Actor, ActorPower>();
    const actorShare = (actor: Actor) => {
        let entry = byActor.get(actor);
        if (!entry) byActor.set(actor, entry = { actor, ...none() });
        return entry;
    };
    const bySector = new Map<Sector, SectorPower>(SECTORS.map(sector => [sector, { sector, ...none() }]));
    const sectorShare = (actor: Actor) => actor.sector ? bySector.get(actor.sector) : undefined;

    for (const forum of forums.filter(isBoard)) {
        for (const seat of forum.voting) {
            const actor = seat.actor.ref;
            if (!actor) continue;
            const seats = seatsHeld(seat.seats);
            actorShare(actor).votingSeats += seats;
            const sector = sectorShare(actor);
            if (sector) sector.votingSeats += seats;
        }
    }

    const amounts = budgets.map(budgetAmount);
    const budgetsWeighted = amounts.length > 0 && amounts.every(a => a !== undefined);
    const weights = budgetsWeighted ? amounts : budgets.map(() => 1);
    const total = weights.reduce((sum, w) => sum + w, 0);
    const control = (actor: Actor, share: number) => {
        actorShare(actor).budgetShare += share;
        const sector = sectorShare(actor);
        if (sector) sector.budgetShare += share;
    };
    budgets.forEach((budget, index) => {
        if (total <= 0) return;
        const share = weights[index] / total;
        const holder = budget.heldBy?.ref;
        if (isActor(holder)) control(holder, share);
        else if (isForum(holder)) {
            // A forum splits what it holds by its voting seats.
            const seats = holder.voting.flatMap(seat => seat.actor.ref ? [{ actor: seat.actor.ref, seats: seatsHeld(seat.seats) }] : []);
            const allSeats = seats.reduce((sum, s) => sum + s.seats, 0);
            if (allSeats > 0) for (const s of seats) control(s.actor, share * s.seats / allSeats);
        }
    });

    for (const service of services) {
        const deliverers = deliveringActors(service);
        for (const actor of deliverers) actorShare(actor).servicesDelivered += 1;
        for (const sector of new Set(deliverers.map(actor => actor.sector))) {
            const entry = sector && bySector.get(sector);
            if (entry) entry.servicesDelivered += 1;
        }
    }
    const shareOfServices = (entry: PowerShare) => entry.serviceShare = services.length > 0 ? entry.servicesDelivered / services.length : 0;
    bySector.forEach(shareOfServices);
    byActor.forEach(shareOfServices);

    return {
        sectors: [...bySector.values()], get: sector => bySector.get(sector)!,
        actors: [...byActor.values()], ofActor: actor => byActor.get(actor) ?? none(),
        budgetsWeighted
    };
}

/** The sum of a budget's contributed amounts, or undefined when it states none. */
function budgetAmount(budget: Budget): number | undefined {
    const amounts = budget.contributions.map(c => c.amount === undefined ? undefined : parseAmount(c.amount)).filter(a => a !== undefined);
    return amounts.length > 0 ? amounts.reduce((sum, a) => sum + a, 0) : undefined;
}
