import { AstUtils, GrammarAST, GrammarUtils, type AstNode, type AstNodeDescription, type MaybePromise, type ReferenceInfo, type Stream } from 'langium';
import { DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type CompletionValueItem, type LangiumServices, type NextFeature } from 'langium/lsp';
import { CompletionItemKind } from 'vscode-languageserver';
import { isArrangement, isForum } from '../generated/ast.js';
import { kindWord } from '../language/user-words.js';
import type { ProfileRegistry } from '../profiles/profile-registry.js';
import type { JoineryServices } from './joinery-services.js';

/**
 * Langium's completion (keywords, and references filtered by the scope to the kinds
 * the property accepts), with three refinements: inside an arrangement its own
 * elements are offered by their plain names only, not again as `Arrangement.Element`;
 * each candidate shows its kind and title; and two-word properties (`reports to`,
 * `held by`, `delivered by`, `reported by`) complete as a whole. After `profile`
 * it offers the statutory profiles' ids, after `role` their roles (for actors or
 * for forums, as the declaration is).
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

    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const arrangement = AstUtils.getContainerOfType(refInfo.container, isArrangement);
        const ownPrefix = arrangement?.name ? `${arrangement.name}.` : undefined;
        return super.getReferenceCandidates(refInfo, context)
            .filter(candidate => !ownPrefix || !candidate.name.startsWith(ownPrefix));
    }

    protected override createReferenceCompletionItem(nodeDescription: AstNodeDescription): CompletionValueItem {
        const item = super.createReferenceCompletionItem(nodeDescription);
        const title = (nodeDescription.node as { title?: string } | undefined)?.title;
        return { ...item, detail: kindWord(nodeDescription.type) + (title ? ` — ${title}` : '') };
    }

    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
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
}

/** `to` for `reports`: the keyword that must come next in the same property. */
function followingKeyword(keyword: GrammarAST.Keyword): GrammarAST.Keyword | undefined {
    const group: AstNode | undefined = keyword.$container;
    if (!GrammarAST.isGroup(group)) return undefined;
    const next = group.elements[group.elements.indexOf(keyword) + 1];
    return GrammarAST.isKeyword(next) && /^\p{L}/u.test(next.value) ? next : undefined;
}
