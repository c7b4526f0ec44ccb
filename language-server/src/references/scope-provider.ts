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
    private readonly localScopes: WorkspaceCache<AstNode, Map<string, LevelParts>>;

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
        return this.levelParts(owner, referenceType, symbols, context);
    }

    /**
     * The scope of the names visible from `owner` (which holds local names), kept per
     * owner and reference type: its own names in front of the next holder's scope,
     * that of the file's declarations shared by every arrangement of the file (built
     * once per file and type, not once per arrangement).
     */
    private levelParts(owner: AstNode, referenceType: string, symbols: LocalSymbols, context: ReferenceInfo): LevelParts {
        const byType = this.localScopes.get(owner, () => new Map());
        const cached = byType.get(referenceType);
        // Symbols collected again for the document are a new object: the cached scope is stale.
        if (cached?.symbols === symbols) return cached;
        let outerOwner = owner.$container;
        while (outerOwner && !symbols.has(outerOwner)) outerOwner = outerOwner.$container;
        const outer = outerOwner ? this.levelParts(outerOwner, referenceType, symbols, context) : undefined;
        const global = outer?.global ?? this.getGlobalScope(referenceType, context);
        const bodiesOnly = acceptsOnlyBodies(referenceType);
        const own: AstNodeDescription[] = [];
        for (const description of symbols.getStream(owner)) {
            if (this.reflection.isSubtype(description.type, referenceType) && (!bodiesOnly || isAccepted(description))) own.push(description);
        }
        // MapScope keeps the last of equal names; reversed, that is the first, as Langium's search finds.
        const scope = own.length > 0 ? new MapScope([...own].reverse(), outer?.scope ?? global) : outer?.scope ?? global;
        const parts = new LevelParts(symbols, scope, global, own, outer);
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

/** One holder's names before the next holder's; the did-you-mean search reads `local` only for an unresolved name. */
class LevelParts implements ScopeParts {
    private nearestFirst?: readonly AstNodeDescription[];

    constructor(readonly symbols: LocalSymbols, readonly scope: Scope, readonly global: Scope,
        private readonly own: readonly AstNodeDescription[], private readonly outer: LevelParts | undefined) {}

    get local(): readonly AstNodeDescription[] {
        return this.nearestFirst ??= this.outer ? [...this.own, ...this.outer.local] : this.own;
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
