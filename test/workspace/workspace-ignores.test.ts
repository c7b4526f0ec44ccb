import { URI, type FileSystemProvider } from 'langium';
import { describe, expect, it } from 'vitest';
import type { ConfigText } from '../../language-server/src/workspace/model-disk.js';
import { WorkspaceIgnores } from '../../language-server/src/workspace/workspace-ignores.js';

/** A disk of joinery.json texts by folder path, as the server's file system provider answers. */
function disk(configs: Map<string, string>): FileSystemProvider {
    return {
        problemOf: () => undefined,
        pathKind: () => 'entry',
        readConfig: (uri: URI): ConfigText => {
            const text = configs.get(uri.path.replace(/\/joinery\.json$/, ''));
            return text === undefined ? { missing: true } : { text };
        }
    } as unknown as FileSystemProvider;
}

describe('WorkspaceIgnores', () => {
    const root = URI.file('/w');
    const south = URI.file('/w/south');

    it("applies the root's ignores to every model and folder, a project's to its own models only", () => {
        const ignores = new WorkspaceIgnores(disk(new Map([['/w', '{ "ignores": ["drafts/"] }'], ['/w/south', '{ "ignores": ["wip.joinery"] }']])));
        expect(ignores.ignores(URI.file('/w/drafts'), true, root, undefined)).toBe(true);
        expect(ignores.ignores(URI.file('/w/south/wip.joinery'), false, root, south)).toBe(true);
        expect(ignores.ignores(URI.file('/w/wip.joinery'), false, root, undefined)).toBe(false);
        expect(ignores.ignores(URI.file('/w/south/plan.joinery'), false, root, south)).toBe(false);
    });

    it('says a changed joinery.json changed what is ignored only when its ignores changed', () => {
        const configs = new Map([['/w/south', '{ "ignores": ["wip.joinery"] }']]);
        const ignores = new WorkspaceIgnores(disk(configs));
        expect(ignores.ignores(URI.file('/w/south/wip.joinery'), false, root, south)).toBe(true);
        configs.set('/w/south', '{ "ignores": ["wip.joinery"], "rules": { "siloed-team": "off" } }');
        expect(ignores.refresh([south])).toBe(false);
        configs.set('/w/south', '{ "rules": { "siloed-team": "off" } }');
        expect(ignores.refresh([south])).toBe(true);
        expect(ignores.ignores(URI.file('/w/south/wip.joinery'), false, root, south)).toBe(false);
        // A broken file ignores nothing (its problem is the rule settings' diagnostic): no change from nothing.
        configs.set('/w/south', '{ "ignores": [');
        expect(ignores.refresh([south])).toBe(false);
        configs.set('/w/south', '{ "ignores": ["*.joinery"] }');
        expect(ignores.refresh([south])).toBe(true);
    });
});
