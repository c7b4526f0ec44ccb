import { describe, expect, it } from 'vitest';
import type { LangiumDocument } from 'langium';
import { checkWorkspace } from '../support/workspace.js';
import { FULL_ORDER_IJB } from './ijb-models.js';

async function open(text: string): Promise<{ document: LangiumDocument; services: Awaited<ReturnType<typeof checkWorkspace>>['services'] }> {
    const { services } = await checkWorkspace(text);
    const document = services.shared.workspace.LangiumDocuments.all.toArray()[0];
    return { document, services };
}

function position(text: string, needle: string, offset = 0): { line: number; character: number } {
    const index = text.indexOf(needle) + offset;
    const before = text.slice(0, index).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}

describe('profiles in the editor', () => {
    it('completes profile ids after `profile`', async () => {
        const text = 'arrangement A { forum F { kind board profile  } }';
        const { document, services } = await open(text);
        const list = await services.lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position: position(text, 'profile ', 8) });
        expect(list?.items.map(i => i.label)).toEqual(expect.arrayContaining(['scotland-ijb', 'england-csp', 'england-da-board', 'marac']));
    });

    it('completes actor roles after `role` on an actor, and forum roles on a forum', async () => {
        const text = 'actor A { sector statutory role  }\narrangement X { forum F { role  } }';
        const { document, services } = await open(text);
        const onActor = await services.lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position: position(text, 'role ', 5) });
        expect(onActor?.items.map(i => i.label)).toContain('chief-officer');
        expect(onActor?.items.map(i => i.label)).not.toContain('locality');
        const onForum = await services.lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position: position(text, '{ role ', 7) });
        expect(onForum?.items.map(i => i.label)).toContain('locality');
        expect(onForum?.items.map(i => i.label)).not.toContain('chief-officer');
    });

    it('hovers a profile id with its title, instrument and requirements, marked for the forum', async () => {
        const { document, services } = await open(FULL_ORDER_IJB);
        const hover = await services.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: document.uri.toString() }, position: position(FULL_ORDER_IJB, 'scotland-ijb', 3) });
        const value = (hover?.contents as { value: string }).value;
        expect(value).toContain('Integration joint board (Scotland, one local authority)');
        expect(value).toContain('Public Bodies (Joint Working) (Integration Joint Boards) (Scotland) Order 2014');
        expect(value).toContain('https://www.legislation.gov.uk/ssi/2014/285');
        expect(value).toContain('✓ the chief officer, as a non-voting member');
        expect(value).toContain('✓ a chair and a vice-chair');
        expect(value).toContain('17 of 17 requirements met');
    });

    it('hovers a role with what it is', async () => {
        const { document, services } = await open(FULL_ORDER_IJB);
        const hover = await services.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: document.uri.toString() }, position: position(FULL_ORDER_IJB, 'chief-officer', 2) });
        expect((hover?.contents as { value: string }).value).toContain('Chief officer of the integration joint board');
    });
});
