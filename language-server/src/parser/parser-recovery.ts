import type { IToken, TokenType } from 'chevrotain';
import { createCompletionParser, type LangiumCompletionParser, type LangiumCoreServices } from 'langium';

/**
 * Chevrotain's error recovery, made linear in the number of errors. Found by
 * fuzzing: about 2,000 broken declarations in a row (a declaration pasted with
 * smart quotes, then repeated) overflowed the stack, and once that was fixed took
 * 3 s to parse 143 KB. Both patches keep Chevrotain's results exactly; they only
 * change how it gets there.
 */

/** The parts of Chevrotain's parser (11.0) that recovery uses. */
interface RecoveringParser {
    RULE_STACK: number[];
    currIdx: number;
    tokVector: IToken[];
    tokVectorLength: number;
    tokenMatcher(token: IToken, type: TokenType): boolean;
    LA(howMuch: number): IToken;
    flattenFollowSet(): TokenType[];
    findReSyncTokenType(): TokenType;
    tryInRepetitionRecovery(repetition: (...args: unknown[]) => void, args: unknown[], lookahead: () => boolean, expected: unknown): void;
}

function isRecoveringParser(parser: unknown): parser is RecoveringParser {
    const candidate = parser as Partial<RecoveringParser> | undefined;
    return typeof candidate?.tryInRepetitionRecovery === 'function' && typeof candidate.findReSyncTokenType === 'function'
        && typeof candidate.flattenFollowSet === 'function' && typeof candidate.tokenMatcher === 'function';
}

/** Makes the recovery of a Langium parser (document or completion) linear, if Langium still keeps Chevrotain's where it did (3.5). */
export function makeRecoveryLinear(langiumParser: object): void {
    const wrapper = (langiumParser as { wrapper?: unknown }).wrapper;
    if (!isRecoveringParser(wrapper)) return;
    flattenRepetitionRecovery(wrapper);
    indexReSyncSearch(wrapper);
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
 */
function flattenRepetitionRecovery(parser: RecoveringParser): void {
    const recover = parser.tryInRepetitionRecovery;
    type Round = { repetition: unknown; occurrence: unknown; rule: number; depth: number; again?: unknown[] };
    let innermost: Round | undefined;
    parser.tryInRepetitionRecovery = function (this: RecoveringParser, repetition, args, lookahead, expected) {
        const depth = this.RULE_STACK.length, rule = this.RULE_STACK[depth - 1];
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
    let positions = new Map<TokenType, number[]>();
    parser.findReSyncTokenType = function (this: RecoveringParser): TokenType {
        if (indexed !== this.tokVector) {
            indexed = this.tokVector;
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
