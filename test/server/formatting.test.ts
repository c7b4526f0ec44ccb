import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { LanguageServerSession, ROOT } from '../support/lsp-client.js';
import { applyEdits } from '../support/lsp-text.js';
import { checkWorkspace } from '../support/workspace.js';

const OPTIONS = { tabSize: 2, insertSpaces: true };

let workspace: string;
let session: LanguageServerSession;
let version = 1;
const opened = new Set<string>();

/** Example folders and their model files, relative to the copy of examples/. */
const examples = new Map<string, string[]>();

beforeAll(async () => {
    workspace = mkdtempSync(path.join(tmpdir(), 'joinery-format-'));
    cpSync(path.join(ROOT, 'examples'), workspace, { recursive: true });
    for (const folder of readdirSync(workspace).filter(f => statSync(path.join(workspace, f)).isDirectory())) {
        examples.set(folder, readdirSync(path.join(workspace, folder)).filter(f => f.endsWith('.joinery')).map(f => path.join(folder, f)));
    }
    // No need to wait for diagnostics: a formatting request waits for its file to be parsed.
    session = await LanguageServerSession.start(workspace);
});

afterAll(async () => {
    await session?.stop();
    rmSync(workspace, { recursive: true, force: true });
});

/** Opens `text` as the editor's content of `file` and asks the server to format it. */
async function format(file: string, text: string, range?: { start: { line: number; character: number }; end: { line: number; character: number } }): Promise<{ text: string; edits: TextEdit[] }> {
    const uri = pathToFileURL(path.join(workspace, file)).href;
    if (!opened.has(uri)) {
        await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'joinery', version: ++version, text } });
        opened.add(uri);
    } else {
        await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text }] });
    }
    const edits = await session.connection.sendRequest<TextEdit[]>(range ? 'textDocument/rangeFormatting' : 'textDocument/formatting', {
        textDocument: { uri }, options: OPTIONS, ...(range ? { range } : {})
    });
    return { text: applyEdits(text, edits), edits };
}

/** Undoes the house style without touching tokens: no indentation, spaced-out words, extra blank lines. */
function scramble(text: string): string {
    return text.split('\n').map(line => {
        const bare = line.trimStart();
        const plain = !bare.includes('"') && !bare.includes('//') && !bare.includes('/*');
        return plain && bare ? `${bare.replaceAll(' ', '   ')}  ` : bare;
    }).join('\n').replaceAll('\n\n', '\n\n\n');
}

function findingPairs(findings: Array<{ rule: string; element?: string; message: string }>): string[] {
    return findings.map(f => `${f.rule} | ${f.element ?? '-'} | ${f.message}`).sort();
}

describe('formatting', () => {
    it('restores every example to the house style from a scrambled copy, idempotently, with the same findings', async () => {
        expect(examples.size).toBeGreaterThan(0);
        for (const [folder, files] of examples) {
            const originals: Record<string, string> = {};
            const formatted: Record<string, string> = {};
            for (const file of files) {
                const original = readFileSync(path.join(workspace, file), 'utf-8');
                const scrambled = scramble(original);
                expect(scrambled).not.toBe(original);
                const once = (await format(file, scrambled)).text;
                expect(once, file).toBe(original);
                // Only white space changed: every token and comment is where it was.
                expect(once.replace(/\s+/g, '')).toBe(scrambled.replace(/\s+/g, ''));
                const twice = await format(file, once);
                expect(twice.edits, file).toEqual([]);
                originals[path.basename(file)] = original;
                formatted[path.basename(file)] = once;
            }
            const [before, after] = await Promise.all([checkWorkspace(originals), checkWorkspace(formatted)]);
            expect(findingPairs(after.findings), folder).toEqual(findingPairs(before.findings));
        }
    });

    it('lays out bodies, lists, qualified names and comments in the house style', async () => {
        const messy = [
            '',
            '// header',
            'domain   D "d"{level macro}',
            'actor A "a" { sector third   represents B } // trailing   kept',
            'actor B { sector community kind people }',
            'actor   kind { sector statutory',
            'logic efficiency,person-centred }',
            'arrangement X "x" { partners A,',
            '      kind   stage 3',
            '   /// the board',
            '      forum F { kind board voting A 2 , kind advisory B // who',
            '   controls P',
            '   }',
            '  budget P { kind pooled from A 1m held by F }',
            '',
            '',
            '',
            '  system S1 { owner kind } system S2',
            '  link S1<->S2 { shares "a","b" }',
            '  channel B->F { kind consultation two-way } referral A -> B { }',
            '  team T { staff A , kind uses S1,S2 colocated /* inline */ area "x" }',
            '    // before close',
            '}',
            'arrangement Y { partners A channel B -> X . F }'
        ].join('\n');
        const expected = [
            '// header',
            'domain D "d" { level macro }',
            'actor A "a" { sector third represents B } // trailing   kept',
            'actor B { sector community kind people }',
            'actor kind {',
            '  sector statutory',
            '  logic efficiency, person-centred',
            '}',
            'arrangement X "x" {',
            '  partners A,',
            '    kind',
            '  stage 3',
            '  /// the board',
            '  forum F {',
            '    kind board',
            '    voting A 2, kind',
            '    advisory B // who',
            '    controls P',
            '  }',
            '  budget P { kind pooled from A 1m held by F }',
            '',
            '  system S1 { owner kind }',
            '  system S2',
            '  link S1 <-> S2 { shares "a", "b" }',
            '  channel B -> F { kind consultation two-way }',
            '  referral A -> B { }',
            '  team T { staff A, kind uses S1, S2 colocated /* inline */ area "x" }',
            '  // before close',
            '}',
            'arrangement Y {',
            '  partners A',
            '  channel B -> X.F',
            '}',
            ''
        ].join('\n');
        const once = await format('hub/hub.joinery', messy);
        expect(once.text).toBe(expected);
        expect((await format('hub/hub.joinery', once.text)).edits).toEqual([]);
    });

    it('lays out the constructs of real arrangements: properties of several words, directions, named channels, dates', async () => {
        const messy = [
            'actor A { sector statutory }',
            'actor B { sector third }',
            'arrangement X {',
            'partners A',
            'stage 6a,6c',
            'forum F { kind board',
            ' body voting A advisory   by law B',
            '    chair A decides by consensus',
            '  has regard to G }',
            'forum Audit { kind committee voting A scrutinises F }',
            'budget P { kind pooled from A 1m held by F term fixed until 2027-03-31 funds S }',
            'service S { delivered by A, B   contracted }',
            'direction D "d" { from F to A for S budget P 1m review   2027-03-31 }',
            'channel Report {',
            'from F',
            '   to A kind reporting }',
            'goal G { owner F }',
            '}'
        ].join('\n');
        const expected = [
            'actor A { sector statutory }',
            'actor B { sector third }',
            'arrangement X {',
            '  partners A',
            '  stage 6a, 6c',
            '  forum F {',
            '    kind board',
            '    body',
            '    voting A',
            '    advisory by law B',
            '    chair A',
            '    decides by consensus',
            '    has regard to G',
            '  }',
            '  forum Audit { kind committee voting A scrutinises F }',
            '  budget P { kind pooled from A 1m held by F term fixed until 2027-03-31 funds S }',
            '  service S { delivered by A, B contracted }',
            '  direction D "d" { from F to A for S budget P 1m review 2027-03-31 }',
            '  channel Report {',
            '    from F',
            '    to A',
            '    kind reporting',
            '  }',
            '  goal G { owner F }',
            '}',
            ''
        ].join('\n');
        const once = await format('hub/hub.joinery', messy);
        expect(once.text).toBe(expected);
        expect((await format('hub/hub.joinery', once.text)).edits).toEqual([]);
    });

    it('restores the real-arrangement test models from a scrambled copy, idempotently', async () => {
        const folder = path.join(ROOT, 'test', 'arrangements');
        for (const file of readdirSync(folder).filter(f => f.endsWith('.joinery'))) {
            const original = readFileSync(path.join(folder, file), 'utf-8');
            const once = (await format(`hub/${file}`, scramble(original))).text;
            expect(once, file).toBe(original);
            expect((await format(`hub/${file}`, once)).edits, file).toEqual([]);
        }
    });

    it('formats only the lines asked for', async () => {
        const text = 'actor A   "a" { sector third }\nactor B   "b" { sector third }\nactor C   "c" { sector third }\n';
        const { text: formatted } = await format('hub/hub.joinery', text, { start: { line: 1, character: 0 }, end: { line: 1, character: 30 } });
        expect(formatted).toBe('actor A   "a" { sector third }\nactor B "b" { sector third }\nactor C   "c" { sector third }\n');
    });

    it('leaves a file with syntax errors alone', async () => {
        const { edits } = await format('hub/hub.joinery', 'actor   A { sector }\narrangement   X {');
        expect(edits).toEqual([]);
    });
});
