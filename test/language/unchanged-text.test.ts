import { Cancellation, DocumentState, OperationCancelled, URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { JoineryDocumentBuilder } from '../../language-server/src/workspace/document-builder.js';
import { checkWorkspace } from '../support/workspace.js';

// `updateTexts` (workspace/document-builder.ts): an update from the editor naming a
// document whose text is the one it was built from builds nothing, unless a build is
// left to finish. The server over stdio is tested in test/server/unchanged-text.test.ts.
const ACTORS = 'actor Council "City Council" { sector public }\nactor Trust "Care Trust" { sector public }\n';
const ARRANGEMENT = 'arrangement Partnership "Partnership" {\n    involves Council, Trust\n}\n';
const files = { 'actors.joinery': ACTORS, 'partnership.joinery': ARRANGEMENT };
const uriOf = (file: string) => URI.file(`/workspace/${file}`);

async function workspace() {
    const { services } = await checkWorkspace(files);
    const builder = services.shared.workspace.DocumentBuilder;
    if (!(builder instanceof JoineryDocumentBuilder)) throw new Error('not the Joinery builder');
    const updates: string[][] = [];
    builder.onUpdate(changed => { updates.push(changed.map(uri => uri.path)); });
    const unchanged: string[][] = [];
    builder.onUnchangedText(uris => { unchanged.push(uris.map(uri => uri.path)); });
    return { services, builder, updates, unchanged };
}

/** Resolves when the workspace is validated, or rejects after a second. */
function validatedWithin(builder: JoineryDocumentBuilder): Promise<void> {
    return Promise.race([
        builder.waitUntil(DocumentState.Validated),
        new Promise<void>((_, reject) => setTimeout(() => reject(new Error('the workspace was never validated')), 1000))
    ]);
}

describe('an update of a document whose text is the one it was built from', () => {
    it('builds nothing: the document takes the editor\'s text document and the listeners are told', async () => {
        const { services, builder, updates, unchanged } = await workspace();
        const editor = TextDocument.create(uriOf('actors.joinery').toString(), 'joinery', 3, ACTORS);
        services.shared.workspace.TextDocuments.set(editor);
        const actors = services.shared.workspace.LangiumDocuments.getDocument(uriOf('actors.joinery'))!;
        const tree = actors.parseResult;
        await builder.updateTexts([uriOf('actors.joinery')], []);
        expect(updates).toEqual([]);
        expect(unchanged).toEqual([['/workspace/actors.joinery']]);
        expect(actors.textDocument).toBe(editor);
        expect(actors.parseResult).toBe(tree);
        for (const document of services.shared.workspace.LangiumDocuments.all) expect(document.state).toBe(DocumentState.Validated);
    });

    it('builds the others an update names with it', async () => {
        const { services, builder, updates, unchanged } = await workspace();
        services.shared.workspace.TextDocuments.set(TextDocument.create(uriOf('actors.joinery').toString(), 'joinery', 2, ACTORS));
        const edited = ARRANGEMENT.replace('"Partnership"', '"Partnership, edited"');
        services.shared.workspace.TextDocuments.set(TextDocument.create(uriOf('partnership.joinery').toString(), 'joinery', 2, edited));
        await builder.updateTexts([uriOf('actors.joinery'), uriOf('partnership.joinery')], []);
        expect(unchanged).toEqual([['/workspace/actors.joinery']]);
        expect(updates).toEqual([['/workspace/partnership.joinery']]);
        const partnership = services.shared.workspace.LangiumDocuments.getDocument(uriOf('partnership.joinery'))!;
        expect(partnership.parseResult.value.$cstNode?.root.fullText).toBe(edited);
        expect(partnership.state).toBe(DocumentState.Validated);
    });

    it('finishes a build that was cancelled after its last document was validated, its listeners told', async () => {
        const { services, builder, unchanged } = await workspace();
        // A build cancelled while the workspace's listeners of its validation ran:
        // every document validated, the workspace not yet recorded as validated.
        const source = new Cancellation.CancellationTokenSource();
        let first = true;
        builder.onBuildPhase(DocumentState.Validated, () => { if (first) source.cancel(); first = false; });
        // A listener after it, as the server's publisher is: it must hear of the build's end.
        let published = 0;
        builder.onBuildPhase(DocumentState.Validated, () => { published++; });
        services.shared.workspace.TextDocuments.set(TextDocument.create(uriOf('partnership.joinery').toString(), 'joinery', 2, ARRANGEMENT));
        await expect(builder.update([uriOf('partnership.joinery')], [], source.token)).rejects.toBe(OperationCancelled);
        for (const document of services.shared.workspace.LangiumDocuments.all) expect(document.state).toBe(DocumentState.Validated);
        services.shared.workspace.TextDocuments.set(TextDocument.create(uriOf('actors.joinery').toString(), 'joinery', 2, ACTORS));
        expect(published).toBe(0);
        await builder.updateTexts([uriOf('actors.joinery')], []);
        // Langium's update, whole: the unchanged file is built again with the rest.
        expect(unchanged).toEqual([]);
        expect(published).toBe(1);
        // Requests that wait for the validated workspace (quick fixes, the code lens) are answered.
        await validatedWithin(builder);
    });

    it('is built when its text changed', async () => {
        const { services, builder, updates, unchanged } = await workspace();
        services.shared.workspace.TextDocuments.set(TextDocument.create(uriOf('actors.joinery').toString(), 'joinery', 2, `${ACTORS}// reviewed\n`));
        await builder.updateTexts([uriOf('actors.joinery')], []);
        expect(unchanged).toEqual([]);
        expect(updates).toEqual([['/workspace/actors.joinery']]);
    });
});

describe('an update of a closed document where there is no disk', () => {
    it('is Langium\'s update, as before', async () => {
        const { builder, updates, unchanged } = await workspace();
        // No text in the editor and no file system (the server in a browser): nothing to compare with.
        await expect(builder.updateTexts([uriOf('actors.joinery')], [])).rejects.toThrow('No file system is available');
        expect(unchanged).toEqual([]);
        expect(updates).toEqual([['/workspace/actors.joinery']]);
    });
});
