import type { IToken, TokenType } from 'chevrotain';
import { createCompletionParser, type LangiumCompletionParser, type LangiumCoreServices } from 'langium';

/**
 * Chevrotain's error recovery, made linear in the number of errors. Found by
 * fuzzing: about 2,000 broken declarations in a row (a declaration pasted with
 * smart quotes, then repeated) overflowed the stack, and once that was fixed took
 * 3 s to parse 143 KB. Both patches keep Chevrotain's results exactly; they only
 * change how it gets there.
 *
 * They replace two methods of Chevrotain's parser and read its internal state, so
 * they are written for one version of it: CHEVROTAIN_VERSION, the one Langium 4.4
 * brings. test/robustness/parser-recovery-guard.test.ts fails when the version, or
 * any member below, changes, and when a Joinery parser is left unpatched.
 */
export const CHEVROTAIN_VERSION = '13.2.0';

/** The parts of Chevrotain's parser (13.2) that recovery uses, with the number of parameters of each method. */
interface RecoveringParser {
    /**
     * The names of the rules being parsed, outermost first, in `RULE_STACK[0..RULE_STACK_IDX]`:
     * since Chevrotain 12 the array is reused and never shrinks, so its length is
     * the deepest the parse has been, not the current depth.
     */
    RULE_STACK: number[];
    RULE_STACK_IDX: number;
    currIdx: number;
    tokVector: IToken[];
    tokVectorLength: number;
    tokenMatcher(token: IToken, type: TokenType): boolean;
    LA(howMuch: number): IToken;
    flattenFollowSet(): TokenType[];
    findReSyncTokenType(): TokenType;
    tryInRepetitionRecovery(repetition: (...args: unknown[]) => void, args: unknown[], lookahead: () => boolean, expected: unknown): void;
    /** The caller of tryInRepetitionRecovery (not replaced: it must call it through `this`). */
    attemptInRepetitionRecovery(...args: unknown[]): void;
}

const METHODS: ReadonlyArray<[keyof RecoveringParser, number]> = [
    ['tryInRepetitionRecovery', 4], ['findReSyncTokenType', 0], ['flattenFollowSet', 0],
    ['tokenMatcher', 2], ['LA', 1], ['attemptInRepetitionRecovery', 7]
];
const NUMBERS: ReadonlyArray<keyof RecoveringParser> = ['RULE_STACK_IDX', 'currIdx', 'tokVectorLength'];
const ARRAYS: ReadonlyArray<keyof RecoveringParser> = ['RULE_STACK', 'tokVector'];

/**
 * What about a Chevrotain parser (Langium's `wrapper`) does not match what the
 * patches rely on, or undefined if it all does.
 */
export function recoveryInternalsMismatch(parser: unknown): string | undefined {
    if (typeof parser !== 'object' || parser === null) return 'no Chevrotain parser';
    const members = parser as Record<string, unknown>;
    for (const [name, parameters] of METHODS) {
        const method = members[name];
        if (typeof method !== 'function') return `${name} is not a method`;
        if (method.length !== parameters) return `${name} takes ${method.length} parameters, not ${parameters}`;
    }
    for (const name of NUMBERS) if (typeof members[name] !== 'number') return `${name} is not a number`;
    for (const name of ARRAYS) if (!Array.isArray(members[name])) return `${name} is not an array`;
    return undefined;
}

/** The Chevrotain parsers patched here. */
const linear = new WeakSet<object>();

/** The Chevrotain parser inside a Langium parser (document or completion). */
export function chevrotainParserOf(langiumParser: object): unknown {
    return (langiumParser as { wrapper?: unknown }).wrapper;
}

/** Makes the recovery of a Langium parser (document or completion) linear, if Chevrotain's internals are still those it was written for. */
export function makeRecoveryLinear(langiumParser: object): void {
    const parser = chevrotainParserOf(langiumParser);
    if (recoveryInternalsMismatch(parser) !== undefined || linear.has(parser as object)) return;
    flattenRepetitionRecovery(parser as RecoveringParser);
    indexReSyncSearch(parser as RecoveringParser);
    linear.add(parser as object);
}

/** Whether the Langium parser's recovery was made linear. */
export function hasLinearRecovery(langiumParser: object): boolean {
    const parser = chevrotainParserOf(langiumParser);
    return typeof parser === 'object' && parser !== null && linear.has(parser);
}

/**
 * Langium's completion parser (it re-parses the text up to the cursor), with the
 * same recovery: without it, completion in a file of 2,000 broken declarations
 * overflowed the stack.
 */
export function createLinearCompletionParser(services: LangiumCoreServices): LangiumCompletionParser {
    const parser = createCompletionParser(services);
    makeRecoveryLinear(parser);
    return parser;
}

/**
 * Chevrotain recovers from an error inside a repetition (`partners A, B`, the
 * declarations of a file) by skipping to where the repetition can go on and
 * calling it again from within itself: each error cost a dozen stack frames until
 * the repetition ended. That call is the last thing the repetition does, so a loop
 * can make it instead: the first recovery of a repetition repeats it while the
 * recoveries nested in it (the same repetition at the same rule depth) ask for
 * another round.
 *
 * A repetition is known by its method (`manyInternal`, shared by all), its
 * occurrence in the rule (Langium numbers each rule's repetitions from 1), the
 * rule and the depth of the rule stack: a repetition of the same number in a rule
 * called at another depth, or in another rule, is a recovery of its own.
 */
function flattenRepetitionRecovery(parser: RecoveringParser): void {
    const recover = parser.tryInRepetitionRecovery;
    type Round = { repetition: unknown; occurrence: unknown; rule: number; depth: number; again?: unknown[] };
    let innermost: Round | undefined;
    parser.tryInRepetitionRecovery = function (this: RecoveringParser, repetition, args, lookahead, expected) {
        // The real stack is RULE_STACK[0..RULE_STACK_IDX]; entries above it are stale.
        const depth = this.RULE_STACK_IDX + 1, rule = this.RULE_STACK[this.RULE_STACK_IDX];
        const round = innermost;
        if (round && round.repetition === repetition && round.occurrence === args[0] && round.rule === rule && round.depth === depth) {
            recover.call(this, (...again: unknown[]) => { round.again = again; }, args, lookahead, expected);
            return;
        }
        const own: Round = { repetition, occurrence: args[0], rule, depth };
        innermost = own;
        try {
            recover.call(this, (...again: unknown[]) => { own.again = again; }, args, lookahead, expected);
            while (own.again) {
                const again = own.again;
                own.again = undefined;
                repetition.apply(this, again);
            }
        } finally {
            innermost = round;
        }
    };
}

/**
 * Before each recovery Chevrotain looks ahead, token by token, for the first token
 * that may follow the rules being parsed; at the top of a file only the end of it
 * may, so every error scanned to the end of the file. Here each kind of token's
 * positions are listed once per parse and the next one is found by binary search.
 * The answer is the same: the kind (in follow-set order) of the nearest such token.
 */
function indexReSyncSearch(parser: RecoveringParser): void {
    const search = parser.findReSyncTokenType;
    let indexed: IToken[] | undefined;
    let indexedLength = 0;
    let positions = new Map<TokenType, number[]>();
    parser.findReSyncTokenType = function (this: RecoveringParser): TokenType {
        // A new parse: Langium hands the parser a new token array for each text.
        if (indexed !== this.tokVector || indexedLength !== this.tokVectorLength) {
            indexed = this.tokVector;
            indexedLength = this.tokVectorLength;
            positions = new Map();
        }
        const end = this.LA(this.tokVectorLength - this.currIdx);
        let nearest: TokenType | undefined;
        let nearestAt = Infinity;
        for (const type of this.flattenFollowSet()) {
            let list = positions.get(type);
            if (!list) {
                list = [];
                for (let i = 0; i < this.tokVectorLength; i++) if (this.tokenMatcher(this.tokVector[i], type)) list.push(i);
                positions.set(type, list);
            }
            const next = firstFrom(list, this.currIdx + 1);
            const at = next ?? (this.tokenMatcher(end, type) ? this.tokVectorLength : Infinity);
            if (at < nearestAt) {
                nearest = type;
                nearestAt = at;
            }
        }
        return nearest ?? search.call(this);
    };
}

/** The first position in the ascending list at or after `from`. */
function firstFrom(list: number[], from: number): number | undefined {
    let low = 0, high = list.length;
    while (low < high) {
        const middle = (low + high) >>> 1;
        if (list[middle] < from) low = middle + 1; else high = middle;
    }
    return low < list.length ? list[low] : undefined;
}
