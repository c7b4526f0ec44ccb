import { AstUtils, GrammarAST, GrammarUtils, type AstNode, type AstNodeDescription, type MaybePromise, type ReferenceInfo, type Stream } from 'langium';
import { DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type CompletionValueItem, type LangiumServices, type NextFeature } from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isArrangement, isContribution, isForum, isSeat } from '../generated/ast.js';
import { kindWord } from '../language/user-words.js';
import { propertyKeywordCounts } from '../parser/declaration-syntax.js';
import type { ProfileRegistry } from '../profiles/profile-registry.js';
import { mayAppearOnce } from '../validation/semantic-checks.js';
import type { JoineryServices } from './joinery-services.js';
import { DECLARATION_SNIPPETS } from './snippets.js';

/**
 * Langium's completion (keywords, and references filtered by the scope to the kinds
 * the property accepts), with these refinements: inside an arrangement its own
 * elements are offered by their plain names only, not again as `Arrangement.Element`;
 * each candidate shows its kind and title; and properties of several words (`reports to`,
 * `held by`, `has regard to`, `advisory by law`) complete as a whole. After `profile`
 * it offers the statutory profiles' ids, after `role` their roles (for actors or
 * for forums, as the declaration is). It follows what is written: a property that
 * may appear once is not offered again in a body that has it, a list does not offer
 * what it already names, and a declaration's snippet comes only where its keyword
 * may stand (snippets.ts).
 */
export class JoineryCompletionProvider extends DefaultCompletionProvider {
    private readonly profiles: ProfileRegistry;

    constructor(services: LangiumServices) {
        super(services);
        this.profiles = (services as JoineryServices).profiles.ProfileRegistry;
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        // Inside the ProfileWord rule the next features are its terminals, tagged with the property they fill.
        const property = AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment)?.feature ?? next.property;
        if (property === 'profile') {
            for (const profile of this.profiles.all()) {
                acceptor(context, { label: profile.id, kind: CompletionItemKind.EnumMember, detail: `${profile.kind === 'standard' ? 'standard' : 'profile'} — ${profile.title}`, sortText: `0${profile.id}` });
            }
            return;
        }
        if (property === 'roles') {
            const wanted = isForum(context.node) ? 'forum' : 'actor';
            for (const [id, entry] of this.profiles.roles()) {
                const definitions = entry.definitions.filter(d => d.role.for === wanted);
                if (definitions.length === 0) continue;
                acceptor(context, {
                    label: id, kind: CompletionItemKind.EnumMember, sortText: `0${id}`,
                    detail: `role — ${definitions[0].role.title} (${definitions.map(d => d.profile.id).join(', ')})`
                });
            }
            return;
        }
        return super.completionFor(context, next, acceptor);
    }

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
        const named = new Set([...namedInSameList(refInfo, context.offset), ...namedBeforeInList(context)]);
        return super.getReferenceCandidates(refInfo, context)
            .filter(candidate => (!ownPrefix || !candidate.name.startsWith(ownPrefix)) && !named.has(candidate.name));
    }

    protected override createReferenceCompletionItem(nodeDescription: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(nodeDescription, refInfo, context);
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
        const phrases = propertyPhrases(keyword);
        if (phrases.length === 1 && phrases[0] === keyword.value || !this.filterKeyword(context, keyword)) {
            return super.completionForKeyword(context, keyword, acceptor);
        }
        for (const label of phrases) {
            acceptor(context, { label, kind: this.getKeywordCompletionItemKind(keyword), detail: 'Keyword', sortText: '1' });
        }
    }

    /**
     * A property that may appear once (validation's list, `mayAppearOnce`) and is
     * already written in this body is not offered again; list properties may repeat.
     */
    private alreadyWritten(context: CompletionContext, keyword: GrammarAST.Keyword): boolean {
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule);
        // A declaration's own keyword (`actor`) starts a new declaration, not a property of one.
        if (rule?.definition === keyword.$container) return false;
        const type = rule && GrammarUtils.getTypeName(rule);
        if (!type || !context.node || !mayAppearOnce(type, keyword.value)) return false;
        let owner: AstNode | undefined = context.node;
        while (owner && !this.astReflection.isSubtype(owner.$type, type)) owner = owner.$container;
        if (!owner?.$cstNode) return false;
        // Completing the property's own keyword (the cursor on `reports` of `reports to IJB`) offers it still.
        return propertyKeywordCounts(owner).get(keyword.value).some(node => node.offset !== context.tokenOffset);
    }
}

/**
 * The names other entries of the same list already give (`partners NHS, |` offers
 * NHS no more; likewise a seat list's actors). The entry under the cursor is the one
 * being replaced: its own name is still offered.
 */
function namedInSameList(refInfo: ReferenceInfo, offset: number): Set<string> {
    const own = (refInfo.container as unknown as Record<string, unknown>)[refInfo.property];
    // A seat or a contribution is one entry of its forum's or budget's list: the list is its container's.
    const entryOfList = isSeat(refInfo.container) || isContribution(refInfo.container);
    // Completion may hand a synthetic entry whose container holds no list there yet.
    const list = entryOfList && refInfo.container.$containerProperty ? (refInfo.container.$container as unknown as Record<string, unknown> | undefined)?.[refInfo.container.$containerProperty] : undefined;
    const siblings: unknown[] = Array.isArray(list) ? list : [];
    const entries: unknown[] = Array.isArray(own) ? own : siblings.map(entry => (entry as Record<string, unknown>)[refInfo.property]);
    const names = new Set<string>();
    for (const entry of entries) {
        const reference = entry as { $refText?: string; $refNode?: { offset: number; end: number } } | undefined;
        const underCursor = reference?.$refNode !== undefined && reference.$refNode.offset <= offset && offset <= reference.$refNode.end;
        if (entry !== refInfo.reference && !underCursor && reference?.$refText) names.add(reference.$refText);
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
