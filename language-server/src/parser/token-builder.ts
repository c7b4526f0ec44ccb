import type { TokenType } from 'chevrotain';
import { DefaultTokenBuilder, type GrammarAST } from 'langium';

const WORD = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Keywords stay usable as names (LANGUAGE.md). Rather than a grammar rule listing
 * every keyword as an alternative to ID (which the parser would try one by one for
 * every name and reference), each word-like keyword is put in the ID token's
 * category: wherever the grammar takes an ID, it also takes `kind`, `from`, `board`…
 */
export class JoineryTokenBuilder extends DefaultTokenBuilder {
    protected override buildKeywordToken(keyword: GrammarAST.Keyword, terminalTokens: TokenType[], caseInsensitive: boolean): TokenType {
        const token = super.buildKeywordToken(keyword, terminalTokens, caseInsensitive);
        const id = terminalTokens.find(t => t.name === 'ID');
        if (id && WORD.test(keyword.value)) token.CATEGORIES = [id];
        return token;
    }
}
