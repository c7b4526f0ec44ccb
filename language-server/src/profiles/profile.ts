/**
 * A statutory profile: what the law or standard that constitutes a forum requires
 * of it, as data (docs/profiles.md). One JSON file per profile, validated against
 * `profileSchema()`; the built-in ones ship inside the bundle, a project adds its
 * own from the folders `joinery.json` names.
 */
export interface StatutoryProfile {
    id: string;
    title: string;
    /** Law (an Act, an Order) or a standard (a practice standard that is not law). */
    kind: 'law' | 'standard';
    instrument: Instrument;
    /** The date of the version of the instrument this profile encodes (YYYY-MM-DD). */
    version: string;
    /** The profile this one was made from, after `extends` was applied. */
    extends?: string;
    /** The roles this profile's requirements name, by id. */
    roles: Record<string, RoleDefinition>;
    requirements: Requirement[];
    notes?: string;
    /** What the profile's author could not confirm from the instrument's text. */
    unconfirmed: string[];
    /** Where it came from: `built-in`, or the file's URI. */
    origin: string;
}

export interface Instrument {
    citation: string;
    url: string;
}

export interface RoleDefinition {
    title: string;
    /** What carries it: an actor (the default) or a forum. */
    for: 'actor' | 'forum';
    /** The sector a quick fix gives a new actor of this role. */
    sector?: 'government' | 'statutory' | 'third' | 'independent' | 'community';
    description?: string;
}

/** Fields every requirement has. */
interface RequirementBase {
    id: string;
    /** What it requires, in a few words: "a chief officer, as a non-voting member". */
    title: string;
    /** Where the instrument says so: "art. 3(1)(a)", "s.32". */
    section: string;
    /** Another instrument than the profile's own, when the requirement comes from one. */
    instrument?: Instrument;
    note?: string;
}

/** Voting seats drawn from named partners: at least `min` each, and equal numbers when `equal`. */
export interface VotingPartnersRequirement extends RequirementBase {
    type: 'voting-partners';
    roles: string[];
    min: number;
    equal: boolean;
}

/** At least `min` members carrying one of `roles` (a prescribed member, or a stakeholder member). */
export interface MemberRequirement extends RequirementBase {
    type: 'member' | 'stakeholder';
    roles: string[];
    min: number;
    /** The seat the instrument gives: a quick fix adds an advisory member when it is `advisory`. */
    seat: 'voting' | 'advisory' | 'any';
}

/** Who may not vote: members carrying `roles`, anyone not carrying `onlyRoles`, providers funded by the forum. */
export interface MayNotVoteRequirement extends RequirementBase {
    type: 'may-not-vote';
    roles?: string[];
    onlyRoles?: string[];
    providers?: boolean;
}

/** A chair (and vice-chair) from the voting members, alternating between the partners carrying `alternate`. */
export interface ChairRequirement extends RequirementBase {
    type: 'chair';
    from: 'voting' | 'members';
    vice: boolean;
    alternate?: string[];
}

/** At least `min` forums carrying `role` that report to the forum (or belong to the arrangement). */
export interface SubForumsRequirement extends RequirementBase {
    type: 'sub-forums';
    role: string;
    min: number;
}

/** A required instrument: directions to the partners, an agreement between them, an annual report. */
export interface InstrumentRequirement extends RequirementBase {
    type: 'instrument';
    kind: 'directions' | 'agreement' | 'annual-report';
    /** Directions to, or an agreement between, an actor of each of these roles. */
    between?: string[];
    /** For an annual report: who makes it (roles); else the forum itself. */
    by?: string[];
}

export type Requirement =
    | VotingPartnersRequirement | MemberRequirement | MayNotVoteRequirement | ChairRequirement
    | SubForumsRequirement | InstrumentRequirement;

export type RequirementType = Requirement['type'];

/** The rule that reports a requirement when it is not met. */
export const MEMBERSHIP_RULE = 'statutory-membership';
export const STRUCTURE_RULE = 'statutory-structure';

export function ruleOf(requirement: Requirement): typeof MEMBERSHIP_RULE | typeof STRUCTURE_RULE {
    return requirement.type === 'sub-forums' || requirement.type === 'instrument' ? STRUCTURE_RULE : MEMBERSHIP_RULE;
}

/** The roles a requirement names, whatever its type. */
export function rolesNamed(requirement: Requirement): string[] {
    switch (requirement.type) {
        case 'voting-partners': case 'member': case 'stakeholder': return requirement.roles;
        case 'may-not-vote': return [...requirement.roles ?? [], ...requirement.onlyRoles ?? []];
        case 'chair': return requirement.alternate ?? [];
        case 'sub-forums': return [requirement.role];
        case 'instrument': return [...requirement.between ?? [], ...requirement.by ?? []];
    }
}

/** "Public Bodies (Joint Working) (Integration Joint Boards) (Scotland) Order 2014, art. 3(1)". */
export function citationOf(profile: StatutoryProfile, requirement: Requirement): string {
    return `${(requirement.instrument ?? profile.instrument).citation}, ${requirement.section}`;
}
