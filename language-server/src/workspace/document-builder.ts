import { DefaultDocumentBuilder, DocumentState, OperationCancelled, UriUtils, type Cancellation, type URI } from 'langium';

import { notInWorkspace } from './workspace-manager.js';

type CancellationToken = Cancellation.CancellationToken;

/**
 * Langium's document builder, except that waiting for a file (or the workspace)
 * to reach a state also waits until the file (every file) open in the editor has
 * been parsed from the editor's text. Langium 4 answers a request as soon as the
 * document has reached the state it needs, even when that was reached with older
 * text: the update for an edit is queued behind the build in progress (at
 * start-up, the whole workspace's) and resets the document only when it runs. A
 * formatting request sent right after opening or editing a file was answered from
 * the text before, and its edits applied to the new text.
 */
export class JoineryDocumentBuilder extends DefaultDocumentBuilder {
    protected override async awaitDocumentState(state: DocumentState, uri: URI, cancelToken: CancellationToken): Promise<URI> {
        // Langium answers ServerCancelled, which a client may retry for ever.
        if (!this.langiumDocuments.hasDocument(uri)) throw notInWorkspace();
        while (this.isBehindEditor(uri)) await this.nextParse(uri, cancelToken);
        return super.awaitDocumentState(state, uri, cancelToken);
    }

    protected override async awaitBuilderState(state: DocumentState, cancelToken: CancellationToken): Promise<void> {
        for (let behind = this.openDocumentBehindEditor(); behind; behind = this.openDocumentBehindEditor()) await this.nextParse(behind, cancelToken);
        return super.awaitBuilderState(state, cancelToken);
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

    private nextParse(uri: URI, cancelToken: CancellationToken): Promise<void> {
        if (cancelToken.isCancellationRequested) return Promise.reject(OperationCancelled);
        return new Promise((resolve, reject) => {
            const parsed = this.onDocumentPhase(DocumentState.Parsed, document => {
                if (!UriUtils.equals(document.uri, uri)) return;
                parsed.dispose();
                cancelled.dispose();
                resolve();
            });
            const cancelled = cancelToken.onCancellationRequested(() => {
                parsed.dispose();
                cancelled.dispose();
                reject(OperationCancelled);
            });
        });
    }
}
