import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { profileSchema, validateAgainst, pathText, type SchemaProblem } from './profile-schema.js';
import type { Requirement, RoleDefinition } from './profile.js';

/** A profile file over this size is not read (docs/profiles.md): a profile of the four built-in ones' kind is a few KB. */
export const MAX_PROFILE_BYTES = 256 * 1024;
/** Deeper nesting than any profile needs: past it the file is refused before parsing. */
export const MAX_PROFILE_DEPTH = 32;

/** Why a profile file of this many bytes is not read. */
export function tooLargeMessage(bytes: number): string {
    return `This profile file is ${formatSize(bytes)}; a profile may be at most ${formatSize(MAX_PROFILE_BYTES)}: it was not read`;
}

/** A profile as its file gives it, before `extends` is resolved. */
export interface ProfileSource {
    id: string;
    title: string;
    kind?: 'law' | 'standard';
    instrument?: { citation: string; url: string };
    version?: string;
    extends?: string;
    remove?: string[];
    roles?: Record<string, RoleSource>;
    requirements?: RequirementSource[];
    notes?: string;
    unconfirmed?: string[];
}

export type RoleSource = Omit<RoleDefinition, 'for'> & { for?: RoleDefinition['for'] };
/** Defaults (`min`, `equal`, `seat`…) are filled in when the profile is resolved. */
export type RequirementSource = Partial<Requirement> & Pick<Requirement, 'type' | 'id' | 'title' | 'section'>;

/** A problem in a profile file, at an offset of its text. */
export interface ProfileFileProblem {
    offset: number;
    length: number;
    /** `syntax` when the file is not JSON at all, `semantic` when it is JSON but not a profile. */
    rule: 'syntax' | 'semantic';
    message: string;
}

export interface ParsedProfileFile {
    source?: ProfileSource;
    problems: ProfileFileProblem[];
    /** Where each key path is in the text, for problems found later (a missing role, a bad `extends`). */
    locate(path: ReadonlyArray<string | number>): { offset: number; length: number };
}

/**
 * Reads one profile file's text: JSON (no comments, no trailing commas), then the
 * schema, then the checks the schema cannot make (unique requirement ids, roles
 * that the requirements name). Never throws: every problem names its key.
 */
export function parseProfileText(text: string): ParsedProfileFile {
    const none = { problems: [] as ProfileFileProblem[], locate: () => ({ offset: 0, length: 0 }) };
    const bytes = Buffer.byteLength(text, 'utf-8');
    if (bytes > MAX_PROFILE_BYTES) {
        return { ...none, problems: [{ offset: 0, length: 0, rule: 'syntax', message: tooLargeMessage(bytes) }] };
    }
    const depth = nestingProblem(text);
    if (depth) return { ...none, problems: [{ ...depth, length: 1, rule: 'syntax' }] };
    const errors: ParseError[] = [];
    const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    if (errors.length > 0 || !tree) {
        const first = errors[0];
        return {
            ...none,
            problems: [{ offset: first?.offset ?? 0, length: first?.length ?? 0, rule: 'syntax', message: `This profile file is not valid JSON: ${parseErrorWords(first)}` }]
        };
    }
    const locate = (path: ReadonlyArray<string | number>) => locateIn(tree, path);
    const problems: ProfileFileProblem[] = duplicateKeys(tree);
    const value: unknown = getNodeValue(tree);
    const at = (problem: SchemaProblem): ProfileFileProblem => ({ ...locate(problem.path), rule: 'semantic', message: `${pathText(problem.path)} ${problem.message}` });
    problems.push(...validateAgainst(value, profileSchema()).map(at));
    if (problems.length > 0) return { problems, locate };
    const source = value as ProfileSource;
    problems.push(...crossChecks(source).map(at));
    // A profile with any problem is not loaded: a model naming it is told why instead.
    return problems.length > 0 ? { problems, locate } : { source, problems, locate };
}

/** What the schema cannot say: a profile that extends nothing must be complete; ids unique. */
function crossChecks(source: ProfileSource): SchemaProblem[] {
    const problems: SchemaProblem[] = [];
    if (source.extends === undefined) {
        for (const key of ['instrument', 'version', 'requirements'] as const) {
            if (source[key] === undefined) problems.push({ path: [], message: `is missing "${key}" (only a profile that \`extends\` another may leave it out)` });
        }
        if (source.remove !== undefined) problems.push({ path: ['remove'], message: 'removes requirements, but the profile extends none: add "extends"' });
    }
    if (source.extends === source.id) problems.push({ path: ['extends'], message: `names the profile itself ('${source.id}'): a profile cannot extend itself` });
    const seen = new Set<string>();
    (source.requirements ?? []).forEach((requirement, index) => {
        if (seen.has(requirement.id)) problems.push({ path: ['requirements', index, 'id'], message: `repeats the id '${requirement.id}': each requirement needs its own` });
        seen.add(requirement.id);
        if (requirement.type === 'may-not-vote' && !requirement.roles && !requirement.onlyRoles && !requirement.providers) {
            problems.push({ path: ['requirements', index], message: 'says nobody: give "roles", "onlyRoles" or "providers"' });
        }
    });
    return problems;
}

function locateIn(tree: JsonNode, path: ReadonlyArray<string | number>): { offset: number; length: number } {
    for (let length = path.length; length >= 0; length--) {
        const node = findNodeAtLocation(tree, [...path.slice(0, length)]);
        if (!node) continue;
        // A key that should not be there: point at the key, not its value.
        const target = length === path.length && node.parent?.type === 'property' ? node.parent.children?.[0] ?? node : node;
        return { offset: target.offset, length: target.length };
    }
    return { offset: tree.offset, length: 1 };
}

function duplicateKeys(tree: JsonNode): ProfileFileProblem[] {
    const problems: ProfileFileProblem[] = [];
    const walk = (node: JsonNode) => {
        if (problems.length >= 20) return;
        if (node.type === 'object') {
            const seen = new Set<string>();
            for (const property of node.children ?? []) {
                const key = property.children?.[0];
                if (key && typeof key.value === 'string') {
                    if (seen.has(key.value)) problems.push({ offset: key.offset, length: key.length, rule: 'semantic', message: `The key "${key.value}" is given twice in one object: give it once` });
                    seen.add(key.value);
                }
            }
        }
        for (const child of node.children ?? []) walk(child);
    };
    walk(tree);
    return problems;
}

/** Nesting deeper than MAX_PROFILE_DEPTH, outside strings: found in one pass, before a recursive parser sees it. */
function nestingProblem(text: string): { offset: number; message: string } | undefined {
    let depth = 0;
    let inString = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (inString) {
            if (c === '\\') i++;
            else if (c === '"') inString = false;
        } else if (c === '"') {
            inString = true;
        } else if (c === '{' || c === '[') {
            if (++depth > MAX_PROFILE_DEPTH) return { offset: i, message: `This profile file nests objects and lists over ${MAX_PROFILE_DEPTH} deep; no profile needs that: it was not read` };
        } else if (c === '}' || c === ']') {
            depth--;
        }
    }
    return undefined;
}

const PARSE_ERROR_WORDS: Record<string, string> = {
    InvalidSymbol: 'an unexpected character', InvalidNumberFormat: 'a malformed number', PropertyNameExpected: 'a key (in double quotes) was expected',
    ValueExpected: 'a value was expected', ColonExpected: 'a colon was expected', CommaExpected: 'a comma was expected',
    CloseBraceExpected: 'a closing } was expected', CloseBracketExpected: 'a closing ] was expected', EndOfFileExpected: 'the file should end here',
    InvalidCommentToken: 'comments are not allowed in JSON', UnexpectedEndOfComment: 'a comment does not end', UnexpectedEndOfString: 'a string does not end',
    UnexpectedEndOfNumber: 'a number does not end', InvalidUnicode: 'a malformed \\u escape', InvalidEscapeCharacter: 'a malformed escape', InvalidCharacter: 'a character that JSON does not allow in a string'
};

function parseErrorWords(error: ParseError | undefined): string {
    if (!error) return 'the file is empty';
    const code = printParseErrorCode(error.error);
    return PARSE_ERROR_WORDS[code] ?? code;
}

function formatSize(bytes: number): string {
    return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}
