import { AstUtils, GrammarAST, GrammarUtils, type AstNode, type AstNodeDescription, type MaybePromise, type ReferenceInfo, type Stream } from 'langium';
import { DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type CompletionValueItem, type NextFeature } from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver';
import { isArrangement, isContribution, isSeat } from '../generated/ast.js';
import { kindWord } from '../language/user-words.js';
import { DECLARATION_SNIPPETS } from './snippets.js';

/**
 * Langium's completion (keywords, and references filtered by the scope to the kinds
 * the property accepts), with three refinements: inside an arrangement its own
 * elements are offered by their plain names only, not again as `Arrangement.Element`;
 * each candidate shows its kind and title; and two-word properties (`reports to`,
 * `held by`, `delivered by`, `reported by`) complete as a whole. It follows what
 * is written: a property that may appear once is not offered again in a body that
 * has it, a list does not offer what it already names, and a declaration's snippet
 * comes only where its keyword may stand (snippets.ts).
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
        const named = new Set([...namedInSameList(refInfo), ...namedBeforeInList(context)]);
        return super.getReferenceCandidates(refInfo, context)
            .filter(candidate => (!ownPrefix || !candidate.name.startsWith(ownPrefix)) && !named.has(candidate.name));
    }

    protected override createReferenceCompletionItem(nodeDescription: AstNodeDescription): CompletionValueItem {
        const item = super.createReferenceCompletionItem(nodeDescription);
        const title = (nodeDescription.node as { title?: string } | undefined)?.title;
        return { ...item, detail: kindWord(nodeDescription.type) + (title ? ` — ${title}` : '') };
    }

    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (this.alreadyWritten(context, keyword)) return;
        const snippet = DECLARATION_SNIPPETS[keyword.value];
        if (snippet && this.filterKeyword(context, keyword)) {
            acceptor(context, {
                label: keyword.value, kind: CompletionItemKind.Snippet, detail: snippet.description,
                insertText: snippet.body, insertTextFormat: InsertTextFormat.Snippet, sortText: '2'
            });
        }
        const following = followingKeyword(keyword);
        if (!following || !this.filterKeyword(context, keyword)) {
            return super.completionForKeyword(context, keyword, acceptor);
        }
        acceptor(context, {
            label: `${keyword.value} ${following.value}`,
            kind: this.getKeywordCompletionItemKind(keyword),
            detail: 'Keyword',
            sortText: '1'
        });
    }

    /** A property that may appear once and is already written in this body is not offered again (list properties may repeat). */
    private alreadyWritten(context: CompletionContext, keyword: GrammarAST.Keyword): boolean {
        const assignment = assignmentOf(keyword);
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule);
        // A declaration's own keyword (`actor`) starts a new declaration, not a property of one.
        if (rule?.definition === keyword.$container) return false;
        const type = rule && GrammarUtils.getTypeName(rule);
        if (!assignment || assignment.operator === '+=' || !type || !context.node) return false;
        let owner: AstNode | undefined = context.node;
        while (owner && !this.astReflection.isSubtype(owner.$type, type)) owner = owner.$container;
        const value = owner && (owner as unknown as Record<string, unknown>)[assignment.feature];
        if (value === undefined || value === false || !owner?.$cstNode) return false;
        // Completing the property's own keyword (the cursor on `reports` of `reports to IJB`) offers it still.
        return !GrammarUtils.findNodesForKeyword(owner.$cstNode, keyword.value).some(node => node.offset === context.tokenOffset);
    }
}

/** The property a keyword starts (`stage` of `'stage' stage=NUMBER`, `merged` of `merged?='merged'`). */
function assignmentOf(keyword: GrammarAST.Keyword): GrammarAST.Assignment | undefined {
    const container: AstNode | undefined = keyword.$container;
    if (GrammarAST.isAssignment(container)) return container;
    if (GrammarAST.isGroup(container) && container.elements[0] === keyword) return container.elements.find(GrammarAST.isAssignment);
    return undefined;
}

/** The names other entries of the same list already give (`partners NHS, |` offers NHS no more; likewise a seat list's actors). */
function namedInSameList(refInfo: ReferenceInfo): Set<string> {
    const own = (refInfo.container as unknown as Record<string, unknown>)[refInfo.property];
    // A seat or a contribution is one entry of its forum's or budget's list: the list is its container's.
    const entryOfList = isSeat(refInfo.container) || isContribution(refInfo.container);
    // Completion may hand a synthetic entry whose container holds no list there yet.
    const list = entryOfList && refInfo.container.$containerProperty ? (refInfo.container.$container as unknown as Record<string, unknown> | undefined)?.[refInfo.container.$containerProperty] : undefined;
    const siblings: unknown[] = Array.isArray(list) ? list : [];
    const entries: unknown[] = Array.isArray(own) ? own : siblings.map(entry => (entry as Record<string, unknown>)[refInfo.property]);
    const names = new Set<string>();
    for (const entry of entries) {
        const reference = entry as { $refText?: string } | undefined;
        if (entry !== refInfo.reference && reference?.$refText) names.add(reference.$refText);
    }
    return names;
}

/**
 * The names a list gives before the cursor (`partners NHS, Council 2, |`), read from
 * the text: while the list is unfinished, error recovery may have dropped it from the AST.
 */
function namedBeforeInList(context: CompletionContext): Set<string> {
    const before = context.textDocument.getText().slice(Math.max(0, context.tokenOffset - 2000), context.tokenOffset);
    const list = /((?:[A-Za-z_][\w.]*(?:[ \t]+-?[0-9][\w.]*)?\s*,\s*)+)$/.exec(before)?.[1] ?? '';
    return new Set(list.split(',').map(entry => entry.trim().split(/\s+/)[0]).filter(Boolean));
}

/** `to` for `reports`: the keyword that must come next in the same property. */
function followingKeyword(keyword: GrammarAST.Keyword): GrammarAST.Keyword | undefined {
    const group: AstNode | undefined = keyword.$container;
    if (!GrammarAST.isGroup(group)) return undefined;
    const next = group.elements[group.elements.indexOf(keyword) + 1];
    return GrammarAST.isKeyword(next) && /^\p{L}/u.test(next.value) ? next : undefined;
}
