import { AstUtils, GrammarAST, GrammarUtils, type AstNode, type AstNodeDescription, type MaybePromise, type ReferenceInfo, type Stream } from 'langium';
import { DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type CompletionValueItem, type NextFeature } from 'langium/lsp';
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
        const following = followingKeywords(keyword);
        if (following.length === 0 || !this.filterKeyword(context, keyword)) {
            return super.completionForKeyword(context, keyword, acceptor);
        }
        acceptor(context, {
            label: [keyword, ...following].map(k => k.value).join(' '),
            kind: this.getKeywordCompletionItemKind(keyword),
            detail: 'Keyword',
            sortText: '1'
        });
    }
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
