import {
    DefaultIndexManager, type AstNodeDescription, DefaultReferenceDescriptionProvider, DocumentState, type LangiumDocument, type LangiumSharedCoreServices,
    type ReferenceDescription, type ReferenceInfo, type Stream, type URI
} from 'langium';
import { nextTurn } from '../language/next-turn.js';
import { referencesOf, treeOrder } from '../parser/tree-order.js';

/** Langium's reference descriptions, one at a time and synchronously, for the index below. */
export class SyncReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    describe(reference: ReferenceInfo): ReferenceDescription[] {
        return this.createInfoDescriptions(reference);
    }
}

/** How long one turn of indexing after a build may take before it lets the event loop run. */
const TURN_MS = 5;

/**
 * Langium's index, except that a document's references (who points at what, for
 * find references, rename, and for deciding which files an edit in another file
 * affects) are indexed when first asked for, or in the server once the build has
 * published its diagnostics, instead of inside every build: after an edit the
 * diagnostics no longer wait for them (about 5 ms of 90 on a 2,000-line model), and
 * the CLI, which never asks, never pays (0.2 s on 1,000 files). The answers are
 * Langium's own.
 */
export class DeferredReferenceIndexManager extends DefaultIndexManager {
    private readonly shared: LangiumSharedCoreServices;
    private readonly pending = new Map<string, LangiumDocument>();
    /**
     * Each indexed document's files referred into (other than its own): an edit asks
     * of every document whether it refers into the edited file, and thousands of
     * references name a handful of files.
     */
    private readonly filesReferredInto = new Map<string, ReadonlySet<string>>();
    /** Whether a turn of indexing after a build is scheduled. */
    private indexing = false;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.shared = services;
    }

    override async updateReferences(document: LangiumDocument, cancelToken?: Parameters<DefaultIndexManager['updateReferences']>[1]): Promise<void> {
        this.filesReferredInto.delete(document.uri.toString());
        if (!(this.descriptionProvider(document) instanceof SyncReferenceDescriptionProvider)) return super.updateReferences(document, cancelToken);
        const uri = document.uri.toString();
        this.referenceIndex.delete(uri);
        this.pending.set(uri, document);
    }

    /**
     * In the language server: index what waits once each build has published its
     * diagnostics, while the editor is idle, so that find references and the next
     * edit find it done. It starts once `published` says the diagnostics are written
     * (they go out one message a turn, and indexing 1,000 files, 130 ms, held up the
     * last of them at start-up), and indexes a few documents a turn.
     */
    indexAfterEachBuild(published: () => Promise<void>): void {
        this.shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => {
            // A turn later: the publisher's listener for this phase, registered after this one, has queued its messages by then.
            nextTurn(() => void published().then(() => this.indexSomeEachTurn()));
        });
    }

    private indexSomeEachTurn(): void {
        if (this.indexing || this.pending.size === 0) return;
        this.indexing = true;
        const turn = (): void => {
            this.indexPending(TURN_MS);
            if (this.pending.size > 0) nextTurn(turn);
            else this.indexing = false;
        };
        turn();
    }

    override findAllReferences(targetNode: Parameters<DefaultIndexManager['findAllReferences']>[0], astNodePath: string): Stream<ReferenceDescription> {
        this.indexPending();
        return super.findAllReferences(targetNode, astNodePath);
    }

    /** The indexed documents' URIs in the order `allElements` reads them, each with its names of a type (Langium's cached list). */
    namesByFile(nodeType: string, uris?: ReadonlySet<string>): { uris: string[]; names(uri: string): readonly AstNodeDescription[] } {
        return {
            uris: [...this.symbolIndex.keys()].filter(uri => !uris || uris.has(uri)),
            names: uri => this.getFileDescriptions(uri, nodeType)
        };
    }

    override isAffected(document: LangiumDocument, changedUris: Set<string>): boolean {
        this.indexPending();
        const uri = document.uri.toString();
        const referredInto = this.filesReferredInto.get(uri);
        // Langium's answer for a document it indexed itself (another language's), or never indexed.
        if (!referredInto) return super.isAffected(document, changedUris);
        for (const target of referredInto) if (changedUris.has(target)) return true;
        return false;
    }

    override removeReferences(uri: URI): void {
        this.pending.delete(uri.toString());
        this.filesReferredInto.delete(uri.toString());
        super.removeReferences(uri);
    }

    /** Indexes the documents waiting (for at most `forMs`, when given), each as Langium's reference description provider would. */
    private indexPending(forMs = Infinity): void {
        const until = performance.now() + forMs;
        for (const [uri, document] of this.pending) {
            if (performance.now() > until) return;
            this.pending.delete(uri);
            // Changed again since, or gone: its next build indexes it afresh.
            if (document.state < DocumentState.Linked || this.documents.getDocument(document.uri) !== document) continue;
            const provider = this.descriptionProvider(document) as SyncReferenceDescriptionProvider;
            const descriptions: ReferenceDescription[] = [];
            const describe = (reference: ReferenceInfo): void => {
                if (!reference.reference.error) descriptions.push(...provider.describe(reference));
            };
            for (const node of treeOrder(document.parseResult.value).nodes) referencesOf(node, describe);
            this.referenceIndex.set(uri, descriptions);
            this.filesReferredInto.set(uri, new Set(descriptions.filter(description => !description.local).map(description => description.targetUri.toString())));
        }
    }

    private descriptionProvider(document: LangiumDocument) {
        return this.serviceRegistry.getServices(document.uri).workspace.ReferenceDescriptionProvider;
    }
}
