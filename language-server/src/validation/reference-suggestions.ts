import type { ReferenceInfo, Scope } from 'langium';
import type { JoineryScopeProvider, ScopeParts } from '../references/scope-provider.js';
import { byNearness, NameIndex, type RankedNames } from './closest-name.js';
import { MAX_SUGGESTION_COMPARISONS, WORKSPACE_SUGGESTION_COMPARISONS } from '../parser/input-limits.js';

/** The workspace's names of one reference type, indexed once per build, and the searches already made in them. */
interface IndexedNames {
    index: NameIndex;
    searched: Map<string, RankedNames>;
}

/**
 * "Did you mean" for unresolved references, linear in the workspace: the
 * workspace's names are indexed once per build and reference type (they were
 * indexed again for every file, and a thousand files of unresolved names took
 * 22 s), a name already sought in them is not sought again, and a file's own
 * names are indexed per scope. Each file may compare a share of a workspace-wide
 * budget of names; a search counts at its full cost even when it was made
 * before, so which references get a suggestion never depends on the order in
 * which files are checked: the CLI and the editor suggest the same names.
 */
export class ReferenceSuggestions {
    /** Keyed by the scope provider's global scope, which is one object per build and type. */
    private readonly workspaceNames = new WeakMap<Scope, IndexedNames>();

    constructor(private readonly scopeProvider: JoineryScopeProvider) {}

    /** A search for one file's references, with the file's share of the budget. */
    forFile(filesInWorkspace: number): FileSuggestions {
        const budget = Math.min(MAX_SUGGESTION_COMPARISONS, Math.floor(WORKSPACE_SUGGESTION_COMPARISONS / Math.max(1, filesInWorkspace)));
        return new FileSuggestions(this.scopeProvider, budget, global => this.indexed(global));
    }

    private indexed(global: Scope): IndexedNames {
        let names = this.workspaceNames.get(global);
        if (!names) {
            names = { index: new NameIndex(global.getAllElements().map(d => d.name)), searched: new Map() };
            this.workspaceNames.set(global, names);
        }
        return names;
    }
}

export class FileSuggestions {
    private compared = 0;
    /** The file's own names per scope (an arrangement's elements), few enough to index per file. */
    private readonly localNames = new Map<ScopeParts, NameIndex>();

    constructor(private readonly scopeProvider: JoineryScopeProvider, private readonly budget: number,
        private readonly workspaceNames: (global: Scope) => IndexedNames) {}

    /** The scope the reference is resolved in (for the caller's own checks of a candidate). */
    scopeOf(info: ReferenceInfo): Scope {
        return this.scopeProvider.scopeParts(info).scope;
    }

    /**
     * The nearest name the reference could mean that `unsuitable` does not refuse,
     * or nothing once the file has used its budget.
     */
    suggest(info: ReferenceInfo, name: string, unsuitable: (candidate: string) => boolean): string | undefined {
        if (this.compared >= this.budget) return undefined;
        const parts = this.scopeProvider.scopeParts(info);
        let local = this.localNames.get(parts);
        if (!local) {
            local = new NameIndex(parts.local.map(d => d.name));
            this.localNames.set(parts, local);
        }
        const nearby = local.ranked(name);
        const workspace = this.workspaceNames(parts.global);
        let everywhere = workspace.searched.get(name);
        if (!everywhere) {
            everywhere = workspace.index.ranked(name);
            workspace.searched.set(name, everywhere);
        }
        this.compared += nearby.compared + everywhere.compared;
        const candidates = [...nearby.candidates, ...everywhere.candidates].sort(byNearness);
        return candidates.find(candidate => !unsuitable(candidate.name))?.name;
    }
}
