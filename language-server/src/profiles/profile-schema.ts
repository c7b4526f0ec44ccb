/**
 * The published JSON Schema of a profile file (`schemas/joinery-profile.schema.json`,
 * written by `npm run docs`), and the validator that reads a parsed profile against
 * it. The validator interprets the subset of JSON Schema this schema uses, so the
 * file editors check against and the check Joinery makes are one definition; each
 * error names the key it is about (`requirements[2].min`).
 */

export interface SchemaNode {
    type?: 'object' | 'array' | 'string' | 'integer' | 'boolean';
    description?: string;
    enum?: readonly string[];
    const?: string;
    pattern?: string;
    minLength?: number;
    maxLength?: number;
    minimum?: number;
    maximum?: number;
    minItems?: number;
    maxItems?: number;
    uniqueItems?: boolean;
    properties?: Record<string, SchemaNode>;
    required?: readonly string[];
    additionalProperties?: false | SchemaNode;
    propertyNames?: SchemaNode;
    maxProperties?: number;
    items?: SchemaNode;
    /** Requirements: one branch per `type`, chosen by its `const`. */
    oneOf?: readonly SchemaNode[];
}

/** Each hyphened part starts with a letter, as a word does in a model: `england-2014` could not be written after `profile`. */
export const PROFILE_ID_PATTERN = '^[a-z][a-z0-9]*(-[a-z][a-z0-9]*)*$';
const WORD = { type: 'string', pattern: PROFILE_ID_PATTERN, maxLength: 60 } as const;
const TEXT = (description: string, maxLength = 500): SchemaNode => ({ type: 'string', minLength: 1, maxLength, description });
const ROLE_LIST = (description: string): SchemaNode => ({ type: 'array', items: { ...WORD, description: 'a role id of this profile' }, minItems: 1, maxItems: 50, uniqueItems: true, description });

const INSTRUMENT: SchemaNode = {
    type: 'object',
    description: 'A legal instrument or standard: its citation and a public URL of its text.',
    additionalProperties: false,
    required: ['citation', 'url'],
    properties: {
        citation: TEXT('The instrument as it is cited: "Crime and Disorder Act 1998".', 300),
        url: { type: 'string', pattern: '^https?://[^\\s]+$', maxLength: 500, description: 'A public URL of its text (legislation.gov.uk for UK law).' }
    }
};

/** What every requirement has, besides its type's own keys. */
function requirement(type: string, description: string, own: Record<string, SchemaNode>, required: string[] = []): SchemaNode {
    return {
        type: 'object',
        description,
        additionalProperties: false,
        required: ['type', 'id', 'title', 'section', ...required],
        properties: {
            type: { type: 'string', const: type, description },
            id: { ...WORD, description: 'Unique within the profile; a project profile that extends this one replaces a requirement by giving its id.' },
            title: TEXT('What it requires, in a few words, as findings and checklists show it.', 200),
            section: TEXT('Where the instrument says so: "art. 3(1)(a)", "s.32".', 100),
            instrument: { ...INSTRUMENT, description: 'Another instrument than the profile\'s own, when the requirement comes from one.' },
            note: TEXT('Anything a reader should know about this requirement, such as what could not be confirmed.', 2000),
            ...own
        }
    };
}

const MIN = (description: string): SchemaNode => ({ type: 'integer', minimum: 0, maximum: 1000, description });

export const REQUIREMENT_TYPES = ['voting-partners', 'member', 'stakeholder', 'may-not-vote', 'chair', 'sub-forums', 'instrument'] as const;

const REQUIREMENT: SchemaNode = {
    description: 'One thing the instrument requires; `type` says which kind.',
    oneOf: [
        requirement('voting-partners', 'Voting seats drawn from the partners carrying `roles`: at least `min` each, and equal numbers when `equal`.', {
            roles: ROLE_LIST('The partners\' roles, such as health-board and local-authority.'),
            min: MIN('The fewest voting seats each must hold (default 1).'),
            equal: { type: 'boolean', description: 'Whether each must hold the same number of seats (default false).' }
        }, ['roles']),
        requirement('member', 'A prescribed member: at least `min` members carrying one of `roles`.', {
            roles: ROLE_LIST('Any of these roles meets it.'),
            min: MIN('How many such members at least (default 1).'),
            seat: { type: 'string', enum: ['voting', 'advisory', 'any'], description: 'The seat the instrument gives (default any); a quick fix adds an advisory member when it is advisory.' }
        }, ['roles']),
        requirement('stakeholder', 'A stakeholder member (staff, the third sector, service users, carers): at least `min` members carrying one of `roles`.', {
            roles: ROLE_LIST('Any of these roles meets it.'),
            min: MIN('How many such members at least (default 1).'),
            seat: { type: 'string', enum: ['voting', 'advisory', 'any'], description: 'The seat the instrument gives (default any).' }
        }, ['roles']),
        requirement('may-not-vote', 'Who may not vote: members carrying `roles`; anyone not carrying one of `onlyRoles`; with `providers`, a member that delivers a service the forum\'s budgets fund.', {
            roles: ROLE_LIST('Members carrying these roles may not vote.'),
            onlyRoles: ROLE_LIST('Only members carrying these roles may vote.'),
            providers: { type: 'boolean', description: 'A voting member may not deliver a service funded by a budget the forum controls or holds (unless it carries one of `onlyRoles`).' }
        }),
        requirement('chair', 'A chair (and a vice-chair) drawn from the members, alternating between partners.', {
            from: { type: 'string', enum: ['voting', 'members'], description: 'Drawn from the voting members (default) or from any member.' },
            vice: { type: 'boolean', description: 'Whether a vice-chair is required too, from the other side (default false).' },
            alternate: ROLE_LIST('The partners whose members hold the chair in turn.')
        }),
        requirement('sub-forums', 'Forums carrying `role` that report to this one (directly or through others), at least `min` of them.', {
            role: { ...WORD, description: 'The forum role, such as strategic-planning-group or locality.' },
            min: MIN('How many at least (default 1).')
        }, ['role']),
        requirement('instrument', 'A required instrument: directions to the partners, an agreement between them, or an annual report.', {
            kind: { type: 'string', enum: ['directions', 'agreement', 'annual-report'], description: 'Which instrument.' },
            between: ROLE_LIST('Directions to, or an agreement between, an actor carrying each of these roles.'),
            by: ROLE_LIST('For an annual report: who makes it; else the forum itself.')
        }, ['kind'])
    ]
};

const ROLE: SchemaNode = {
    type: 'object',
    description: 'A role that actors (or forums) carry with `role <id>`.',
    additionalProperties: false,
    required: ['title'],
    properties: {
        title: TEXT('What the role is, in a few words: "Chief officer of the integration joint board".', 200),
        for: { type: 'string', enum: ['actor', 'forum'], description: 'What carries it (default actor).' },
        sector: { type: 'string', enum: ['government', 'statutory', 'third', 'independent', 'community'], description: 'The sector a quick fix gives a new actor of this role.' },
        description: TEXT('More about who may hold it.', 2000)
    }
};

/** The schema of one profile file (JSON Schema draft-07). */
export function profileSchema(): SchemaNode & Record<string, unknown> {
    return {
        $schema: 'http://json-schema.org/draft-07/schema#',
        title: 'Joinery statutory profile',
        description: 'What the law or standard that constitutes a forum requires of it (docs/profiles.md).',
        type: 'object',
        additionalProperties: false,
        required: ['id', 'title'],
        properties: {
            $schema: { type: 'string', maxLength: 500, description: 'This schema, for editors.' },
            id: { ...WORD, description: 'The id models name: `profile <id>` on a forum or an arrangement.' },
            title: TEXT('The kind of body it describes: "Integration joint board (Scotland)".', 200),
            kind: { type: 'string', enum: ['law', 'standard'], description: 'Whether the instrument is law or a practice standard (default law).' },
            instrument: INSTRUMENT,
            version: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'The date of the version of the instrument this profile encodes (YYYY-MM-DD).' },
            extends: { ...WORD, description: 'A profile (built-in or of this project) this one starts from: its roles and requirements are kept unless replaced by id or listed in `remove`.' },
            remove: { type: 'array', items: WORD, maxItems: 500, uniqueItems: true, description: 'Requirements of the extended profile to drop, by id.' },
            roles: { type: 'object', propertyNames: WORD, maxProperties: 500, additionalProperties: ROLE, description: 'The roles this profile\'s requirements name, by id.' },
            requirements: { type: 'array', items: REQUIREMENT, maxItems: 500, description: 'What the instrument requires.' },
            notes: TEXT('About the profile as a whole.', 5000),
            unconfirmed: { type: 'array', items: TEXT('One thing that could not be confirmed from the instrument\'s text.', 2000), maxItems: 200, description: 'What the profile\'s author could not confirm from the instrument\'s text.' }
        }
    };
}

/** One problem with a profile file: the key it is about (a JSON path) and what is wrong. */
export interface SchemaProblem {
    path: Array<string | number>;
    message: string;
}

/** `requirements[2].min`, or `(the file)` for the top level. */
export function pathText(path: ReadonlyArray<string | number>): string {
    if (path.length === 0) return 'the profile';
    return path.map((part, index) => typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`).join('');
}

/** The problems of a parsed value against a schema node; at most `limit`, so a huge file costs little. */
export function validateAgainst(value: unknown, schema: SchemaNode, limit = 20): SchemaProblem[] {
    const problems: SchemaProblem[] = [];
    check(value, schema, [], problems, limit);
    return problems;
}

function check(value: unknown, schema: SchemaNode, path: Array<string | number>, problems: SchemaProblem[], limit: number): void {
    if (problems.length >= limit) return;
    const fail = (message: string) => { problems.push({ path, message }); };
    if (schema.oneOf) {
        checkBranch(value, schema.oneOf, path, problems, limit);
        return;
    }
    switch (schema.type) {
        case 'object': {
            if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(`must be an object, not ${describe(value)}`);
            const record = value as Record<string, unknown>;
            const keys = Object.keys(record);
            if (schema.maxProperties !== undefined && keys.length > schema.maxProperties) return fail(`has ${keys.length} keys; at most ${schema.maxProperties} are allowed`);
            for (const key of schema.required ?? []) {
                if (!(key in record)) fail(`is missing "${key}"`);
            }
            for (const key of keys) {
                const known = schema.properties?.[key];
                if (known) {
                    check(record[key], known, [...path, key], problems, limit);
                } else if (schema.additionalProperties === false) {
                    const suggestion = closestKey(key, Object.keys(schema.properties ?? {}));
                    problems.push({ path: [...path, key], message: `is not a key of ${path.length ? 'this object' : 'a profile'}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; allowed: ${Object.keys(schema.properties ?? {}).join(', ')}` });
                } else {
                    if (schema.propertyNames) check(key, schema.propertyNames, [...path, key], problems, limit);
                    if (schema.additionalProperties) check(record[key], schema.additionalProperties, [...path, key], problems, limit);
                }
                if (problems.length >= limit) return;
            }
            return;
        }
        case 'array': {
            if (!Array.isArray(value)) return fail(`must be a list, not ${describe(value)}`);
            if (schema.minItems !== undefined && value.length < schema.minItems) return fail(`must list at least ${schema.minItems}`);
            if (schema.maxItems !== undefined && value.length > schema.maxItems) return fail(`lists ${value.length}; at most ${schema.maxItems} are allowed`);
            if (schema.uniqueItems) {
                const seen = new Set<string>();
                value.forEach((item, index) => {
                    const key = JSON.stringify(item);
                    if (seen.has(key)) problems.push({ path: [...path, index], message: `repeats ${key}` });
                    seen.add(key);
                });
            }
            value.forEach((item, index) => { if (schema.items) check(item, schema.items, [...path, index], problems, limit); });
            return;
        }
        case 'string': {
            if (typeof value !== 'string') return fail(`must be a string, not ${describe(value)}`);
            if (schema.const !== undefined && value !== schema.const) return fail(`must be "${schema.const}"`);
            if (schema.enum && !schema.enum.includes(value)) return fail(`is "${clip(value)}"; use one of ${schema.enum.join(', ')}`);
            if (schema.minLength !== undefined && value.length < schema.minLength) return fail('must not be empty');
            if (schema.maxLength !== undefined && value.length > schema.maxLength) return fail(`is ${value.length} characters long; at most ${schema.maxLength} are allowed`);
            if (schema.pattern && !new RegExp(schema.pattern).test(value)) return fail(`is "${clip(value)}": ${patternWords(schema.pattern)}`);
            return;
        }
        case 'integer': {
            if (typeof value !== 'number' || !Number.isInteger(value)) return fail(`must be a whole number, not ${describe(value)}`);
            if (schema.minimum !== undefined && value < schema.minimum) return fail(`is ${value}; it must be at least ${schema.minimum}`);
            if (schema.maximum !== undefined && value > schema.maximum) return fail(`is ${value}; it must be at most ${schema.maximum}`);
            return;
        }
        case 'boolean':
            if (typeof value !== 'boolean') fail(`must be true or false, not ${describe(value)}`);
            return;
    }
}

/** A requirement: the branch whose `type` constant is the value's `type`. */
function checkBranch(value: unknown, branches: readonly SchemaNode[], path: Array<string | number>, problems: SchemaProblem[], limit: number): void {
    const types = branches.map(branch => branch.properties?.type?.const ?? '');
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        problems.push({ path, message: `must be an object with a "type" (${types.join(', ')}), not ${describe(value)}` });
        return;
    }
    const type = (value as { type?: unknown }).type;
    const branch = branches.find(b => b.properties?.type?.const === type);
    if (!branch) {
        const suggestion = typeof type === 'string' ? closestKey(type, types) : undefined;
        problems.push({
            path: [...path, 'type'],
            message: type === undefined ? `is missing; use one of ${types.join(', ')}`
                : `is ${JSON.stringify(type)}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; use one of ${types.join(', ')}`
        });
        return;
    }
    check(value, branch, path, problems, limit);
}

function describe(value: unknown): string {
    if (value === null) return 'null';
    if (Array.isArray(value)) return 'a list';
    if (typeof value === 'string') return `the string "${clip(value)}"`;
    if (typeof value === 'object') return 'an object';
    return `${typeof value === 'number' ? 'the number' : typeof value} ${String(value)}`;
}

function clip(text: string): string {
    return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function patternWords(pattern: string): string {
    if (pattern === PROFILE_ID_PATTERN) return 'use lower-case words joined by hyphens (scotland-ijb, chief-officer)';
    if (pattern.startsWith('^\\d{4}')) return 'write the date as YYYY-MM-DD';
    if (pattern.startsWith('^https?')) return 'give an http or https URL';
    return `it must match ${pattern}`;
}

/** The nearest allowed key, for "did you mean": a key at most a third different. */
export function closestKey(key: string, candidates: readonly string[]): string | undefined {
    let best: string | undefined;
    let bestDistance = Math.max(1, Math.floor(key.length / 3)) + 1;
    for (const candidate of candidates) {
        const distance = levenshtein(key.toLowerCase(), candidate.toLowerCase());
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}

function levenshtein(a: string, b: string): number {
    if (Math.abs(a.length - b.length) > 10) return 99;
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        previous = current;
    }
    return previous[b.length];
}
