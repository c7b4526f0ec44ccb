import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { describe, expect, it } from 'vitest';
import { createJoineryServices, projectServices } from '../../language-server/src/joinery-module.js';
import type { Model } from '../../language-server/src/generated/ast.js';
import { type JoineryServiceRegistry } from '../../language-server/src/workspace/service-registry.js';

/**
 * Every project parses with the root project's parser and lexer (building them is
 * the costly part of a project's services), yet each reference resolves in its own
 * project's names: two projects that declare the same actor each link to their own.
 */
describe('one parser for every project', () => {
    it('is shared, and links each reference within its own project', async () => {
        const { shared } = createJoineryServices(EmptyFileSystem);
        const registry = shared.ServiceRegistry as JoineryServiceRegistry;
        registry.layout.setFolders([URI.file('/w/north'), URI.file('/w/south')]);
        const model = (title: string) => `actor Health "${title}" { sector statutory }\narrangement A "A" { partners Health }\n`;
        const documents: LangiumDocument[] = ['north', 'south'].map(project =>
            shared.workspace.LangiumDocuments.createDocument(URI.file(`/w/${project}/a.joinery`), model(`${project} health`)));
        await shared.workspace.DocumentBuilder.build(documents, { validation: true });
        const [, north, south] = projectServices(shared);
        expect(north.parser.LangiumParser).toBe(south.parser.LangiumParser);
        expect(north.parser.Lexer).toBe(south.parser.Lexer);
        expect(north.references.Linker).not.toBe(south.references.Linker);
        const partnerTitles = documents.map(document => {
            const arrangement = (document.parseResult.value as Model).declarations.find(element => element.$type === 'Arrangement');
            return (arrangement as unknown as { partners: Array<{ ref?: { title?: string } }> }).partners.map(partner => partner.ref?.title);
        });
        expect(partnerTitles).toEqual([['north health'], ['south health']]);
        expect(documents.flatMap(document => document.diagnostics ?? []).filter(d => d.severity === 1)).toEqual([]);
    });
});
