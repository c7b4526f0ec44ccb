import { DefaultDocumentBuilder, DocumentState, type AstNode, OperationCancelled, UriUtils, type Cancellation, type Disposable, type LangiumDocument, type MaybePromise, type URI } from 'langium';

import { keepLinksThroughEdit } from '../references/kept-links.js';
import { notInWorkspace } from './workspace-manager.js';
import { modelDisk } from './model-disk.js';
import { JoineryDocumentFactory } from './document-factory.js';

type CancellationToken = Cancellation.CancellationToken;

/** Something a request waits for: a document reaching a phase, or the workspace reaching a state. */
interface Waiter {
    /** Called after a document reached `state` (before Langium's listeners, which a cancelled build skips). */
    documentReached?(document: LangiumDocument, state: DocumentState): boolean;
    /** Called after the workspace recorded `state` as reached. */
    workspaceReached?(state: DocumentState): boolean;
    wake(): void;
}

/**
 * Langium's document builder, except that waiting for a file (or the workspace)
 * to reach a state also waits until the file (every file) open in the editor has
 * been parsed from the editor's text. Langium 4 answers a request as soon as the
 * document has reached the state it needs, even when that was reached with older
 * text: the update for an edit is queued behind the build in progress (at
 * start-up, the whole workspace's) and resets the document only when it runs. A
 * formatting request sent right after opening or editing a file was answered from
 * the text before, and its edits applied to the new text.
 *
 * Requests also wait here rather than on Langium's phase events, which can be
 * missed for good: Langium sends no workspace event for a phase that had no
 * document to bring to it (a build after a watched-file event that changed
 * nothing, or one resuming documents whose validation was cancelled) yet records
 * the state as reached, and skips a document's listeners when the build is
 * cancelled just after the document reached the phase. A hover that began
 * waiting at such a moment waited for ever (seen in the fuzz run under load).
 */
export class JoineryDocumentBuilder extends DefaultDocumentBuilder {
    private readonly waiters = new Set<Waiter>();
    /** Per document's list of references: how much of it was read, and whether that much held one that did not resolve. */
    private readonly unresolvedRead = new WeakMap<readonly unknown[], { read: number; unresolved: boolean }>();

    /** The one document an update changes, when it changes one and deletes none (an edit): its links may be kept. */
    private editedAlone: string | undefined;

    /** Told of the documents an update from the editor or the disk named that needed no build. */
    private readonly unchangedListeners: Array<(uris: URI[]) => void> = [];

    override async update(changed: URI[], deleted: URI[], cancelToken?: CancellationToken): Promise<void> {
        this.editedAlone = changed.length === 1 && deleted.length === 0 ? changed[0].toString() : undefined;
        try {
            await super.update(changed, deleted, cancelToken);
        } finally {
            this.editedAlone = undefined;
        }
    }

    /**
     * An update from the editor or the disk (a file opened, edited, closed, or changed
     * on disk). Langium resets every document an update names, and relinks and
     * validates every document that refers into one, even when its text is the one it
     * was built from: opening the file of actors a thousand arrangements share, or
     * closing it unedited, built the whole workspace again (1.5 s on 1,001 files). A
     * document built to the end whose text now (the editor's, or the file's once
     * closed) is the one it was parsed from, and whose file had no reading problem,
     * would be built again to the same result; it only takes the editor's text
     * document, and the listeners are told (the server sends its diagnostics again, as
     * after a build). The rest is Langium's update, which also resumes a build the
     * update cancelled. A change of projects or a rescan builds everything with `update`.
     */
    async updateTexts(changed: URI[], deleted: URI[], cancelToken?: CancellationToken): Promise<void> {
        // A build this update cancelled (even after its last document was validated, while
        // the listeners that publish its results ran) is finished by Langium's update, whole.
        if (this.currentState < DocumentState.Validated) return this.update(changed, deleted, cancelToken);
        const unchanged = await this.unchangedText(changed);
        if (unchanged.size === 0) return this.update(changed, deleted, cancelToken);
        this.unchangedListeners.forEach(listener => listener([...unchanged]));
        const rest = changed.filter(uri => !unchanged.has(uri));
        if (rest.length > 0 || deleted.length > 0 || this.anyToResume()) await this.update(rest, deleted, cancelToken);
    }

    /** Called with the documents an update from the editor or the disk named that needed no build (see `updateTexts`). */
    onUnchangedText(listener: (uris: URI[]) => void): Disposable {
        this.unchangedListeners.push(listener);
        return { dispose: () => { this.unchangedListeners.splice(this.unchangedListeners.indexOf(listener), 1); } };
    }

    /** The documents of `changed` whose text is the one they were built from, each given its text document now. */
    private async unchangedText(changed: URI[]): Promise<Set<URI>> {
        const unchanged = new Set<URI>();
        const disk = modelDisk(this.fileSystemProvider);
        const factory = this.langiumDocumentFactory;
        for (const uri of changed) {
            const document = this.langiumDocuments.getDocument(uri);
            const key = uri.toString();
            if (!document || document.state < DocumentState.Validated || !this.buildState.get(key)?.completed) continue;
            // A file that could not be read is reported only while it is closed: opening or
            // closing it changes its findings, and so does reading it well again (read here).
            if (disk?.problemOf(uri) !== undefined || !(factory instanceof JoineryDocumentFactory)) continue;
            // The update that follows, if any, gives the document its text document again.
            if (await factory.takeUnchangedText(document) && disk?.problemOf(uri) === undefined) unchanged.add(uri);
        }
        return unchanged;
    }

    /** Whether a document is left to build: one an earlier update reset, or whose build was cancelled or left incomplete (Langium's test). */
    private anyToResume(): boolean {
        return this.langiumDocuments.all.some(document => document.state < DocumentState.Validated
            || !this.buildState.get(document.uri.toString())?.completed || this.resultsAreIncomplete(document, this.updateBuildOptions));
    }

    /** A document reset for an edit that is its build's only change keeps the links its new tree can keep (references/kept-links.ts). */
    override resetToState<T extends AstNode>(document: LangiumDocument<T>, state: DocumentState): void {
        if (state === DocumentState.Changed && this.editedAlone !== undefined && document.uri.toString() === this.editedAlone) keepLinksThroughEdit(document);
        super.resetToState(document, state);
    }

    protected override async awaitDocumentState(state: DocumentState, uri: URI, cancelToken: CancellationToken): Promise<URI> {
        // Langium answers ServerCancelled, which a client may retry for ever.
        if (!this.langiumDocuments.hasDocument(uri)) throw notInWorkspace();
        while (this.isBehindEditor(uri)) await this.nextParse(uri, cancelToken);
        const document = this.langiumDocuments.getDocument(uri);
        // Langium's own answers: reached already, cancelled, or left out of the build.
        if (!document || document.state >= state || cancelToken.isCancellationRequested || this.currentState >= state) {
            return super.awaitDocumentState(state, uri, cancelToken);
        }
        await this.wait(cancelToken, {
            documentReached: (reached, phase) => phase >= state && UriUtils.equals(reached.uri, uri),
            // The document was dropped from the build (deleted) while the workspace went on.
            workspaceReached: phase => phase >= state && !this.langiumDocuments.hasDocument(uri)
        });
        return super.awaitDocumentState(state, uri, cancelToken);
    }

    protected override async awaitBuilderState(state: DocumentState, cancelToken: CancellationToken): Promise<void> {
        for (let behind = this.openDocumentBehindEditor(); behind; behind = this.openDocumentBehindEditor()) await this.nextParse(behind, cancelToken);
        if (this.currentState >= state) return;
        await this.wait(cancelToken, { workspaceReached: phase => phase >= state });
    }

    protected override async notifyDocumentPhase(document: LangiumDocument, state: DocumentState, cancelToken: CancellationToken): Promise<void> {
        for (const waiter of [...this.waiters]) if (waiter.documentReached?.(document, state)) waiter.wake();
        return super.notifyDocumentPhase(document, state, cancelToken);
    }

    /** Each phase ends by recording the state the workspace has reached, whether or not it notified anyone. */
    protected override async runCancelable(documents: LangiumDocument[], targetState: DocumentState, cancelToken: CancellationToken,
        callback: (document: LangiumDocument) => MaybePromise<unknown>): Promise<void> {
        await super.runCancelable(documents, targetState, cancelToken, callback);
        for (const waiter of [...this.waiters]) if (waiter.workspaceReached?.(this.currentState)) waiter.wake();
    }

    /**
     * Langium's test, except that whether a document has a reference that did not
     * resolve is remembered: every edit asks it of every document, and reading each
     * reference's error again cost 7 ms an edit on a thousand files. A reference,
     * once resolved, keeps its answer until its document is linked again, which
     * starts a new list; a list only grows (references resolved late).
     */
    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        const references = document.references;
        let seen = this.unresolvedRead.get(references);
        if (!seen) this.unresolvedRead.set(references, seen = { read: 0, unresolved: false });
        for (; !seen.unresolved && seen.read < references.length; seen.read++) {
            if (references[seen.read].error !== undefined) seen.unresolved = true;
        }
        return seen.unresolved || this.indexManager.isAffected(document, changedUris);
    }

    private wait(cancelToken: CancellationToken, until: Omit<Waiter, 'wake'>): Promise<void> {
        if (cancelToken.isCancellationRequested) return Promise.reject(OperationCancelled);
        return new Promise((resolve, reject) => {
            const forget = () => {
                this.waiters.delete(waiter);
                cancelled.dispose();
            };
            const waiter: Waiter = { ...until, wake: () => { forget(); resolve(); } };
            const cancelled = cancelToken.onCancellationRequested(() => { forget(); reject(OperationCancelled); });
            this.waiters.add(waiter);
        });
    }

    private openDocumentBehindEditor(): URI | undefined {
        return this.langiumDocuments.all.map(document => document.uri).find(uri => this.isBehindEditor(uri));
    }

    /** Whether the editor holds text for the document that it was not parsed from (a file too large to parse has no tree and never is). */
    private isBehindEditor(uri: URI): boolean {
        const editor = this.textDocuments?.get(uri.toString());
        const parsed = this.langiumDocuments.getDocument(uri)?.parseResult.value.$cstNode?.root.fullText;
        return editor !== undefined && parsed !== undefined && parsed !== editor.getText();
    }

    /** The document's next parse, or its removal from the workspace (after which it can never catch up). */
    private nextParse(uri: URI, cancelToken: CancellationToken): Promise<void> {
        return this.wait(cancelToken, {
            documentReached: (document, phase) => phase === DocumentState.Parsed && UriUtils.equals(document.uri, uri),
            workspaceReached: () => !this.langiumDocuments.hasDocument(uri)
        });
    }
}
