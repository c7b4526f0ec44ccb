import { isAstNode, type AstNode, type LangiumDocument } from 'langium';
import { documentOf, topLevelOf, type Changes } from './document-changes.js';
import type { WorkspaceModel } from './workspace-model.js';

/** One question asked of the workspace model and its answer. */
interface Read {
    /** The property path to the question (`['money', 'allocationsTo']`), or to a value read whole. */
    path: readonly PropertyKey[];
    /** Absent for a value read whole (a property, or a set iterated). */
    args?: readonly unknown[];
    answer: unknown;
}

/** Properties of the model whose reading means reading every declaration of the workspace. */
const EVERYTHING = new Set<PropertyKey>(['documents', 'arrangements']);
/** Methods of a set, map or array that read all of it. */
const WHOLE = new Set<PropertyKey>([Symbol.iterator, 'forEach', 'keys', 'values', 'entries']);
const UNDERLYING = Symbol('the workspace model a view reads');
/** A node of no document: whatever reads it is never kept. */
const UNKNOWN_NODE = { $type: '(unknown)' } as AstNode;

/**
 * What one arrangement's derived model, its rules, its hover and its report read of
 * the workspace model: every question (who holds this budget, does this actor reach
 * a board) with its answer. After an edit the questions are asked again of the new
 * workspace model; when every answer is the same and nothing read sits in a changed
 * document, the arrangement's findings are those it had (integration-analysis.ts).
 */
export class WorkspaceReads {
    private readonly reads: Read[] = [];
    /** Questions asked already, by path and first argument: a rule that sorts asks the same one many times. */
    private readonly asked = new Map<string, Map<unknown, Read[]>>();
    private everything = false;
    /** The documents of every node asked about or answered. */
    private readonly documents = new Set<LangiumDocument | undefined>();
    /** Their top-level declarations (a domain, an actor, an arrangement). */
    private declarations = new Set<AstNode>();

    /** The workspace model as this arrangement sees it: the same answers, each one written down. */
    view(model: WorkspaceModel): WorkspaceModel {
        return this.recording(model, []) as WorkspaceModel;
    }

    /**
     * Whether every question gets the same answer of the comparison's model, with
     * no node asked about or answered that stands for none now (document-changes.ts), and nothing read
     * that stands for every declaration (a statutory profile's checks read every
     * actor's roles).
     */
    holdIn(comparison: ReadsComparison): boolean {
        if (this.everything) return false;
        const { changes } = comparison;
        // Nothing but titles changed anywhere: only what read a changed document's nodes reads differently.
        let readsChangedDocument = false;
        for (const document of this.documents) {
            if (!changes.documentChanged(document)) continue;
            readsChangedDocument = true;
            break;
        }
        if (changes.declarationsAlike && !readsChangedDocument) return true;
        // A declaration read that stands for none now: whatever read its nodes may read differently.
        if (readsChangedDocument) {
            for (const declaration of this.declarations) if (changes.counterpart(declaration) === undefined) return false;
        }
        const answers: Read[] = [];
        for (const read of this.reads) {
            const args = read.args && standingFor(read.args, changes.counterpart);
            if (args === LOST) return false;
            if (changes.declarationsAlike) {
                // The model is the last one with each node put for the one standing for it: so is the answer.
                const answer = standingFor(read.answer, changes.counterpart);
                if (answer === LOST) return false;
                answers.push(args ? { path: read.path, args: args as unknown[], answer } : { path: read.path, answer });
                continue;
            }
            // Else each question asked again, of the nodes standing now for those it was asked of.
            if (comparison.touchesChange(read.answer)) return false;
            const asked = comparison.sameAnswer(read, args as unknown[] | undefined);
            if (!asked.same) return false;
            answers.push(args ? { path: read.path, args: args as unknown[], answer: asked.answer } : { path: read.path, answer: asked.answer });
        }
        // Nothing read moved: the answers written down name the nodes of now already.
        if (!readsChangedDocument) return true;
        // Else written down as of now, for the next build to compare with.
        this.declarations = new Set([...this.declarations].map(declaration => changes.counterpart(declaration)!));
        this.asked.clear();
        answers.forEach((read, i) => {
            this.reads[i] = read;
            this.askedAlready(keyOf(read.path), read.args?.[0]).push(read);
        });
        return true;
    }

    private recording(target: object, path: readonly PropertyKey[]): object {
        const functions = new Map<PropertyKey, unknown>();
        const nested = new Map<PropertyKey, object>();
        return new Proxy(target, {
            get: (real, property) => {
                if (property === UNDERLYING) return real;
                const value: unknown = Reflect.get(real, property, real);
                if (typeof value === 'function') {
                    let recorded = functions.get(property);
                    if (!recorded) functions.set(property, recorded = this.recordedFunction(real, path, property, value as (...args: unknown[]) => unknown));
                    return recorded;
                }
                if (path.length === 0 && EVERYTHING.has(property)) {
                    this.everything = true;
                    return value;
                }
                if (value !== null && typeof value === 'object' && !Array.isArray(value) && !isAstNode(value)) {
                    let view = nested.get(property);
                    if (!view) nested.set(property, view = this.recording(value, [...path, property]));
                    return view;
                }
                this.note(keyOf([...path, property]), [...path, property], undefined, value);
                return value;
            }
        });
    }

    private recordedFunction(real: object, path: readonly PropertyKey[], property: PropertyKey, method: (...args: unknown[]) => unknown): (...args: unknown[]) => unknown {
        const wholeValue = WHOLE.has(property) && (real instanceof Set || real instanceof Map);
        const where = [...path, property];
        const key = keyOf(wholeValue ? path : where);
        return (...args) => {
            // Iterating a set reads all of it: its members are the answer.
            if (wholeValue) this.note(key, path, undefined, real);
            const answer = method.apply(real, args);
            if (!wholeValue) this.note(key, where, args, answer);
            return answer;
        };
    }

    private note(key: string, path: readonly PropertyKey[], args: readonly unknown[] | undefined, answer: unknown): void {
        const reads = this.askedAlready(key, args?.[0]);
        if (reads.some(read => sameArgs(read.args, args))) return;
        const read: Read = args ? { path, args: [...args], answer } : { path, answer };
        reads.push(read);
        this.reads.push(read);
        nodesIn(answer, node => this.noteNode(node));
        if (args) nodesIn(args, node => this.noteNode(node));
    }

    private noteNode(node: AstNode): void {
        const declaration = topLevelOf(node);
        if (this.declarations.has(declaration)) return;
        this.declarations.add(declaration);
        this.documents.add(documentOf(declaration));
    }

    private askedAlready(key: string, first: unknown): Read[] {
        let byFirst = this.asked.get(key);
        if (!byFirst) this.asked.set(key, byFirst = new Map());
        let reads = byFirst.get(first);
        if (!reads) byFirst.set(first, reads = []);
        return reads;
    }
}

/**
 * The questions of every arrangement asked again of one new workspace model.
 * Arrangements get many of the same answers (the forums a shared actor sits on),
 * so each answer is searched for changed nodes, and found the same, once.
 */
export class ReadsComparison {
    private readonly touched = new WeakMap<object, boolean>();
    /** An earlier answer found the same as a new one. */
    private readonly agreed = new WeakMap<object, unknown>();

    constructor(private readonly model: WorkspaceModel, readonly changes: Changes) {}

    /** Whether an answer (or the arguments of a question) holds a node that stands for none now. */
    touchesChange(value: unknown): boolean {
        if (value === null || typeof value !== 'object') return false;
        if (isAstNode(value)) return this.changes.counterpart(value) === undefined;
        let touched = this.touched.get(value);
        if (touched === undefined) this.touched.set(value, touched = touches(value, node => this.changes.counterpart(node) === undefined));
        return touched;
    }

    /** The question asked again (of `args`, the nodes standing now for its own), and whether it gets the same answer. */
    sameAnswer(read: Read, args: readonly unknown[] | undefined): { same: boolean; answer?: unknown } {
        let answer: unknown;
        try {
            answer = ask(this.model, read.path, args);
        } catch {
            return { same: false };
        }
        const earlier = read.answer;
        const isObject = earlier !== null && typeof earlier === 'object';
        if (isObject && this.agreed.get(earlier) === answer) return { same: true, answer };
        const agrees = same(earlier, answer, this.changes.counterpart);
        if (agrees && isObject) this.agreed.set(earlier, answer);
        return { same: agrees, answer };
    }
}

/** The model a view reads (for indexes built once per model), or the model itself. */
export function underlyingModel(workspace: WorkspaceModel): WorkspaceModel {
    return (workspace as unknown as Record<symbol, WorkspaceModel | undefined>)[UNDERLYING] ?? workspace;
}

function keyOf(path: readonly PropertyKey[]): string {
    return path.map(String).join('.');
}

function ask(model: WorkspaceModel, path: readonly PropertyKey[], args: readonly unknown[] | undefined): unknown {
    let holder: unknown = model;
    for (const property of path.slice(0, args ? -1 : undefined)) holder = (holder as Record<PropertyKey, unknown>)[property];
    if (!args) return holder;
    const method = (holder as Record<PropertyKey, (...args: unknown[]) => unknown>)[path[path.length - 1]];
    return method.apply(holder, args as unknown[]);
}

/** A node that stands for none now: an answer holding it may be another now. */
const LOST = Symbol('lost');

/**
 * An answer (or the arguments of a question) with each node put for the one
 * standing for it now: itself when nothing in it changed; `LOST` when a node of
 * it stands for none, or it is deeper or of another kind than `nodesIn` looks into.
 */
function standingFor(value: unknown, counterpart: (node: AstNode) => AstNode | undefined, depth = 0): unknown {
    if (value === null || typeof value !== 'object') return value;
    if (isAstNode(value)) return counterpart(value) ?? LOST;
    if (depth > 3) return LOST;
    let moved = false;
    const put = (member: unknown) => {
        const now = standingFor(member, counterpart, depth + 1);
        if (now !== member) moved = true;
        return now;
    };
    if (Array.isArray(value) || value instanceof Set) {
        const members = [...value as Iterable<unknown>].map(put);
        if (members.includes(LOST)) return LOST;
        return !moved ? value : Array.isArray(value) ? members : new Set(members);
    }
    if (value instanceof Map) {
        const entries = [...value].map(([key, member]) => [put(key), put(member)] as const);
        if (entries.some(([key, member]) => key === LOST || member === LOST)) return LOST;
        return moved ? new Map(entries) : value;
    }
    if (Object.getPrototypeOf(value) !== Object.prototype) return LOST;
    const fields = Object.entries(value).map(([key, member]) => [key, put(member)] as const);
    if (fields.some(([, member]) => member === LOST)) return LOST;
    return moved ? Object.fromEntries(fields) : value;
}

/** Arguments alike: the same nodes, or sets and lists of them (a hover asks the route to `new Set(boards)` each time). */
function sameArgs(a: readonly unknown[] | undefined, b: readonly unknown[] | undefined): boolean {
    if (!a || !b) return a === b;
    return a.length === b.length && a.every((value, i) => same(value, b[i], node => node));
}

/**
 * Whether two answers are the same: the same nodes (`counterpart`: the one standing
 * now for one of the last build) in the same order, sets with the same members.
 */
function same(a: unknown, b: unknown, counterpart: (node: AstNode) => AstNode | undefined, depth = 0): boolean {
    if (a === b) return true;
    if (depth > 3 || a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return Number.isNaN(a) && Number.isNaN(b);
    if (isAstNode(a)) return counterpart(a) === b;
    if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((value, i) => same(value, b[i], counterpart, depth + 1));
    if (a instanceof Set) return b instanceof Set && a.size === b.size && [...a].every(member => b.has(isAstNode(member) ? counterpart(member) : member));
    if (a instanceof Map) {
        const mapped = (key: unknown) => isAstNode(key) ? counterpart(key) : key;
        return b instanceof Map && a.size === b.size && [...a].every(([key, value]) => b.has(mapped(key)) && same(value, b.get(mapped(key)), counterpart, depth + 1));
    }
    // A record (a route's step, an allocation) is the same as one with the same fields.
    if (isAstNode(b) || Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return false;
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length
        && keys.every(key => same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], counterpart, depth + 1));
}

/** Whether an answer (or the arguments of a question) holds a node of a changed document. */
function touches(value: unknown, changed: (node: AstNode) => boolean): boolean {
    let found = false;
    nodesIn(value, node => found ||= changed(node));
    return found;
}

/**
 * Calls `visit` with every node in an answer: itself, or in an array, set, map
 * or record of them. Anything deeper than a few levels, or of another kind,
 * stands for a node of no document, one that never counts as unchanged.
 */
function nodesIn(value: unknown, visit: (node: AstNode) => void, depth = 0): void {
    if (value === null || typeof value !== 'object') return;
    if (isAstNode(value)) visit(value);
    else if (depth > 3) visit(UNKNOWN_NODE);
    else if (Array.isArray(value) || value instanceof Set) for (const member of value) nodesIn(member, visit, depth + 1);
    else if (value instanceof Map) {
        for (const [key, member] of value) {
            nodesIn(key, visit, depth + 1);
            nodesIn(member, visit, depth + 1);
        }
    } else if (Object.getPrototypeOf(value) === Object.prototype) for (const member of Object.values(value)) nodesIn(member, visit, depth + 1);
    else visit(UNKNOWN_NODE);
}
