import {
    AstUtils, DefaultScopeProvider, MapScope, WorkspaceCache, type AstNode, type AstNodeDescription, type LangiumCoreServices, type LocalSymbols, type ReferenceInfo, type Scope
} from 'langium';
import { isForum } from '../generated/ast.js';
import { acceptsOnlyBodies } from '../language/user-words.js';
import type { ProjectScope } from './projects.js';
import { DeferredReferenceIndexManager } from './deferred-reference-index.js';
import { GlobalNames } from './global-names.js';

/**
 * Langium's scopes, except that each local scope (a file's declarations, an
 * arrangement's elements) is indexed by name once per build and kind of
 * reference. Langium searches it from the start for every reference, which made
 * linking an arrangement of 3,000 elements quadratic (3 s). The first of two
 * declarations of a name still wins, as in Langium's search.
 */
export class JoineryScopeProvider extends DefaultScopeProvider {
    /** Per local-scope owner and reference type; cleared whenever the workspace changes. */
    private readonly localScopes: WorkspaceCache<AstNode, Map<string, ScopeParts & { symbols: LocalSymbols }>>;

    /** The global scope of each reference type that takes only bodies among forums. */
    private readonly bodyScopes: WorkspaceCache<string, Scope>;

    /** The workspace's names of each reference type, kept from build to build (global-names.ts). */
    private globalNames = new Map<string, GlobalNames>();

    /** The project whose names this instance sees (each project has its own services). */
    private readonly project: ProjectScope;

    constructor(services: LangiumCoreServices & { references: { Project: ProjectScope } }) {
        super(services);
        this.localScopes = new WorkspaceCache(services.shared);
        this.bodyScopes = new WorkspaceCache(services.shared);
        this.project = services.references.Project;
        // A folder that becomes (or stops being) a project changes which names every file sees.
        this.project.layout.onDidChange(() => {
            this.localScopes.clear();
            this.bodyScopes.clear();
            this.globalScopeCache.clear();
            this.globalNames = new Map();
        });
    }

    override getScope(context: ReferenceInfo): Scope {
        return this.scopeParts(context).scope;
    }

    /**
     * The scope of a reference, and apart from it what it adds to the workspace's
     * names (an arrangement's elements, a file's declarations): the did-you-mean
     * search indexes the workspace's names once per build, and these per scope.
     */
    scopeParts(context: ReferenceInfo): ScopeParts {
        const referenceType = this.reflection.getReferenceType(context);
        const symbols = AstUtils.getDocument(context.container).localSymbols;
        let owner: AstNode | undefined = context.container;
        while (owner && symbols && !symbols.has(owner)) owner = owner.$container;
        if (!symbols || !owner) {
            const global = this.getGlobalScope(referenceType, context);
            return { scope: super.getScope(context), global, local: [] };
        }
        const byType = this.localScopes.get(owner, () => new Map());
        const cached = byType.get(referenceType);
        // Symbols collected again for the document are a new object: the cached scope is stale.
        if (cached?.symbols === symbols) return cached;
        const levels: AstNodeDescription[][] = [];
        const bodiesOnly = acceptsOnlyBodies(referenceType);
        for (let node: AstNode | undefined = owner; node; node = node.$container) {
            if (!symbols.has(node)) continue;
            const descriptions = symbols.getStream(node).filter(d => this.reflection.isSubtype(d.type, referenceType) && (!bodiesOnly || isAccepted(d))).toArray();
            if (descriptions.length > 0) levels.push(descriptions);
        }
        const global = this.getGlobalScope(referenceType, context);
        let scope = global;
        // MapScope keeps the last of equal names; reversed, that is the first, as Langium's search finds.
        for (let i = levels.length - 1; i >= 0; i--) scope = new MapScope([...levels[i]].reverse(), scope);
        const parts = { symbols, scope, global, local: levels.flat() };
        byType.set(referenceType, parts);
        return parts;
    }

    /**
     * The workspace's names, one per name: the last declaration of a name indexed
     * wins, and the scope lists each name once, as in Langium 3 (Langium 4's
     * default keeps every declaration and answers with the first). Duplicate
     * names are errors either way; this keeps which one a reference finds, and
     * the did-you-mean candidates, as they were. Where a party is taken, a forum
     * is found only if it is a body (docs/language.md). Only the project's own
     * files are seen: another project's names are not there.
     */
    protected override getGlobalScope(referenceType: string, _context: ReferenceInfo): Scope {
        const bodiesOnly = acceptsOnlyBodies(referenceType);
        return (bodiesOnly ? this.bodyScopes : this.globalScopeCache).get(referenceType, () => {
            const take = bodiesOnly ? (names: readonly AstNodeDescription[]) => names.filter(isAccepted) : (names: readonly AstNodeDescription[]) => names;
            const index = this.indexManager;
            if (!(index instanceof DeferredReferenceIndexManager)) return new MapScope(take(this.projectElements(referenceType).toArray()));
            let names = this.globalNames.get(referenceType);
            if (!names) this.globalNames.set(referenceType, names = new GlobalNames());
            const files = index.namesByFile(referenceType, this.project.uris());
            return names.scope(files.uris, files.names, take);
        });
    }

    private projectElements(referenceType: string) {
        return this.indexManager.allElements(referenceType, this.project.uris());
    }
}

export interface ScopeParts {
    readonly scope: Scope;
    /** The workspace's names of the reference's type (the same object for every reference of the type in a build). */
    readonly global: Scope;
    /** The names the reference's own file and arrangement add, nearest first. */
    readonly local: readonly AstNodeDescription[];
}

/** Not a forum, or a forum declared `body`. */
function isAccepted(description: AstNodeDescription): boolean {
    return description.type !== 'Forum' || (isForum(description.node) && description.node.body);
}
