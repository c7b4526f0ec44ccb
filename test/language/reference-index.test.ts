import { describe, expect, it } from 'vitest';
import { AstUtils, isReference, TextDocument, URI } from 'langium';
import { isActor, type Model } from '../../language-server/src/generated/ast.js';
import { collectFindings } from '../../language-server/src/checking/collect.js';
import { checkWorkspace } from '../support/workspace.js';

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
});
