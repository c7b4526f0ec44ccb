import { isActor, isForum, type Budget, type Forum, type Party, type Sector, type Service } from '../generated/ast.js';
import { sayOverDecisions } from './decision-rights.js';
import { deliveringActors, isBoard, partnerDeliverers, sectorOf } from './membership.js';
import { retainedAmount, type MoneyFlows } from './money.js';
import { seatsHeld } from '../language/quantities.js';

/** What one sector, or one actor, gets of "who gets what" (seed 000) in an arrangement. */
export interface PowerShare {
    /** Voting seats on the arrangement's board forums. */
    votingSeats: number;
    /** The share (0–1) of the arrangement's budget it controls. */
    budgetShare: number;
    /** The services it delivers (a service counts once per delivering sector, or actor). */
    servicesDelivered: number;
    /** Of those, the services it delivers as a partner, not only under contract or for fees. */
    servicesAsPartner: number;
    /** servicesDelivered over the number of services in the arrangement (0–1). */
    serviceShare: number;
}

export interface SectorPower extends PowerShare {
    sector: Sector;
}

/**
 * One actor's share (or one body's: a board that is also a party). A sector's
 * figures can hide its members: one charity with a statutory function and a vote
 * (Healthwatch) makes the third sector look heard while the charities that deliver
 * have none.
 */
export interface ActorPower extends PowerShare {
    actor: Party;
}

export interface PowerMap {
    sectors: SectorPower[];
    get(sector: Sector): SectorPower;
    /** Every actor or body with a seat, a share of the budget or a service, in first-seen order. */
    actors: ActorPower[];
    /** An actor's share; all zero for one with none. */
    ofActor(actor: Party): PowerShare;
    /** Whether budgets were weighted by their amounts or counted equally. */
    budgetsWeighted: boolean;
}

export const SECTORS: Sector[] = ['government', 'statutory', 'third', 'independent', 'community'];

const none = (): PowerShare => ({ votingSeats: 0, budgetShare: 0, servicesDelivered: 0, servicesAsPartner: 0, serviceShare: 0 });

/**
 * Seats by the voting members of boards; each budget's share by who holds it (an
 * actor all of it, a forum split by seats, or equally among its voters when it
 * decides by consensus), weighted by the money it keeps when every budget states an
 * amount; services by those that deliver them. One pass per actor; a sector's
 * figures are its actors' (a service counted once per sector).
 */
export function computePowerMap(forums: Forum[], budgets: Budget[], services: Service[], money: MoneyFlows): PowerMap {
    const byActor = new Map<Party, ActorPower>();
    const bySector = new Map<Sector, SectorPower>(SECTORS.map(sector => [sector, { sector, ...none() }]));
    const ofActor = (actor: Party) => {
        let entry = byActor.get(actor);
        if (!entry) byActor.set(actor, entry = { actor, ...none() });
        return entry;
    };
    const add = (actor: Party, apply: (p: PowerShare) => void) => {
        apply(ofActor(actor));
        const sector = sectorOf(actor);
        const entry = sector && bySector.get(sector);
        if (entry) apply(entry);
    };
    /** Once per actor, and once per sector however many of its actors. */
    const addOnce = (actors: readonly Party[], apply: (p: PowerShare) => void) => {
        actors.forEach(actor => apply(ofActor(actor)));
        for (const sector of new Set(actors.map(sectorOf))) {
            const entry = sector && bySector.get(sector);
            if (entry) apply(entry);
        }
    };

    for (const forum of forums.filter(isBoard)) {
        for (const seat of forum.voting) {
            const member = seat.actor.ref;
            if (member) add(member, p => p.votingSeats += seatsHeld(seat.seats));
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
        if (isActor(holder)) add(holder, p => p.budgetShare += share);
        else if (isForum(holder)) {
            for (const say of sayOverDecisions(holder)) add(say.member, p => p.budgetShare += share * say.share);
        }
    });

    for (const service of services) {
        addOnce(deliveringActors(service), p => p.servicesDelivered += 1);
        addOnce(partnerDeliverers(service), p => p.servicesAsPartner += 1);
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
