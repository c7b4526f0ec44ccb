import { DocumentState, EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { createJoineryServices } from '../../language-server/src/joinery-module.js';

/**
 * Waiting for a state must end once the workspace reaches it, even through a
 * build that gives Langium no phase to announce. Langium's own wait listens for
 * phase events and, on a rebuild with nothing to rebuild, waited for ever (a
 * hover after a watched-file event that changed nothing, seen in the fuzz run).
 */
const BUILT_IN_TIME = 5_000;

async function builtWorkspace() {
    const services = createJoineryServices(EmptyFileSystem);
    const { LangiumDocuments, LangiumDocumentFactory, DocumentBuilder } = services.shared.workspace;
    const document = LangiumDocumentFactory.fromString('actor Council { sector public }\n', URI.parse('file:///ws/council.joinery'));
    LangiumDocuments.addDocument(document);
    await DocumentBuilder.build([document], { validation: true });
    return { builder: DocumentBuilder, document };
}

function settlesInTime(wait: Promise<unknown>): Promise<string> {
    return Promise.race([wait.then(() => 'reached'), new Promise<string>(resolve => setTimeout(() => resolve('still waiting'), BUILT_IN_TIME))]);
}

describe('waiting for the workspace to reach a state', () => {
    it('ends when a rebuild that had nothing to rebuild reaches it', async () => {
        const { builder } = await builtWorkspace();
        const update = builder.update([], []);
        const linked = builder.waitUntil(DocumentState.Linked);
        await update;
        expect(await settlesInTime(linked)).toBe('reached');
    });

    it('still answers at once when the state was reached already', async () => {
        const { builder, document } = await builtWorkspace();
        expect(await settlesInTime(builder.waitUntil(DocumentState.Validated))).toBe('reached');
        expect(await settlesInTime(builder.waitUntil(DocumentState.Validated, document.uri))).toBe('reached');
    });
});
