import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LanguageServerSession } from '../support/lsp-client.js';

// Issue 16: an untitled Joinery buffer (VS Code's `untitled:` scheme, which the
// client's document selector includes) is checked as one more file of the
// workspace, and its findings are published to it.
let workspace: string;
let session: LanguageServerSession;

beforeAll(async () => {
    workspace = mkdtempSync(path.join(tmpdir(), 'joinery-untitled-'));
    writeFileSync(path.join(workspace, 'actors.joinery'), 'actor NHS "Health board" { sector statutory }\nactor Council { sector statutory }\n');
    session = await LanguageServerSession.start(workspace);
    await session.settle(1);
});

afterAll(async () => {
    await session?.stop();
    rmSync(workspace, { recursive: true, force: true });
});

describe('an untitled buffer', () => {
    it('gets its findings, with the names of the workspace resolved', async () => {
        const uri = 'untitled:Untitled-1';
        await session.connection.sendNotification('textDocument/didOpen', {
            textDocument: { uri, languageId: 'joinery', version: 1, text: 'arrangement North {\n  partners NHS, Council, Nobody\n  stage 7\n}\n' }
        });
        await session.settle(2);
        const diagnostics = session.diagnostics.get(uri) ?? [];
        const codes = diagnostics.map(d => String(d.code));
        // The unknown partner is a reference error; the workspace's actors resolve (no error names them).
        expect(codes).toContain('reference');
        expect(diagnostics.filter(d => d.code === 'reference').map(d => d.message).join('\n')).toContain('Nobody');
        expect(diagnostics.map(d => d.message).join('\n')).not.toMatch(/NHS'|Council'/);
        expect(codes).toContain('stage-claim-unsupported');
    });
});
