import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { CheckWorkspaceRequest } from '../../language-server/src/server/check-workspace-protocol.js';
import { checkJson } from '../support/cli.js';
import { LanguageServerSession } from '../support/lsp-client.js';

// "Joinery: Check Workspace" asks the server to re-read the workspace from disk,
// as `joinery check` would: files the editor never told it about count too.
const ACTORS = 'actor H "Health board" { sector statutory }\nactor V "Voluntary sector" { sector third }\n';
const ARRANGEMENT = `arrangement A "A partnership" {
  partners H
  forum B "Board" { kind board voting H }
  service S { delivered by V }
}
`;

let session: LanguageServerSession | undefined;
let folder: string | undefined;
afterEach(async () => {
    await session?.stop();
    if (folder) rmSync(folder, { recursive: true, force: true });
    session = undefined;
});

describe('the Check Workspace request', () => {
    it('picks up files added, changed and deleted outside the editor, and joinery.json, and counts like the CLI', async () => {
        folder = mkdtempSync(path.join(tmpdir(), 'joinery-check-'));
        const file = (name: string) => path.join(folder!, name);
        writeFileSync(file('actors.joinery'), ACTORS);
        writeFileSync(file('old.joinery'), 'actor Old "Gone soon" { sector }\n');
        session = await LanguageServerSession.start(folder);
        await session.settle(2);
        const uri = (name: string) => pathToFileURL(file(name)).href;
        expect(session.diagnostics.get(uri('old.joinery'))?.length).toBeGreaterThan(0);

        // Behind the server's back: a new model with a gap, a deleted one, and a config.
        writeFileSync(file('arrangement.joinery'), ARRANGEMENT);
        unlinkSync(file('old.joinery'));
        writeFileSync(file('joinery.json'), '{"rules": {"unfunded-provider": "info"}}');
        const summary = await session.connection.sendRequest(CheckWorkspaceRequest);

        const cli = checkJson(['.'], { cwd: folder });
        expect(cli.findings.some(f => f.rule === 'no-board-voice')).toBe(true);
        expect(cli.findings.find(f => f.rule === 'unfunded-provider')?.severity).toBe('info');
        expect(summary).toEqual({ files: cli.files, ...cli.summary });
        const published = [...session.diagnostics.get(uri('actors.joinery'))!, ...session.diagnostics.get(uri('arrangement.joinery'))!];
        expect(published.map(d => `${d.code} ${d.severity} ${d.message}`).sort())
            .toEqual(cli.findings.map(f => `${f.rule} ${{ error: 1, warning: 2, info: 3 }[f.severity]} ${f.message}`).sort());
        expect(session.diagnostics.get(uri('old.joinery'))).toEqual([]);
    });
});
