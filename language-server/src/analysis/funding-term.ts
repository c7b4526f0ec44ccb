import { isTeam, type Budget, type Party, type Referral, type Service } from '../generated/ast.js';
import type { ArrangementModel } from './arrangement-model.js';
import { deliverersOf, deliveringActors, deliveringTeams, isNonStatutory, staffOf, unique } from './membership.js';
import { termOf, type Term } from './money.js';

/** How long a budget's money lasts, as the model states it or as the tools read it from the budget's kind. */
export interface FundingTerm extends Term {
    /** Whether the model says so (`term`), or the tools read it from the budget's kind. */
    stated: boolean;
}

/**
 * A budget's term: its `term` (docs/language.md: `term recurrent`, `term fixed
 * until 2026-03-31`) when given; else a grant counts as fixed-term money (grants
 * are awarded for a period and renewed, or not) and any other kind as unknown.
 */
export function fundingTerm(budget: Budget): FundingTerm | undefined {
    const stated = termOf(budget);
    if (stated) return { ...stated, stated: true };
    return budget.kind === 'grant' ? { kind: 'fixed', stated: false } : undefined;
}

/**
 * A service that the arrangement relies on and that non-statutory actors deliver:
 * people are referred to it (to one of its non-statutory deliverers, or to a
 * delivering team one of them staffs), so the pathway stops if its money does.
 */
export interface CoreService {
    service: Service;
    /** Its third-sector, independent or community deliverers (a delivering team as its staff). */
    deliverers: Party[];
    referrals: Referral[];
    /** The budgets that fund it, its non-statutory deliverers or its delivering teams. */
    budgets: Budget[];
}

/** Linear in the services, their deliverers and the referrals. */
export function coreServicesOfNonStatutory(model: ArrangementModel): CoreService[] {
    const referralsTo = new Map<unknown, Referral[]>();
    for (const referral of model.referrals) {
        const to = referral.to?.ref;
        if (!to) continue;
        const list = referralsTo.get(to);
        if (list) list.push(referral); else referralsTo.set(to, [referral]);
    }
    const found: CoreService[] = [];
    for (const service of model.services) {
        const deliverers = deliveringActors(service).filter(isNonStatutory);
        if (deliverers.length === 0) continue;
        // Referred to a non-statutory deliverer, or to a delivering team one of them staffs.
        const ends = unique(deliverersOf(service))
            .filter(end => isTeam(end) ? staffOf(end).some(isNonStatutory) : isNonStatutory(end));
        const referrals = unique(ends.flatMap(end => referralsTo.get(end) ?? []));
        if (referrals.length === 0) continue;
        const budgets = unique([
            ...model.budgetsFunding(service),
            ...deliverers.flatMap(actor => model.budgetsFunding(actor)),
            ...deliveringTeams(service).flatMap(team => model.budgetsFunding(team))
        ]);
        found.push({ service, deliverers, referrals, budgets });
    }
    return found;
}
