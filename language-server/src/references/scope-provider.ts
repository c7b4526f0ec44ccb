import {
    AstUtils, DefaultScopeProvider, MapScope, WorkspaceCache, type AstNode, type AstNodeDescription, type LangiumCoreServices, type LocalSymbols, type ReferenceInfo, type Scope
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
    private readonly localScopes: WorkspaceCache<AstNode, Map<string, { symbols: LocalSymbols; scope: Scope }>>;

    /** The global scope of each reference type that takes only bodies among forums. */
    private readonly bodyScopes: WorkspaceCache<string, Scope>;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.localScopes = new WorkspaceCache(services.shared);
        this.bodyScopes = new WorkspaceCache(services.shared);
    }

    override getScope(context: ReferenceInfo): Scope {
        const symbols = AstUtils.getDocument(context.container).localSymbols;
        let owner: AstNode | undefined = context.container;
        while (owner && symbols && !symbols.has(owner)) owner = owner.$container;
        if (!symbols || !owner) return super.getScope(context);
        const referenceType = this.reflection.getReferenceType(context);
        const byType = this.localScopes.get(owner, () => new Map());
        const cached = byType.get(referenceType);
        // Symbols collected again for the document are a new object: the cached scope is stale.
        if (cached?.symbols === symbols) return cached.scope;
        const levels: AstNodeDescription[][] = [];
        const bodiesOnly = acceptsOnlyBodies(referenceType);
        for (let node: AstNode | undefined = owner; node; node = node.$container) {
            if (!symbols.has(node)) continue;
            const descriptions = symbols.getStream(node).filter(d => this.reflection.isSubtype(d.type, referenceType) && (!bodiesOnly || isAccepted(d))).toArray();
            if (descriptions.length > 0) levels.push(descriptions);
        }
        let scope = this.getGlobalScope(referenceType, context);
        // MapScope keeps the last of equal names; reversed, that is the first, as Langium's search finds.
        for (let i = levels.length - 1; i >= 0; i--) scope = new MapScope([...levels[i]].reverse(), scope);
        byType.set(referenceType, { symbols, scope });
        return scope;
    }

    /**
     * The workspace's names, one per name: the last declaration of a name indexed
     * wins, and the scope lists each name once, as in Langium 3 (Langium 4's
     * default keeps every declaration and answers with the first). Duplicate
     * names are errors either way; this keeps which one a reference finds, and
     * the did-you-mean candidates, as they were. Where a party is taken, a forum
     * is found only if it is a body (docs/language.md).
     */
    protected override getGlobalScope(referenceType: string, _context: ReferenceInfo): Scope {
        if (!acceptsOnlyBodies(referenceType)) return this.globalScopeCache.get(referenceType, () => new MapScope(this.indexManager.allElements(referenceType)));
        return this.bodyScopes.get(referenceType, () => new MapScope(this.indexManager.allElements(referenceType).filter(isAccepted)));
    }
}

/** Not a forum, or a forum declared `body`. */
function isAccepted(description: AstNodeDescription): boolean {
    return description.type !== 'Forum' || (isForum(description.node) && description.node.body);
}
