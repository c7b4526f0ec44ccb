import { MultiMap, type AstNode } from 'langium';
import {
    isActor, isArrangement, isChannel, isForum,
    type Agreement, type Arrangement, type Channel, type Direction, type Forum, type Model, type Party, type Service
} from '../generated/ast.js';
import type {
    ChairRequirement, InstrumentRequirement, MayNotVoteRequirement, MemberRequirement, Requirement, StatutoryProfile,
    SubForumsRequirement, VotingPartnersRequirement
} from '../profiles/profile.js';
import type { ProfileRegistry } from '../profiles/profile-registry.js';
import { decisionRights } from './decision-rights.js';
import { deliveringActors, forumMembers, isBoard, isDefined, resolved, titleOf, unique } from './membership.js';
import type { WorkspaceModel } from './workspace-model.js';
import { underlyingModel } from './workspace-reads.js';

/** A forum or an arrangement that names a profile (`profile scotland-ijb`). */
export type ProfiledSubject = Forum | Arrangement;

export type RequirementStatus = 'met' | 'unmet' | 'not-modelled';

export interface RequirementResult {
    requirement: Requirement;
    status: RequirementStatus;
    /** What the model shows, in words: who or what meets it, or what is missing. */
    detail: string;
    /** The members, forums or agreements that meet it (for the checklist). */
    meetsBy: AstNode[];
    /** For an unmet member requirement: actors of the workspace that carry the role but are not members. */
    candidates: Party[];
}

/** How one profiled forum or arrangement stands against its profile. */
export interface ProfileCompliance {
    subject: ProfiledSubject;
    /** The profile named, or undefined when no profile has that id (a `semantic` error says so). */
    profile: StatutoryProfile | undefined;
    results: RequirementResult[];
    met: number;
    unmet: number;
    notModelled: number;
}

/** Who sits on the subject, as the requirements count them. */
interface Membership {
    /** Voting seats by member. */
    votes: Map<Party, number>;
    /** Every member, voting or not. */
    members: Party[];
    /** The forums whose budgets fund services ("providers"): the forum itself, or the arrangement's boards. */
    deciding: Forum[];
}

/**
 * The compliance of every profiled forum of an arrangement (and of the arrangement
 * itself when it names a profile), against the profiles the registry holds.
 */
export function arrangementCompliance(arrangement: Arrangement, workspace: WorkspaceModel, registry: ProfileRegistry): ProfileCompliance[] {
    const subjects: ProfiledSubject[] = [
        ...(arrangement.profile ? [arrangement] : []),
        ...arrangement.elements.filter(isForum).filter(forum => forum.profile)
    ];
    if (subjects.length === 0) return [];
    const context = contextOf(workspace);
    return subjects.map(subject => {
        const profile = registry.get(subject.profile!);
        const results = profile ? profile.requirements.map(requirement => checkRequirement(requirement, subject, profile, context)) : [];
        return {
            subject, profile, results,
            met: results.filter(r => r.status === 'met').length,
            unmet: results.filter(r => r.status === 'unmet').length,
            notModelled: results.filter(r => r.status === 'not-modelled').length
        };
    });
}

function checkRequirement(requirement: Requirement, subject: ProfiledSubject, profile: StatutoryProfile, context: ComplianceContext): RequirementResult {
    const membership = membershipOf(subject);
    switch (requirement.type) {
        case 'voting-partners': return votingPartners(requirement, subject, profile, membership);
        case 'member': case 'stakeholder': return member(requirement, subject, profile, membership, context);
        case 'may-not-vote': return mayNotVote(requirement, subject, profile, membership, context);
        case 'chair': return chair(requirement, subject, profile, membership);
        case 'sub-forums': return subForums(requirement, subject, profile, context);
        case 'instrument': return instrument(requirement, subject, membership, context);
    }
}

function result(requirement: Requirement, status: RequirementStatus, detail: string, meetsBy: AstNode[] = [], candidates: Party[] = []): RequirementResult {
    return { requirement, status, detail, meetsBy, candidates };
}

function votingPartners(requirement: VotingPartnersRequirement, subject: ProfiledSubject, profile: StatutoryProfile, membership: Membership): RequirementResult {
    const counts = requirement.roles.map(role => {
        const holders = [...membership.votes].filter(([actor, seats]) => seats > 0 && actor.roles.includes(role));
        return { role, holders: holders.map(([actor]) => actor), seats: holders.reduce((sum, [, seats]) => sum + seats, 0) };
    });
    const short = counts.filter(c => c.seats < requirement.min);
    const unequal = requirement.equal && new Set(counts.map(c => c.seats)).size > 1;
    const described = counts.map(c => `${c.role} ${plural(c.seats, 'seat')}${c.holders.length ? ` (${c.holders.map(titleOf).join(', ')})` : ''}`).join(', ');
    const meetsBy = counts.flatMap(c => c.holders);
    if (short.length === 0 && !unequal) return result(requirement, 'met', `voting seats: ${described}`, meetsBy);
    const wants = [
        requirement.min > 0 ? `at least ${requirement.min} each` : '',
        requirement.equal ? 'in equal numbers' : ''
    ].filter(Boolean).join(', ');
    const missingRole = counts.find(c => c.holders.length === 0);
    const hint = missingRole ? `; no voting member of ${titleOf(subject)} carries role ${missingRole.role}` : '';
    return result(requirement, 'unmet', `voting seats: ${described}; the ${profile.kind === 'standard' ? 'standard' : 'instrument'} requires ${wants}${hint}`, meetsBy);
}

function member(requirement: MemberRequirement, subject: ProfiledSubject, _profile: StatutoryProfile, membership: Membership, context: ComplianceContext): RequirementResult {
    const holders = membership.members.filter(actor => requirement.roles.some(role => actor.roles.includes(role)));
    const roles = requirement.roles.join(' or ');
    if (holders.length >= requirement.min) {
        return result(requirement, 'met', holders.map(actor => `${titleOf(actor)}${membership.votes.get(actor) ? ' (voting)' : ''}`).join(', '), holders);
    }
    const candidates = unique(requirement.roles.flatMap(role => context.actorsWithRole.get(role))).filter(actor => !holders.includes(actor));
    const found = holders.length === 0 ? `no member of ${titleOf(subject)} carries role ${roles}` : `${plural(holders.length, 'member')} of ${titleOf(subject)} ${holders.length === 1 ? 'carries' : 'carry'} role ${roles} (${holders.map(titleOf).join(', ')}); ${requirement.min} are required`;
    const elsewhere = candidates.length ? `; ${candidates.map(titleOf).join(', ')} ${candidates.length === 1 ? 'carries' : 'carry'} it but ${candidates.length === 1 ? 'is not a member' : 'are not members'}` : '';
    return result(requirement, 'unmet', found + elsewhere, holders, candidates);
}

function mayNotVote(requirement: MayNotVoteRequirement, subject: ProfiledSubject, _profile: StatutoryProfile, membership: Membership, context: ComplianceContext): RequirementResult {
    const voters = [...membership.votes].filter(([, seats]) => seats > 0).map(([actor]) => actor);
    const reasons = new Map<Party, string>();
    for (const actor of voters) {
        const carries = (roles: readonly string[] | undefined) => roles?.filter(role => actor.roles.includes(role)) ?? [];
        const forbidden = carries(requirement.roles);
        if (forbidden.length) reasons.set(actor, `carries role ${forbidden.join(', ')}`);
        else if (requirement.onlyRoles && carries(requirement.onlyRoles).length === 0) reasons.set(actor, `carries none of the roles ${requirement.onlyRoles.join(', ')}`);
        else if (requirement.providers && carries(requirement.onlyRoles).length === 0) {
            const funded = context.servicesFundedThrough(membership.deciding).filter(service => context.deliverers(service).includes(actor));
            if (funded.length) reasons.set(actor, `delivers ${funded.map(titleOf).join(', ')}, funded by a budget ${titleOf(subject)} decides`);
        }
    }
    if (reasons.size === 0) return result(requirement, 'met', voters.length ? `voting members: ${voters.map(titleOf).join(', ')}` : 'no member votes');
    const offenders = [...reasons].map(([actor, why]) => `${titleOf(actor)} votes but ${why}`).join('; ');
    return result(requirement, 'unmet', offenders);
}

function chair(requirement: ChairRequirement, subject: ProfiledSubject, profile: StatutoryProfile, membership: Membership): RequirementResult {
    if (!isForum(subject)) return result(requirement, 'not-modelled', 'not checked: an arrangement has no chair; put the profile on its board');
    const { chair: chairParty, viceChair } = decisionRights(subject);
    const eligible = (actor: Party) => requirement.from === 'voting' ? (membership.votes.get(actor) ?? 0) > 0 : membership.members.includes(actor);
    const problems: string[] = [];
    if (!chairParty) problems.push(`the model does not say who chairs ${titleOf(subject)}`);
    else if (!eligible(chairParty)) problems.push(`${titleOf(chairParty)} chairs ${titleOf(subject)} but is not one of its ${requirement.from === 'voting' ? 'voting members' : 'members'}`);
    if (requirement.vice) {
        if (!viceChair) problems.push(`the model does not say who is vice-chair of ${titleOf(subject)}`);
        else if (!eligible(viceChair)) problems.push(`${titleOf(viceChair)} is vice-chair but not one of its ${requirement.from === 'voting' ? 'voting members' : 'members'}`);
    }
    const sides = requirement.alternate;
    if (sides && chairParty && viceChair) {
        const side = (actor: Party) => sides.find(role => actor.roles.includes(role));
        if (!side(chairParty) || side(chairParty) === side(viceChair)) {
            problems.push(`the chair and vice-chair must come one from each of ${sides.map(role => roleTitle(profile, role)).join(' and ')}`);
        }
    }
    if (problems.length) return result(requirement, 'unmet', problems.join('; '));
    const held = [chairParty!, ...(viceChair ? [viceChair] : [])];
    // A model is one moment: who chaired before, and so the rotation, cannot be seen.
    return result(requirement, 'met', `chair ${titleOf(chairParty!)}${viceChair ? `, vice-chair ${titleOf(viceChair)}` : ''} (the turn of the chair between partners is not something one model can show)`, held);
}

function subForums(requirement: SubForumsRequirement, subject: ProfiledSubject, profile: StatutoryProfile, context: ComplianceContext): RequirementResult {
    const candidates = isForum(subject) ? context.reportingInto(subject) : subject.elements.filter(isForum);
    const matching = candidates.filter(forum => forum.roles.includes(requirement.role));
    const roleName = roleTitle(profile, requirement.role);
    if (matching.length >= requirement.min) return result(requirement, 'met', matching.map(titleOf).join(', '), matching);
    const where = isForum(subject) ? `report to ${titleOf(subject)} (directly or through others)` : `belong to ${titleOf(subject)}`;
    const found = matching.length === 0 ? `no forum of role ${requirement.role} (${roleName}) ${where}`
        : `${plural(matching.length, 'forum')} of role ${requirement.role} ${where} (${matching.map(titleOf).join(', ')}); at least ${requirement.min} are required`;
    const astray = context.forumsWithRole.get(requirement.role).filter(forum => !matching.includes(forum) && sameArrangement(forum, subject));
    const hint = astray.length ? `; ${astray.map(titleOf).join(', ')} ${astray.length === 1 ? 'carries' : 'carry'} the role but ${astray.length === 1 ? 'does' : 'do'} not report to ${titleOf(subject)}` : '';
    return result(requirement, 'unmet', found + hint, matching);
}

function instrument(requirement: InstrumentRequirement, subject: ProfiledSubject, membership: Membership, context: ComplianceContext): RequirementResult {
    const arrangement = isArrangement(subject) ? subject : subject.$container;
    const between = requirement.between ?? [];
    const carrying = (actors: readonly Party[], role: string) => actors.some(actor => actor.roles.includes(role));
    switch (requirement.kind) {
        case 'agreement': {
            const agreements = arrangement.elements.filter((e): e is Agreement => e.$type === 'Agreement')
                .filter(agreement => between.every(role => carrying(resolved(agreement.between), role)));
            if (agreements.length) return result(requirement, 'met', agreements.map(titleOf).join(', '), agreements);
            return result(requirement, 'unmet', `no agreement of ${titleOf(arrangement)} is between ${between.length ? between.map(role => `an actor of role ${role}`).join(' and ') : 'its partners'}`);
        }
        case 'directions': {
            // A forum's own directions; an arrangement's are those its boards issue.
            const directions = membership.deciding.flatMap(forum => context.directionsFrom(forum));
            const directed = unique(directions.map(direction => direction.to?.ref).filter(isDefined));
            const issuer = isForum(subject) ? titleOf(subject) : `no board of ${titleOf(subject)}`;
            const missing = between.filter(role => !directed.some(party => party.roles.includes(role)));
            if (missing.length === 0 && directed.length > 0) return result(requirement, 'met', directions.map(d => `${titleOf(d)}${d.to?.ref ? ` to ${titleOf(d.to.ref)}` : ''}`).join(', '), directions);
            return result(requirement, 'unmet', missing.length ? `${issuer} issues no directions to an actor of role ${missing.join(' or ')}` : `${issuer} issues no directions`);
        }
        case 'annual-report': {
            const channels = arrangement.elements.filter(isChannel).filter(channel => channel.kind === 'reporting');
            if (requirement.by) {
                const reports = channels.filter(channel => { const from = channel.from?.ref; return isActor(from) && requirement.by!.some(role => from.roles.includes(role)); });
                if (reports.length) return result(requirement, 'met', reports.map(channelText).join(', '), reports);
                return result(requirement, 'unmet', `no \`reporting\` channel of ${titleOf(arrangement)} starts at an actor of role ${requirement.by.join(' or ')}`);
            }
            if (isForum(subject)) {
                const reports = channels.filter(channel => channel.from?.ref === subject);
                if (reports.length) return result(requirement, 'met', reports.map(channelText).join(', '), reports);
                return result(requirement, 'unmet', `no \`reporting\` channel starts at ${titleOf(subject)}`);
            }
            const partners = resolved(subject.partners);
            const reports = channels.filter(channel => partners.includes(channel.from?.ref as Party));
            if (reports.length) return result(requirement, 'met', reports.map(channelText).join(', '), reports);
            return result(requirement, 'unmet', `no \`reporting\` channel starts at a partner of ${titleOf(subject)}`);
        }
    }
}

/**
 * Who sits on the subject. A forum's members are its voting and advisory members (by choice or by law).
 * An arrangement's are its partners, the members of its forums, the parties to
 * its agreements and those with a channel to its forums (who "take part" or
 * "co-operate"); its votes are the seats on its boards.
 */
function membershipOf(subject: ProfiledSubject): Membership {
    const votes = new Map<Party, number>();
    // Seats as decision rights count them: a member listed twice on one forum counts once.
    const addSeats = (forum: Forum) => {
        for (const { member, seats } of decisionRights(forum).seats) votes.set(member, (votes.get(member) ?? 0) + seats);
    };
    if (isForum(subject)) {
        addSeats(subject);
        return { votes, members: forumMembers(subject), deciding: [subject] };
    }
    const forums = subject.elements.filter(isForum);
    const boards = forums.filter(isBoard);
    boards.forEach(addSeats);
    const members: Party[] = [...resolved(subject.partners), ...forums.flatMap(forumMembers)];
    for (const element of subject.elements) {
        if (element.$type === 'Agreement') members.push(...resolved(element.between));
        else if (isChannel(element)) {
            const from = element.from?.ref, to = element.to?.ref;
            if (isForum(to) && forums.includes(to) && isActor(from)) members.push(from);
        }
    }
    return { votes, members: unique(members), deciding: boards };
}

/** Workspace-wide indexes the checks share, built once per workspace model. */
interface ComplianceContext {
    actorsWithRole: MultiMap<string, Party>;
    forumsWithRole: MultiMap<string, Forum>;
    reportingInto(forum: Forum): Forum[];
    servicesFundedThrough(forums: readonly Forum[]): Array<Service>;
    deliverers(service: Service): Party[];
    directionsFrom(forum: Forum): readonly Direction[];
}

const contexts = new WeakMap<WorkspaceModel, ComplianceContext>();

function contextOf(view: WorkspaceModel): ComplianceContext {
    // The indexes read every declaration (an arrangement's view of the model notes that), and are built once for the model itself.
    void view.documents;
    const workspace = underlyingModel(view);
    let context = contexts.get(workspace);
    if (context) return context;
    const actorsWithRole = new MultiMap<string, Party>();
    const forumsWithRole = new MultiMap<string, Forum>();
    const children = new MultiMap<Forum, Forum>();
    for (const document of workspace.documents) {
        for (const declaration of (document.parseResult.value as Model).declarations ?? []) {
            if (isActor(declaration)) unique(declaration.roles).forEach(role => actorsWithRole.add(role, declaration));
        }
    }
    for (const arrangement of workspace.arrangements) {
        for (const forum of arrangement.elements.filter(isForum)) {
            unique(forum.roles).forEach(role => forumsWithRole.add(role, forum));
            const parent = forum.reportsTo?.ref;
            if (isForum(parent)) children.add(parent, forum);
        }
    }
    context = {
        actorsWithRole,
        forumsWithRole,
        reportingInto(forum) {
            // Breadth first over `reports to`, each forum once: a circle (a model error of its own) ends the walk.
            const found = new Set<Forum>([forum]);
            const queue = [forum];
            for (let i = 0; i < queue.length; i++) {
                for (const child of children.get(queue[i])) {
                    if (!found.has(child)) {
                        found.add(child);
                        queue.push(child);
                    }
                }
            }
            found.delete(forum);
            return [...found];
        },
        servicesFundedThrough(forums) {
            const budgets = unique(forums.flatMap(forum => [...resolved(forum.controls), ...workspace.budgetsHeldBy(forum)]));
            return unique(budgets.flatMap(budget => resolved(budget.funds)).filter((r): r is Service => r.$type === 'Service'));
        },
        deliverers: deliveringActors,
        directionsFrom: forum => workspace.money.directionsFrom(forum)
    };
    contexts.set(workspace, context);
    return context;
}

/** A channel as the checklist names it: its name, or its two ends. */
function channelText(channel: Channel): string {
    return channel.name ?? `${channel.from?.$refText ?? '?'} -> ${channel.to?.$refText ?? '?'}`;
}

function sameArrangement(forum: Forum, subject: ProfiledSubject): boolean {
    return forum.$container === (isArrangement(subject) ? subject : subject.$container);
}

function roleTitle(profile: StatutoryProfile, role: string): string {
    return profile.roles[role]?.title ?? role;
}

function plural(n: number, noun: string): string {
    return `${n} ${n === 1 ? noun : `${noun}s`}`;
}
