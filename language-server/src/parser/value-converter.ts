import { DefaultValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';

/**
 * Strings know only the escapes `\"` and `\\` (LANGUAGE.md). Any other backslash
 * sequence is kept as written; the document validator reports it as a syntax error.
 */
export class JoineryValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        if (rule.name === 'STRING') return unquote(input);
        return super.runConverter(rule, input, cstNode);
    }
}

export function unquote(input: string): string {
    return input.slice(1, -1).replace(/\\(["\\])/g, '$1');
}
