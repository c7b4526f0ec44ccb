import { closestKey } from './profile-schema.js';
import type { ProfileSource, RequirementSource } from './parse-profile.js';
import type { Requirement, RoleDefinition, StatutoryProfile } from './profile.js';
import { rolesNamed } from './profile.js';

/** A parsed profile file (or built-in profile), ready to resolve. */
export interface SourceEntry {
    source: ProfileSource;
    /** `built-in`, or the file's URI. */
    origin: string;
    builtIn: boolean;
    locate(path: ReadonlyArray<string | number>): { offset: number; length: number };
}

export interface ResolveProblem {
    entry: SourceEntry;
    path: Array<string | number>;
    message: string;
}

/** How deep `extends` may chain: deeper is surely a mistake, and would cost a long walk. */
const MAX_EXTENDS_DEPTH = 16;

/**
 * Applies `extends` (roles merged, requirements replaced by id, `remove`d, or
 * added), fills in defaults and checks that every role a requirement names is
 * defined. A profile whose chain is broken (itself, a circle, a missing parent)
 * is not resolved; each problem names the key.
 */
export function resolveProfiles(entries: readonly SourceEntry[]): { profiles: Map<string, StatutoryProfile>; problems: ResolveProblem[]; failed: Map<string, SourceEntry> } {
    const byId = new Map<string, SourceEntry>();
    const problems: ResolveProblem[] = [];
    for (const entry of entries) {
        const id = entry.source.id;
        const first = byId.get(id);
        if (first) {
            problems.push({
                entry, path: ['id'],
                message: first.builtIn
                    ? `id '${id}' is a built-in profile's: choose another id, and write "extends": "${id}" to start from it`
                    : `id '${id}' is already the id of the profile in ${fileName(first.origin)}: each profile needs its own id`
            });
            continue;
        }
        byId.set(id, entry);
    }
    const resolved = new Map<string, StatutoryProfile>();
    const failed = new Map<string, SourceEntry>();
    const resolving = new Set<string>();

    const resolve = (entry: SourceEntry, depth: number): StatutoryProfile | undefined => {
        const { source } = entry;
        const done = resolved.get(source.id);
        if (done) return done;
        if (failed.has(source.id)) return undefined;
        let parent: StatutoryProfile | undefined;
        if (source.extends !== undefined) {
            const parentEntry = byId.get(source.extends);
            const fail = (message: string) => {
                problems.push({ entry, path: ['extends'], message });
                failed.set(source.id, entry);
                return undefined;
            };
            if (source.extends === source.id) return fail(`names the profile itself ('${source.id}'): a profile cannot extend itself`);
            if (!parentEntry) {
                const suggestion = closestKey(source.extends, [...byId.keys()].filter(id => id !== source.id));
                return fail(`names '${source.extends}', which is no profile${suggestion ? ` (did you mean '${suggestion}'?)` : ''}; the profiles are ${[...byId.keys()].filter(id => id !== source.id).join(', ')}`);
            }
            if (resolving.has(parentEntry.source.id)) return fail(`makes a circle: ${[...resolving, source.id].join(' → ')} → ${parentEntry.source.id}; a profile cannot extend itself, directly or through others`);
            if (depth >= MAX_EXTENDS_DEPTH) return fail(`chains more than ${MAX_EXTENDS_DEPTH} profiles deep; extend a profile nearer the built-in one`);
            resolving.add(source.id);
            parent = resolve(parentEntry, depth + 1);
            resolving.delete(source.id);
            if (!parent) return fail(`names '${source.extends}', which could not be loaded itself (see its own problem)`);
        }
        const profile = merge(entry, parent, problems);
        if (!profile) {
            failed.set(source.id, entry);
            return undefined;
        }
        resolved.set(source.id, profile);
        return profile;
    };
    for (const entry of byId.values()) resolve(entry, 0);
    return { profiles: resolved, problems, failed };
}

function merge(entry: SourceEntry, parent: StatutoryProfile | undefined, problems: ResolveProblem[]): StatutoryProfile | undefined {
    const { source } = entry;
    const before = problems.length;
    const roles: Record<string, RoleDefinition> = { ...parent?.roles };
    for (const [id, role] of Object.entries(source.roles ?? {})) roles[id] = { ...role, for: role.for ?? 'actor' };
    let requirements: Requirement[] = [...parent?.requirements ?? []];
    (source.remove ?? []).forEach((id, index) => {
        if (!requirements.some(r => r.id === id)) {
            problems.push({ entry, path: ['remove', index], message: `names '${id}', which is no requirement of '${parent?.id}'; its requirements are ${requirements.map(r => r.id).join(', ')}` });
        }
        requirements = requirements.filter(r => r.id !== id);
    });
    (source.requirements ?? []).forEach((raw, index) => {
        const requirement = withDefaults(raw);
        for (const [roleIndex, role] of rolesNamed(requirement).entries()) {
            const definition = roles[role];
            const wanted = requirement.type === 'sub-forums' ? 'forum' : 'actor';
            const where = ['requirements', index, ...rolePath(requirement, roleIndex)];
            if (!definition) {
                const suggestion = closestKey(role, Object.keys(roles));
                problems.push({ entry, path: where, message: `names the role '${role}', which this profile does not define in "roles"${suggestion ? ` (did you mean '${suggestion}'?)` : ''}` });
            } else if (definition.for !== wanted) {
                problems.push({ entry, path: where, message: `names the role '${role}', which is for ${definition.for}s; this requirement needs a role for ${wanted}s` });
            }
        }
        const existing = requirements.findIndex(r => r.id === requirement.id);
        if (existing >= 0) requirements[existing] = requirement; else requirements.push(requirement);
    });
    if (problems.length > before) return undefined;
    return {
        id: source.id,
        title: source.title,
        kind: source.kind ?? parent?.kind ?? 'law',
        instrument: source.instrument ?? parent!.instrument,
        version: source.version ?? parent!.version,
        ...(parent ? { extends: parent.id } : {}),
        roles,
        requirements,
        ...(source.notes ?? parent?.notes ? { notes: source.notes ?? parent?.notes } : {}),
        unconfirmed: [...parent?.unconfirmed ?? [], ...source.unconfirmed ?? []],
        origin: entry.origin
    };
}

/** Where, inside a requirement, the n-th role it names is written. */
function rolePath(requirement: Requirement, n: number): Array<string | number> {
    switch (requirement.type) {
        case 'sub-forums': return ['role'];
        case 'may-not-vote': {
            const roles = requirement.roles ?? [];
            return n < roles.length ? ['roles', n] : ['onlyRoles', n - roles.length];
        }
        case 'chair': return ['alternate', n];
        case 'instrument': {
            const between = requirement.between ?? [];
            return n < between.length ? ['between', n] : ['by', n - between.length];
        }
        default: return ['roles', n];
    }
}

function withDefaults(raw: RequirementSource): Requirement {
    switch (raw.type) {
        case 'voting-partners': return { min: 1, equal: false, ...raw } as Requirement;
        case 'member': case 'stakeholder': return { min: 1, seat: 'any', ...raw } as Requirement;
        case 'chair': return { from: 'voting', vice: false, ...raw };
        case 'sub-forums': return { min: 1, ...raw } as Requirement;
        default: return { ...raw } as Requirement;
    }
}

function fileName(origin: string): string {
    return origin.split('/').pop() ?? origin;
}
