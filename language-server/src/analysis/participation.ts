import { MultiMap } from 'langium';
import {
    isForum, isTeam,
    type Actor, type Agreement, type Channel, type Element, type Forum, type Party, type Referral, type Service, type Team
} from '../generated/ast.js';
import { forumMembers, resolved, staffOf, unique } from './membership.js';
import type { RouteNode } from './routes.js';
import { UnionFind } from './union-find.js';

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
    /** Of those, the ones it delivers as a partner: not `contracted` or `fee-funded`. */
    servicesAsPartner: readonly Service[];
    /**
     * A contractor: it delivers services here only under contract or for fees, and is
     * neither a partner nor staff of a team of the arrangement. The rules do not treat
     * it as a partner that needs a seat, funding and a vote.
     */
    isContractor: boolean;
    /** Who it has a `two-way` channel with, in either direction, in the arrangement. */
    twoWayWith: ReadonlySet<RouteNode>;
    /**
     * Whether a chain of `two-way` channels of the arrangement (through any actors,
     * teams or forums) joins it to another node: carers ⇄ carers centre ⇄ carer member.
     */
    talksBothWaysWith(other: RouteNode): boolean;
    /** Involved actors that claim (`represents`) to speak for it. */
    representedBy: readonly Actor[];
}

export type Participation = (party: Party) => ActorPart;

/**
 * Its only part is to take referrals: it receives some, yet sits on no forum, staffs no team, is party to no
 * agreement and has no channel to a forum. Not a contractor: taking referrals is what it is paid for (docs/language.md).
 */
export function takesOnlyReferrals(part: ActorPart): boolean {
    return !part.isContractor && part.referralsReceived.length > 0 && part.forums.length === 0 && part.teams.length === 0
        && part.agreements.length === 0 && part.channelsToForums.length === 0;
}

/** One pass over the arrangement's elements; then each party's part is a look-up. */
export function buildParticipation(elements: readonly Element[], involvedActors: readonly Actor[], partners: ReadonlySet<Party>): Participation {
    const forums = new MultiMap<Party, Forum>();
    const teams = new MultiMap<Party, Team>();
    const agreements = new MultiMap<Party, Agreement>();
    const channelsToForums = new MultiMap<Party, Channel>();
    const referralsReceived = new MultiMap<Party, Referral>();
    const servicesDelivered = new MultiMap<Party, Service>();
    const servicesAsPartner = new MultiMap<Party, Service>();
    const representedBy = new MultiMap<Party, Actor>();
    const twoWay = new Map<RouteNode, Set<RouteNode>>();
    const talkGroups = new UnionFind<RouteNode>();
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
            case 'Service': {
                const direct = new Map<Party, boolean>();
                for (const delivery of element.deliveredBy) {
                    const deliverer = delivery.deliverer.ref;
                    if (!deliverer || isTeam(deliverer)) continue;
                    // Named twice, once as a partner and once under contract: it is a partner.
                    direct.set(deliverer, (direct.get(deliverer) ?? false) || delivery.basis === undefined);
                }
                for (const [party, asPartner] of direct) {
                    servicesDelivered.add(party, element);
                    if (asPartner) servicesAsPartner.add(party, element);
                }
                break;
            }
            case 'Referral': {
                const to = element.to?.ref;
                if (to && !isTeam(to)) referralsReceived.add(to, element);
                break;
            }
            case 'Channel': {
                const from = element.from?.ref, to = element.to?.ref;
                if (from && !isTeam(from) && isForum(to)) channelsToForums.add(from, element);
                if (from && to && element.twoWay) {
                    noteTwoWay(from, to);
                    noteTwoWay(to, from);
                    talkGroups.join(from, to);
                }
                break;
            }
        }
    }
    for (const intermediary of involvedActors) {
        unique(resolved(intermediary.represents)).forEach(actor => representedBy.add(actor, intermediary));
    }

    const parts = new Map<Party, ActorPart>();
    return party => {
        let part = parts.get(party);
        if (!part) {
            const delivered = servicesDelivered.get(party), asPartner = servicesAsPartner.get(party);
            part = {
                forums: forums.get(party), teams: teams.get(party), agreements: agreements.get(party),
                channelsToForums: channelsToForums.get(party), referralsReceived: referralsReceived.get(party),
                servicesDelivered: delivered, servicesAsPartner: asPartner,
                isContractor: delivered.length > 0 && asPartner.length === 0 && !partners.has(party) && teams.get(party).length === 0,
                twoWayWith: twoWay.get(party) ?? new Set(),
                talksBothWaysWith: other => other !== party && talkGroups.sameGroup(party, other),
                representedBy: representedBy.get(party)
            };
            parts.set(party, part);
        }
        return part;
    };
}
