import {
    isActor, isForum,
    type Actor, type Agreement, type Channel, type Element, type Forum, type Referral, type Service, type Team
} from '../generated/ast.js';
import { ListIndex } from './list-index.js';
import { forumMembers, resolved, staffOf, unique } from './membership.js';
import type { RouteNode } from './routes.js';

/**
 * The part an actor plays in one arrangement, read from that arrangement's own
 * declarations only: a seat, a channel or a referral declared in another
 * arrangement is part of that other arrangement.
 */
export interface ActorPart {
    /** Forums of the arrangement it sits on, as a voting or advisory member. */
    forums: readonly Forum[];
    /** Teams of the arrangement it staffs. */
    teams: readonly Team[];
    /** Agreements of the arrangement that name it in `between`. */
    agreements: readonly Agreement[];
    /** Channels of the arrangement that run from it to a forum. */
    channelsToForums: readonly Channel[];
    /** Referrals of the arrangement that it receives. */
    referralsReceived: readonly Referral[];
    /** Services of the arrangement that name it in `delivered by` (not through a team). */
    servicesDelivered: readonly Service[];
    /** Who it has a `two-way` channel with, in either direction, in the arrangement. */
    twoWayWith: ReadonlySet<RouteNode>;
    /** Involved actors that claim (`represents`) to speak for it. */
    representedBy: readonly Actor[];
}

export type Participation = (actor: Actor) => ActorPart;

/** Its only part is to take referrals: it receives some, yet sits on no forum, staffs no team, is party to no agreement and has no channel to a forum. */
export function takesOnlyReferrals(part: ActorPart): boolean {
    return part.referralsReceived.length > 0 && part.forums.length === 0 && part.teams.length === 0
        && part.agreements.length === 0 && part.channelsToForums.length === 0;
}

/** One pass over the arrangement's elements; then each actor's part is a look-up. */
export function buildParticipation(elements: readonly Element[], involvedActors: readonly Actor[]): Participation {
    const forums = new ListIndex<Actor, Forum>();
    const teams = new ListIndex<Actor, Team>();
    const agreements = new ListIndex<Actor, Agreement>();
    const channelsToForums = new ListIndex<Actor, Channel>();
    const referralsReceived = new ListIndex<Actor, Referral>();
    const servicesDelivered = new ListIndex<Actor, Service>();
    const representedBy = new ListIndex<Actor, Actor>();
    const twoWay = new Map<RouteNode, Set<RouteNode>>();
    const noteTwoWay = (a: RouteNode, b: RouteNode) => {
        const set = twoWay.get(a);
        if (set) set.add(b); else twoWay.set(a, new Set([b]));
    };

    for (const element of elements) {
        switch (element.$type) {
            case 'Forum':
                forumMembers(element).forEach(member => forums.add(member, element));
                break;
            case 'Team':
                staffOf(element).forEach(member => teams.add(member, element));
                break;
            case 'Agreement':
                unique(resolved(element.between)).forEach(party => agreements.add(party, element));
                break;
            case 'Service':
                unique(resolved(element.deliveredBy)).filter(isActor).forEach(actor => servicesDelivered.add(actor, element));
                break;
            case 'Referral': {
                const to = element.to.ref;
                if (isActor(to)) referralsReceived.add(to, element);
                break;
            }
            case 'Channel': {
                const from = element.from.ref, to = element.to.ref;
                if (isActor(from) && isForum(to)) channelsToForums.add(from, element);
                if (from && to && element.twoWay) {
                    noteTwoWay(from, to);
                    noteTwoWay(to, from);
                }
                break;
            }
        }
    }
    for (const intermediary of involvedActors) {
        unique(resolved(intermediary.represents)).forEach(actor => representedBy.add(actor, intermediary));
    }

    const parts = new Map<Actor, ActorPart>();
    return actor => {
        let part = parts.get(actor);
        if (!part) {
            part = {
                forums: forums.get(actor), teams: teams.get(actor), agreements: agreements.get(actor),
                channelsToForums: channelsToForums.get(actor), referralsReceived: referralsReceived.get(actor),
                servicesDelivered: servicesDelivered.get(actor), twoWayWith: twoWay.get(actor) ?? new Set(),
                representedBy: representedBy.get(actor)
            };
            parts.set(actor, part);
        }
        return part;
    };
}
