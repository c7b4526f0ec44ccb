import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { includesEntry, isModelFileName, isSkippedFolder } from '../../language-server/src/workspace/model-files.js';
import { checkJson } from '../support/cli.js';
import { LanguageServerSession } from '../support/lsp-client.js';

/**
 * One file selector for the CLI's walk and the server's workspace loading: on a
 * tree with models in skipped and unskipped places, both see the same files.
 */
const TREE = [
    'top.joinery', 'nested/deep/model.joinery', 'output/kept.joinery', 'outer/kept.joinery',
    'out/skipped.joinery', 'nested/out/skipped.joinery', 'node_modules/pkg/skipped.joinery',
    '.hidden/skipped.joinery', '.draft.joinery', 'notes.txt', 'model.joinery.bak'
];
const CHECKED = ['nested/deep/model.joinery', 'outer/kept.joinery', 'output/kept.joinery', 'top.joinery'];

describe('the model file selector', () => {
    it('skips hidden entries, dependencies and build output', () => {
        expect(['.git', '.vscode', 'node_modules', 'out'].every(isSkippedFolder)).toBe(true);
        expect(['src', 'outputs', 'output', 'models'].some(isSkippedFolder)).toBe(false);
        expect(isModelFileName('north.joinery')).toBe(true);
        expect(isModelFileName('.north.joinery')).toBe(false);
        expect(isModelFileName('north.joinery.bak')).toBe(false);
        expect(includesEntry('out', true)).toBe(false);
        expect(includesEntry('out.joinery', false)).toBe(true);
    });

    describe('the CLI and the server on the same tree', () => {
        let folder: string;
        let session: LanguageServerSession;
        beforeAll(async () => {
            folder = mkdtempSync(path.join(tmpdir(), 'joinery-files-'));
            for (const file of TREE) {
                mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
                // Each model has one syntax error, so each file checked has a finding.
                writeFileSync(path.join(folder, file), `actor A${TREE.indexOf(file)} { sector }\n`);
            }
            session = await LanguageServerSession.start(folder);
            await session.settle(CHECKED.length);
        }, 60_000);
        afterAll(async () => {
            await session?.stop();
            rmSync(folder, { recursive: true, force: true });
        });

        it('checks the same files', () => {
            const cli = checkJson(['.'], { cwd: folder });
            const byCli = [...new Set(cli.findings.map(finding => finding.file))].sort();
            const byServer = [...session.diagnostics].filter(([, diagnostics]) => diagnostics.length > 0)
                .map(([uri]) => path.relative(folder, fileURLToPath(uri)).split(path.sep).join('/')).sort();
            expect(byCli).toEqual(CHECKED);
            expect(byServer).toEqual(CHECKED);
            expect(cli.files).toBe(CHECKED.length);
        });
    });
});
