import { AstUtils, GrammarAST, GrammarUtils, type AstNode, type AstNodeDescription, type MaybePromise, type ReferenceInfo, type Stream } from 'langium';
import { DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type CompletionValueItem, type NextFeature } from 'langium/lsp';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isArrangement } from '../generated/ast.js';
import { kindWord } from '../language/user-words.js';

/**
 * Langium's completion (keywords, and references filtered by the scope to the kinds
 * the property accepts), with three refinements: inside an arrangement its own
 * elements are offered by their plain names only, not again as `Arrangement.Element`;
 * each candidate shows its kind and title; and properties of several words (`reports to`,
 * `held by`, `has regard to`, `advisory by law`) complete as a whole.
 */
export class JoineryCompletionProvider extends DefaultCompletionProvider {
    /**
     * At the end of a declaration that error recovery dropped (`channel H -> }`),
     * Langium hands the enclosing arrangement as the reference's container, whose
     * type has no such property, and the scope lookup throws. Complete as if inside
     * a new declaration of the rule that owns the reference instead.
     */
    protected override completionForCrossReference(context: CompletionContext, next: NextFeature<GrammarAST.CrossReference>, acceptor: CompletionAcceptor): MaybePromise<void> {
        const rule = AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule);
        const ruleType = rule && GrammarUtils.getTypeName(rule);
        const node = context.node;
        if (!next.type && node && ruleType && !this.astReflection.isSubtype(node.$type, ruleType)) {
            next = { ...next, type: ruleType };
        }
        return super.completionForCrossReference(context, next, acceptor);
    }

    /**
     * `channel H -> ` with nothing after the arrow: choosing between a channel's two
     * forms (`A -> B`, or a name with `from` and `to` inside) looks past the arrow, so
     * at the end of the text the completion parser takes the named form and stops
     * before the arrow, with nothing to offer. What follows an arrow is the target of
     * the declaration the arrow belongs to.
     */
    protected override findFeaturesAt(document: TextDocument, offset: number): NextFeature[] {
        const features = super.findFeaturesAt(document, offset);
        return features.length > 0 ? features : this.targetAfterArrow(document, offset);
    }

    private targetAfterArrow(document: TextDocument, offset: number): NextFeature[] {
        const text = document.getText({ start: { line: 0, character: 0 }, end: document.positionAt(offset) });
        const tokens = this.lexer.tokenize(text).tokens;
        if (tokens.at(-1)?.image !== '->') return [];
        const targets = arrowTargets(this.grammar);
        const opener = [...tokens].reverse().find(token => targets.has(token.image));
        return opener ? [targets.get(opener.image)!] : [];
    }

    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const arrangement = AstUtils.getContainerOfType(refInfo.container, isArrangement);
        const ownPrefix = arrangement?.name ? `${arrangement.name}.` : undefined;
        return super.getReferenceCandidates(refInfo, context)
            .filter(candidate => !ownPrefix || !candidate.name.startsWith(ownPrefix));
    }

    protected override createReferenceCompletionItem(nodeDescription: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(nodeDescription, refInfo, context);
        const title = (nodeDescription.node as { title?: string } | undefined)?.title;
        return { ...item, detail: kindWord(nodeDescription.type) + (title ? ` — ${title}` : '') };
    }

    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        const phrases = propertyPhrases(keyword);
        if (phrases.length === 1 && phrases[0] === keyword.value || !this.filterKeyword(context, keyword)) {
            return super.completionForKeyword(context, keyword, acceptor);
        }
        for (const label of phrases) {
            acceptor(context, { label, kind: this.getKeywordCompletionItemKind(keyword), detail: 'Keyword', sortText: '1' });
        }
    }
}

/** For each declaration whose first keyword is followed somewhere by `-> target`, that target reference, by the keyword. */
function arrowTargets(grammar: GrammarAST.Grammar): Map<string, NextFeature> {
    const targets = new Map<string, NextFeature>();
    for (const rule of grammar.rules.filter(GrammarAST.isParserRule)) {
        const first = GrammarAST.isGroup(rule.definition) ? rule.definition.elements[0] : undefined;
        if (!GrammarAST.isKeyword(first)) continue;
        for (const arrow of AstUtils.streamAllContents(rule).filter(GrammarAST.isKeyword).filter(k => k.value === '->')) {
            const group: AstNode | undefined = arrow.$container;
            const next = GrammarAST.isGroup(group) ? group.elements[group.elements.indexOf(arrow) + 1] : undefined;
            if (GrammarAST.isAssignment(next) && GrammarAST.isCrossReference(next.terminal)) {
                targets.set(first.value, { feature: next.terminal, property: next.feature });
            }
        }
    }
    return targets;
}

/**
 * The properties a keyword begins, written whole: `reports to` for `reports`, and for
 * `advisory` both `advisory by law` and `advisory` (Langium offers a keyword once, so
 * the alternatives beside it that start with the same word are read here).
 */
function propertyPhrases(keyword: GrammarAST.Keyword): string[] {
    const group: AstNode | undefined = keyword.$container;
    const alternatives: AstNode | undefined = GrammarAST.isGroup(group) && group.elements[0] === keyword ? group.$container : undefined;
    const siblings: AstNode[] = GrammarAST.isAlternatives(alternatives) ? alternatives.elements : [];
    const starts = siblings.length === 0 ? [keyword] : siblings
        .map(sibling => GrammarAST.isGroup(sibling) ? sibling.elements[0] : undefined)
        .filter(GrammarAST.isKeyword).filter(start => start.value === keyword.value);
    return [...new Set(starts.map(start => [start, ...followingKeywords(start)].map(k => k.value).join(' ')))];
}

/** `to` for `reports`, `regard to` for `has`, `by law` for `advisory`: the words that must come next in the same property. */
function followingKeywords(keyword: GrammarAST.Keyword): GrammarAST.Keyword[] {
    const group: AstNode | undefined = keyword.$container;
    if (!GrammarAST.isGroup(group)) return [];
    const following: GrammarAST.Keyword[] = [];
    for (const next of group.elements.slice(group.elements.indexOf(keyword) + 1)) {
        if (!GrammarAST.isKeyword(next) || !/^\p{L}/u.test(next.value)) break;
        following.push(next);
    }
    return following;
}
