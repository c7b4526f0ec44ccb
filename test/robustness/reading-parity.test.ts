import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LanguageServerSession } from '../support/lsp-client.js';
import { cliFindings, serverFindings, type ComparableFinding } from '../support/parity.js';

/**
 * One reading of a file's bytes (issue 19, deliverable 1): `joinery check` on a
 * folder and the server with that folder as its workspace report the same findings,
 * field by field (file, rule, range, message), for every kind of file the reading
 * decides on: NUL bytes, invalid UTF-8, a byte order mark, CRLF and lone CR line
 * ends, tabs, astral characters, pipes, links, folders, huge and unreadable files,
 * and models under folders the walk skips.
 */

const GAP = (name: string) => `actor ${name} { sector third }\narrangement Arr${name} { partners ${name} forum Lonely${name} { kind planning } }\n`;
/** Errors on several lines, so a shifted column or line shows. */
const ERRORS = (name: string, eol: string) => [`actor ${name} "T" { sector statutory }`, `arrangement A${name} {`, `\tpartners ${name}, Nobody${name}`, `\tforum F${name} { kind board voting ${name} 0 }`, '}', ''].join(eol);

let dir: string;
beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'joinery-parity-'));
    chmodSync(dir, 0o755);
});
afterAll(() => {
    spawnSync('chmod', ['-R', 'u+rwx', dir]);
    rmSync(dir, { recursive: true, force: true });
});

function folder(name: string, files: Record<string, string | Buffer>): string {
    const root = path.join(dir, name);
    mkdirSync(root, { recursive: true });
    chmodSync(root, 0o755);
    for (const [file, content] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        writeFileSync(path.join(root, file), content);
    }
    return root;
}

async function serverOn(root: string, files: number, options: { asNobody?: boolean } = {}): Promise<ComparableFinding[]> {
    const session = await LanguageServerSession.start(root, options);
    try {
        await session.settle(files, 600, 60_000);
        return serverFindings(session.diagnostics, root);
    } finally {
        await session.stop();
    }
}

describe('the CLI and the server read a folder alike', () => {
    it('give the same findings for every kind of bytes, file and folder', async () => {
        const root = folder('bytes', {
            'plain.joinery': ERRORS('Pln', '\n'),
            'nul.joinery': Buffer.concat([Buffer.from(GAP('Nul')), Buffer.from([0]), Buffer.from('actor X\0Y { sector third }\n')]),
            'latin1.joinery': Buffer.from('actor Caf\xe9 { sector third }\n', 'latin1'),
            'bom.joinery': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ERRORS('Bom', '\n'))]),
            'crlf.joinery': ERRORS('Crl', '\r\n'),
            'cr.joinery': ERRORS('Lcr', '\r'),
            'astral.joinery': ERRORS('Ast', '\n').replace('"T"', '"𝒯😀 \u{1F3F4}"').replace('\tpartners', '\t/* 😀😀 */ partners'),
            'empty.joinery': '',
            'huge.joinery': Buffer.alloc(600 * 1024, 'a'),
            'out/built.joinery': GAP('Built'),
            'node_modules/dep.joinery': GAP('Dep'),
            '.hidden/secret.joinery': GAP('Hidden'),
            'x.joinery/inside.joinery': GAP('Inside'),
            'gap.joinery': GAP('Gap')
        });
        // A sparse file of 300 MB: the reading looks at its size and never reads it.
        const sparse = openSync(path.join(root, 'sparse.joinery'), 'w');
        ftruncateSync(sparse, 300 * 1024 * 1024);
        closeSync(sparse);
        symlinkSync('gap.joinery', path.join(root, 'alias.joinery'));
        symlinkSync('nowhere.joinery', path.join(root, 'dangling.joinery'));
        symlinkSync('loop.joinery', path.join(root, 'loop.joinery'));
        symlinkSync('x.joinery', path.join(root, 'folder-link.joinery'));
        const fifo = spawnSync('mkfifo', [path.join(root, 'pipe.joinery')]).status === 0;

        const cli = cliFindings(root);
        expect(cli.stderr).toBe('');
        const server = await serverOn(root, cli.files);
        expect(server).toEqual(cli.findings);

        // And what they agree on is right.
        const on = (file: string) => cli.findings.filter(f => f.file === file);
        expect(on('nul.joinery').map(f => f.message)).toEqual(['This is not a text file (it contains NUL bytes): a model must be UTF-8 text']);
        expect(on('latin1.joinery').map(f => f.message)).toEqual(['This file is not valid UTF-8: save it as UTF-8 text']);
        expect(on('sparse.joinery').map(f => f.message)).toEqual([expect.stringMatching(/^This file is too large to check \(300\.0 MB\)/)]);
        if (fifo) expect(on('pipe.joinery').map(f => f.message)).toEqual([expect.stringMatching(/^This is not a regular file/)]);
        // The byte order mark is not a character: every position is as in the file without it.
        const shape = (file: string) => on(file).map(f => ({ ...f, file: '', message: f.message.replace(/Bom|Pln/g, '') }));
        expect(shape('bom.joinery')).toEqual(shape('plain.joinery'));
        // CRLF and lone CR end lines as LF does.
        expect(on('crlf.joinery').map(f => f.range)).toEqual(on('plain.joinery').map(f => f.range));
        expect(on('cr.joinery').map(f => f.range)).toEqual(on('plain.joinery').map(f => f.range));
        // A tab is one column; an astral character two (UTF-16), in both.
        const nobody = on('astral.joinery').find(f => f.message.includes("'NobodyAst'"))!;
        expect(nobody.range.start).toEqual({ line: 2, character: 1 + '/* 😀😀 */ partners Ast, '.length });
        // Skipped folders are skipped by both; a folder named like a model is walked; a link to a folder is not followed.
        expect(cli.findings.map(f => f.file).filter(f => /^(out|node_modules|\.hidden|folder-link)/.test(f))).toEqual([]);
        expect(on('x.joinery/inside.joinery').map(f => f.rule)).toContain('isolated-forum');
    }, 120_000);

    it('give the same findings for a file and a folder that cannot be read', async () => {
        if (process.getuid?.() !== 0) return; // needs root to run both as another user
        const root = folder('unreadable', { 'gap.joinery': GAP('Gap'), 'secret.joinery': GAP('Secret'), 'locked/inner.joinery': GAP('Inner') });
        chmodSync(path.join(root, 'secret.joinery'), 0o000);
        chmodSync(path.join(root, 'locked'), 0o000);
        const cli = cliFindings(root, { asNobody: true });
        const server = await serverOn(root, cli.files, { asNobody: true });
        expect(server).toEqual(cli.findings);
        expect(cli.findings.filter(f => f.file === 'secret.joinery').map(f => f.message)).toEqual(['Cannot read this file: permission denied']);
        expect(cli.findings.filter(f => f.file === 'locked').map(f => f.message)).toEqual(['Cannot list this folder (permission denied): the models in it were not checked']);
        expect(cli.findings.filter(f => f.file === 'gap.joinery').map(f => f.rule)).toContain('isolated-forum');
    }, 120_000);
});
