import {
    AstUtils, DefaultScopeProvider, MapScope, WorkspaceCache, type AstNode, type AstNodeDescription, type LangiumCoreServices, type ReferenceInfo, type Scope
} from 'langium';
import { isForum } from '../generated/ast.js';
import { acceptsOnlyBodies } from '../language/user-words.js';

/**
 * Langium's scopes, except that each local scope (a file's declarations, an
 * arrangement's elements) is indexed by name once per build and kind of
 * reference. Langium searches it from the start for every reference, which made
 * linking an arrangement of 3,000 elements quadratic (3 s). The first of two
 * declarations of a name still wins, as in Langium's search.
 */
export class JoineryScopeProvider extends DefaultScopeProvider {
    /** Per local-scope owner and reference type; cleared whenever the workspace changes. */
    private readonly localScopes: WorkspaceCache<AstNode, Map<string, { precomputed: unknown; scope: Scope }>>;

    /** The global scope of each reference type that takes only bodies among forums. */
    private readonly bodyScopes: WorkspaceCache<string, Scope>;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.localScopes = new WorkspaceCache(services.shared);
        this.bodyScopes = new WorkspaceCache(services.shared);
    }

    override getScope(context: ReferenceInfo): Scope {
        const precomputed = AstUtils.getDocument(context.container).precomputedScopes;
        let owner: AstNode | undefined = context.container;
        while (owner && precomputed && precomputed.get(owner).length === 0) owner = owner.$container;
        if (!precomputed || !owner) return super.getScope(context);
        const referenceType = this.reflection.getReferenceType(context);
        const byType = this.localScopes.get(owner, () => new Map());
        const cached = byType.get(referenceType);
        // Scopes computed again for the document mean a new `precomputed`: the cached scope is stale.
        if (cached?.precomputed === precomputed) return cached.scope;
        const levels: AstNodeDescription[][] = [];
        const bodiesOnly = acceptsOnlyBodies(referenceType);
        for (let node: AstNode | undefined = owner; node; node = node.$container) {
            const descriptions = precomputed.get(node).filter(d => this.reflection.isSubtype(d.type, referenceType) && (!bodiesOnly || isAccepted(d)));
            if (descriptions.length > 0) levels.push(descriptions);
        }
        let scope = this.getGlobalScope(referenceType, context);
        // MapScope keeps the last of equal names; reversed, that is the first, as Langium's search finds.
        for (let i = levels.length - 1; i >= 0; i--) scope = new MapScope([...levels[i]].reverse(), scope);
        byType.set(referenceType, { precomputed, scope });
        return scope;
    }

    /** Where a party is taken, a forum is found only if it is a body (docs/language.md). */
    protected override getGlobalScope(referenceType: string, context: ReferenceInfo): Scope {
        if (!acceptsOnlyBodies(referenceType)) return super.getGlobalScope(referenceType, context);
        return this.bodyScopes.get(referenceType, () => new MapScope(this.indexManager.allElements(referenceType).filter(isAccepted)));
    }
}

/** Not a forum, or a forum declared `body`. */
function isAccepted(description: AstNodeDescription): boolean {
    return description.type !== 'Forum' || (isForum(description.node) && description.node.body);
}
