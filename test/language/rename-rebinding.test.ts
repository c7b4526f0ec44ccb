import { describe, expect, it } from 'vitest';
import { FuzzWorkspace } from '../fuzz/fuzz-workspace.js';

/**
 * A rename never makes a reference mean another declaration (issue 19: such a
 * rename was accepted, and the findings about the old meaning vanished).
 */
const workspace = new FuzzWorkspace();

async function renameAt(files: Record<string, string>, file: string, name: string, newName: string): Promise<string> {
    await workspace.load(files);
    const document = workspace.document(file)!;
    const offset = document.textDocument.getText().indexOf(name);
    const params = { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset + 1), newName };
    try {
        const edit = await workspace.services.lsp.RenameProvider!.rename(document, params);
        return edit ? 'renamed' : 'nothing';
    } catch (error) {
        return (error as Error).message;
    }
}

describe('rename', () => {
    const MODEL = 'actor NHS { sector statutory }\nactor Vol { sector third }\narrangement A { partners NHS, Vol\n  forum Board { kind board voting NHS }\n  team Hub { staff Vol }\n}\n';

    it('refuses a top-level name that an element hides inside an arrangement', async () => {
        expect(await renameAt({ 'm.joinery': MODEL }, 'm.joinery', 'Vol', 'Hub')).toMatch(/^Renaming to Hub would change what other names mean: arrangement A has an element named Hub/);
    });

    it('refuses an element name that would hide a top-level declaration its arrangement refers to', async () => {
        expect(await renameAt({ 'm.joinery': MODEL }, 'm.joinery', 'Hub', 'NHS')).toMatch(/^Renaming to NHS would change what other names mean: the element would hide the top-level NHS/);
    });

    it('refuses a name that unresolved references use, which would start naming the renamed declaration', async () => {
        const files = { 'm.joinery': MODEL.replace('partners NHS, Vol', 'partners NHS, Vol, Council') };
        expect(await renameAt(files, 'm.joinery', 'Vol', 'Council')).toMatch(/'Council' names nothing now/);
    });

    it('renames to a fresh name as before', async () => {
        expect(await renameAt({ 'm.joinery': MODEL }, 'm.joinery', 'Vol', 'Voluntary')).toBe('renamed');
        expect(await renameAt({ 'm.joinery': MODEL }, 'm.joinery', 'Hub', 'Centre')).toBe('renamed');
    });
});
