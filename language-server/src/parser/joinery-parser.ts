import {
    AstUtils, createLangiumParser, CstNodeBuilder, GrammarAST, type AstNode, type CstNode, type Grammar, type LangiumCoreServices,
    type LangiumParser, type ParseResult, type ParserOptions, type Reference
} from 'langium';
import type { IToken } from 'chevrotain';
import { MAX_MODEL_BYTES, NOT_TEXT_MESSAGE, structureProblem, tooLargeMessage, utf8Length } from './input-limits.js';
import { makeRecoveryLinear } from './parser-recovery.js';
import { reparseDeclaration } from './declaration-reparse.js';

type ParserError = ParseResult['parserErrors'][number];

/**
 * Langium's parser, made safe for any text. A file over the size limit, or with
 * braces nested beyond the depth limit, is not parsed (docs/robustness.md); the
 * CST builder is made linear; a parse that still fails outright becomes a syntax
 * finding and a fresh parser; and a mandatory reference that error recovery left
 * out (`link A ->` with no target) becomes an empty, unresolved one, so that every
 * later step sees the shape the generated types promise.
 */
export class JoineryParser {
    private parser: LangiumParser | undefined;
    private readonly mandatoryReferences: Map<string, string[]>;

    constructor(private readonly services: LangiumCoreServices) {
        this.mandatoryReferences = mandatoryReferences(services.Grammar);
    }

    parse<T extends AstNode = AstNode>(text: string, options?: ParserOptions): ParseResult<T> {
        const bytes = utf8Length(text);
        if (bytes > MAX_MODEL_BYTES) return failedParse<T>(tooLargeMessage(bytes));
        // The same decision as for a file's bytes (workspace/model-text.ts): not parsed, so nothing in it is analysed.
        if (text.includes('\0')) return failedParse<T>(NOT_TEXT_MESSAGE);
        const problem = structureProblem(text);
        if (problem) return failedParse<T>(problem.message, text, problem.offset);
        let result: ParseResult<T>;
        try {
            result = this.langiumParser.parse<T>(text, options);
        } catch (error) {
            // The parser's state is unknown after a throw: build a new one next time.
            this.parser = undefined;
            const reason = error instanceof Error ? error.message : String(error);
            return failedParse<T>(`This file could not be parsed (internal error: ${reason}); split it, or remove what it repeats`);
        }
        // Only error recovery leaves a mandatory reference out; a clean parse has them all.
        if (result.parserErrors.length > 0) this.completeReferences(result.value);
        return result;
    }

    /**
     * The parse of `text` edited from the text of `previous`, made by parsing only the
     * top-level declaration the edit falls in; undefined when that cannot be done
     * (parser/declaration-reparse.ts), and the whole text is to be parsed.
     */
    reparse<T extends AstNode = AstNode>(previous: ParseResult, text: string): ParseResult<T> | undefined {
        if (utf8Length(text) > MAX_MODEL_BYTES) return undefined;
        return reparseDeclaration(previous, text, declaration => this.parse(declaration)) as ParseResult<T> | undefined;
    }

    /** The Langium parser it parses with, built on first use (the tests check its patches). */
    get langiumParser(): LangiumParser {
        return this.parser ??= linearParser(createLangiumParser(this.services));
    }

    private completeReferences(root: AstNode): void {
        const linker = this.services.references.Linker;
        for (const node of AstUtils.streamAst(root)) {
            for (const property of this.mandatoryReferences.get(node.$type) ?? []) {
                const holder = node as unknown as Record<string, Reference | undefined>;
                if (holder[property] === undefined) holder[property] = linker.buildReference(node, property, undefined, '');
            }
        }
    }
}

/**
 * Langium's CST builder looks, before every token, for where the comments in front
 * of it go, searching the siblings of the current node even when there are none:
 * quadratic in a long list (40,000 names in one `partners` took 5 s, 80,000 took
 * 17 s). It also spreads them as call arguments, which overflows the stack beyond
 * ~100,000 comments. This one skips the empty case and inserts in chunks.
 */
class LinearCstNodeBuilder extends CstNodeBuilder {
    override addHiddenNodes(tokens: IToken[]): void {
        if (tokens.length === 0) return;
        if (tokens.length <= CHUNK) {
            super.addHiddenNodes(tokens);
            return;
        }
        const chunks: IToken[][] = [];
        for (let i = 0; i < tokens.length; i += CHUNK) chunks.push(tokens.slice(i, i + CHUNK));
        // At the very start of the file each chunk goes in front of the last, so they go in backwards.
        if (this.insertsAtRoot()) chunks.reverse();
        for (const chunk of chunks) super.addHiddenNodes(chunk);
    }

    /** Whether Langium will put hidden nodes at the start of the root (mirrors its own search). */
    private insertsAtRoot(): boolean {
        let node: CstNode = this.current;
        if (this.current.content.length > 0) return false;
        for (; node.container; node = node.container) {
            if (node.container.content.indexOf(node) > 0) return false;
        }
        return true;
    }
}

const CHUNK = 10_000;

/** Whether the Langium parser builds its CST with the linear builder above. */
export function hasLinearCstBuilder(parser: LangiumParser): boolean {
    return (parser as unknown as { nodeBuilder?: unknown }).nodeBuilder instanceof LinearCstNodeBuilder;
}

/** Gives the parser the linear builder and flat recovery, if Langium still keeps them where it did (4.4). */
function linearParser(parser: LangiumParser): LangiumParser {
    const internals = parser as unknown as { nodeBuilder?: unknown };
    if (internals.nodeBuilder instanceof CstNodeBuilder) internals.nodeBuilder = new LinearCstNodeBuilder();
    makeRecoveryLinear(parser);
    return parser;
}

/** A parse that produced nothing but one syntax error, at `offset` (one character) or at the start of the file. */
function failedParse<T extends AstNode>(message: string, text = '', offset = 0): ParseResult<T> {
    const value = { $type: 'Model', declarations: [] } as unknown as T;
    const before = text.slice(0, offset).split(/\r\n|\r|\n/);
    const line = before.length, column = before[before.length - 1].length + 1;
    const token = { image: text.charAt(offset), startOffset: offset, endOffset: offset, startLine: line, startColumn: column, endLine: line, endColumn: column, tokenTypeIdx: 0, tokenType: { name: 'EOF', PATTERN: '' } };
    const error = { name: 'InputLimit', message, token, resyncedTokens: [], context: { ruleStack: [], ruleOccurrenceStack: [] } } as unknown as ParserError;
    return { value, lexerErrors: [], parserErrors: [error] };
}

/**
 * For each type, the cross-references its rule always assigns (outside any
 * optional part, alternative or repetition), read from the grammar itself.
 */
export function mandatoryReferences(grammar: Grammar): Map<string, string[]> {
    const table = new Map<string, string[]>();
    for (const rule of grammar.rules) {
        if (!GrammarAST.isParserRule(rule) || rule.dataType || rule.fragment) continue;
        const features: string[] = [];
        const walk = (element: GrammarAST.AbstractElement, optional: boolean) => {
            const skippable = optional || element.cardinality === '?' || element.cardinality === '*';
            if (GrammarAST.isAssignment(element)) {
                if (!skippable && element.operator === '=' && GrammarAST.isCrossReference(element.terminal)) features.push(element.feature);
            } else if (GrammarAST.isGroup(element)) {
                for (const child of element.elements) walk(child, skippable);
            } else if (GrammarAST.isAlternatives(element)) {
                for (const child of element.elements) walk(child, skippable || element.elements.length > 1);
            } else if (GrammarAST.isUnorderedGroup(element)) {
                for (const child of element.elements) walk(child, true);
            }
        };
        walk(rule.definition, false);
        if (features.length > 0) table.set(rule.returnType?.ref?.name ?? rule.inferredType?.name ?? rule.name, features);
    }
    return table;
}
