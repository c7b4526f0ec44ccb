import {
    AstUtils, createLangiumParser, GrammarAST, type AstNode, type Grammar, type LangiumCoreServices, type LangiumParser,
    type ParseResult, type ParserOptions, type Reference
} from 'langium';
import { tooLargeMessage, utf8Length, MAX_MODEL_BYTES } from './input-limits.js';

type ParserError = ParseResult['parserErrors'][number];

/**
 * Langium's parser, made safe for any text. A file over the size limit is not
 * parsed; a parse that fails outright (Langium's CST builder overflows the stack
 * on ~100,000 comments in a row) becomes a syntax finding and a fresh parser; and
 * a mandatory reference that error recovery left out (`link A ->` with no target)
 * becomes an empty, unresolved one, so that every later step sees the shape the
 * generated types promise.
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
        let result: ParseResult<T>;
        try {
            this.parser ??= createLangiumParser(this.services);
            result = this.parser.parse<T>(text, options);
        } catch (error) {
            // The parser's state is unknown after a throw: build a new one next time.
            this.parser = undefined;
            const reason = error instanceof RangeError ? 'it nests or repeats too much for the parser (for example, tens of thousands of comments in a row)' : String(error);
            return failedParse<T>(`This file could not be parsed: ${reason}; split it or remove the repetition`);
        }
        this.completeReferences(result.value);
        return result;
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

/** A parse that produced nothing but one syntax error at the start of the file. */
function failedParse<T extends AstNode>(message: string): ParseResult<T> {
    const value = { $type: 'Model', declarations: [] } as unknown as T;
    const token = { image: '', startOffset: 0, endOffset: 0, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1, tokenTypeIdx: 0, tokenType: { name: 'EOF', PATTERN: '' } };
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
