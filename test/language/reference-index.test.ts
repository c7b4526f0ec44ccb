import { describe, expect, it } from 'vitest';
import { AstUtils, DefaultDocumentBuilder, DefaultIndexManager, isReference, TextDocument, URI, type LangiumDocument } from 'langium';
import { isActor, type Model } from '../../language-server/src/generated/ast.js';
import { collectFindings } from '../../language-server/src/checking/collect.js';
import { checkWorkspace } from '../support/workspace.js';
import type { DeferredReferenceIndexManager } from '../../language-server/src/references/deferred-reference-index.js';

/**
 * The reference index is filled when first asked for (workspace/deferred-reference-index.ts):
 * these are the questions Langium asks of it, asked straight after a build.
 */
describe('the deferred reference index', () => {
    const files = {
        'actors.joinery': 'actor NHS { sector statutory }\nactor TSI { sector third }\n',
        'north.joinery': 'arrangement North { partners NHS, TSI\n  forum IJB { kind board voting NHS, TSI }\n}\n'
    };

    it('finds every reference to a declaration in another file, without waiting', async () => {
        const { services, models } = await checkWorkspace(files);
        const nhs = models.get('actors.joinery')!.declarations.find(d => isActor(d) && d.name === 'NHS')!;
        const path = services.workspace.AstNodeLocator.getAstNodePath(nhs);
        const references = services.shared.workspace.IndexManager.findAllReferences(nhs, path).toArray();
        expect(references.map(r => `${r.sourceUri.path} ${r.segment.range.start.line}:${r.segment.range.start.character}`)).toEqual([
            '/workspace/north.joinery 0:29', '/workspace/north.joinery 1:32'
        ]);
    });

    it('re-links a file when a declaration it refers to in another file is renamed away, and back', async () => {
        const { services } = await checkWorkspace(files);
        const documents = services.shared.workspace.LangiumDocuments;
        const builder = services.shared.workspace.DocumentBuilder;
        const actors = documents.getDocument(URI.file('/workspace/actors.joinery'))!;
        let version = 1;
        // An editor's change: the new text arrives through the text documents.
        const edit = async (text: string) => {
            services.shared.workspace.TextDocuments.set(TextDocument.create(actors.uri.toString(), 'joinery', ++version, text));
            await builder.update([actors.uri], []);
        };
        await edit(files['actors.joinery'].replace('actor NHS', 'actor Health'));
        expect(collectFindings(services).filter(f => f.rule === 'reference').map(f => f.message)).toEqual([
            "Cannot find actor or body 'NHS' (in `partners`)", "Cannot find actor or body 'NHS' (in `voting`)"
        ]);
        await edit(files['actors.joinery']);
        expect(collectFindings(services).filter(f => f.rule === 'reference')).toEqual([]);
        const north = documents.getDocument(URI.file('/workspace/north.joinery'))!;
        const partners = (north.parseResult.value as Model).declarations[0];
        expect(AstUtils.streamReferences(partners).toArray().every(r => isReference(r.reference) && r.reference.ref !== undefined)).toBe(true);
    });

    it('says which files an edit affects as Langium does, and which must be linked again', async () => {
        const { services } = await checkWorkspace({
            ...files,
            'south.joinery': 'arrangement South { partners NHS, Missing\n  forum Board { kind board voting NHS }\n}\n',
            'own.joinery': 'actor Own { sector third }\narrangement Alone { partners Own\n  forum B { kind board voting Own }\n}\n'
        });
        const { IndexManager, LangiumDocuments, DocumentBuilder } = services.shared.workspace;
        const documents = LangiumDocuments.all.toArray();
        const changes = [[], ...documents.map(document => [document.uri.toString()]), documents.map(document => document.uri.toString())];
        // Langium's own answers, read from every reference of the document.
        const langiumAffected = (document: LangiumDocument, changed: Set<string>) => DefaultIndexManager.prototype.isAffected.call(IndexManager, document, changed);
        const langiumRelinks = (document: LangiumDocument, changed: Set<string>) => (DefaultDocumentBuilder.prototype as unknown as { shouldRelink(d: LangiumDocument, c: Set<string>): boolean }).shouldRelink.call(DocumentBuilder, document, changed);
        const relinks = (document: LangiumDocument, changed: Set<string>) => (DocumentBuilder as unknown as { shouldRelink(d: LangiumDocument, c: Set<string>): boolean }).shouldRelink(document, changed);
        const answers = documents.flatMap(document => changes.map(uris => {
            const changed = new Set(uris);
            expect(IndexManager.isAffected(document, changed)).toBe(langiumAffected(document, changed));
            expect(relinks(document, changed)).toBe(langiumRelinks(document, changed));
            return `${document.uri.path} ${uris.length} ${relinks(document, changed)}`;
        }));
        // South has a reference that does not resolve: linked again after any edit. Own refers only into itself.
        expect(answers.filter(answer => answer.startsWith('/workspace/south.joinery')).every(answer => answer.endsWith('true'))).toBe(true);
        expect(answers.filter(answer => answer.startsWith('/workspace/own.joinery')).every(answer => answer.endsWith('false'))).toBe(true);
        expect(answers).toContain('/workspace/north.joinery 0 false');
    });

    it('in the server, indexes after each build once its diagnostics are written, and not before', async () => {
        const { services } = await checkWorkspace(files);
        const index = services.shared.workspace.IndexManager as DeferredReferenceIndexManager;
        let written!: () => void;
        index.indexAfterEachBuild(() => new Promise<void>(resolve => { written = resolve; }));
        const indexed = () => [...(index as unknown as { referenceIndex: Map<string, unknown> }).referenceIndex.keys()].map(uri => URI.parse(uri).path).sort();
        const turns = async (n: number) => { for (let i = 0; i < n; i++) await new Promise(resolve => setImmediate(resolve)); };
        const actors = URI.file('/workspace/actors.joinery');
        services.shared.workspace.TextDocuments.set(TextDocument.create(actors.toString(), 'joinery', 2, files['actors.joinery'] + 'actor More { sector private }\n'));
        await services.shared.workspace.DocumentBuilder.update([actors], []);
        await turns(5);
        // Both files were linked again: their references wait for the publications.
        expect(indexed()).toEqual([]);
        written();
        await turns(5);
        expect(indexed()).toEqual(['/workspace/actors.joinery', '/workspace/north.joinery']);
    });
});
