import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AstUtils, isReference, URI, type AstNode, type LangiumDocument, type Reference } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import type { createJoineryServices } from '../../language-server/src/joinery-module.js';
import { checkWorkspace } from '../support/workspace.js';
import { generateSingleModel, random } from '../../scripts/bench/workspace-generator.mjs';

/**
 * An edit parsed within one declaration keeps the links of the declarations it did
 * not touch (references/kept-links.ts). After every edit of seeded series, every
 * reference of the edited file must resolve as in a fresh build of the same texts,
 * and the file's list of references must be the fresh build's, in its order; the
 * series must also have kept links, or it would test nothing.
 */
type Services = ReturnType<typeof createJoineryServices>['Joinery'];

function documentOf(services: Services, file: string): LangiumDocument {
    return services.shared.workspace.LangiumDocuments.getDocument(URI.file(`/workspace/${file}`))!;
}

/** Where a node sits: its file and its path in the tree. */
function placeOf(services: Services, node: AstNode): string {
    return `${AstUtils.getDocument(node).uri.path}#${services.workspace.AstNodeLocator.getAstNodePath(node)}`;
}

function referenceListing(services: Services, reference: Reference, container: AstNode, property: string): string {
    const target = reference.ref;
    return `${placeOf(services, container)}.${property} "${reference.$refText}" -> ${target ? placeOf(services, target) : `error ${reference.error?.message}`}`;
}

/** Every reference of the tree in its order, then the document's list of references in its order. */
function links(services: Services, document: LangiumDocument): { tree: string[]; list: string[] } {
    const tree: string[] = [];
    for (const node of AstUtils.streamAst(document.parseResult.value)) {
        for (const info of AstUtils.streamReferences(node)) tree.push(referenceListing(services, info.reference as Reference, info.container, info.property));
    }
    const list = document.references.map(reference => {
        const holder = reference as unknown as { node: AstNode; property: string };
        return referenceListing(services, reference as Reference, holder.node, holder.property);
    });
    return { tree, list };
}

/** The description each reference of the tree was resolved with: the same object after an edit means the link was kept. */
function descriptions(document: LangiumDocument): Map<Reference, unknown> {
    const found = new Map<Reference, unknown>();
    for (const node of AstUtils.streamAst(document.parseResult.value)) {
        for (const info of AstUtils.streamReferences(node)) found.set(info.reference as Reference, (info.reference as Reference).$nodeDescription);
    }
    return found;
}

type Edit = (text: string, next: () => number) => string;

const pickMatch = (text: string, pattern: RegExp, next: () => number) => {
    const matches = [...text.matchAll(pattern)];
    return matches.length ? matches[Math.floor(next() * matches.length)] : undefined;
};

const replaceAt = (text: string, match: RegExpMatchArray | undefined, by: string) =>
    match ? text.slice(0, match.index) + by + text.slice(match.index! + match[0].length) : text;

const EDITS: Record<string, Edit> = {
    // A title longer or shorter: every link kept.
    title: (text, next) => replaceAt(text, pickMatch(text, /"[^"\n]*"/g, next), `"Title ${Math.floor(next() * 1000)}"`),
    // A line added inside a declaration: those below move down, their links kept.
    'line added': (text, next) => {
        const match = pickMatch(text, /\n {2}(?:stage|governance|kind) [^\n]*/g, next);
        return replaceAt(text, match, match ? `${match[0]}\n  // note ${Math.floor(next() * 100)}` : '');
    },
    // A reference changed to another name (or to none that resolves).
    'reference changed': (text, next) => {
        const match = pickMatch(text, /\b(staff|voting|advisory|partners|uses|delivered by) ([A-Za-z]\w*)/g, next);
        const names = ['A1', 'A2', 'Board', 'Rehab', 'Nowhere', 'Ghost', 'Cases'];
        return replaceAt(text, match, match ? `${match[1]} ${names[Math.floor(next() * names.length)]}` : '');
    },
    // An element renamed: the names seen from outside change, and the file is linked whole.
    'element renamed': (text, next) => {
        const match = pickMatch(text, /\b(forum|team|budget|system|service) ([A-Za-z]\w*)/g, next);
        return replaceAt(text, match, match ? `${match[1]} ${match[2]}${Math.floor(next() * 3)}` : '');
    },
    // An actor renamed to a name other declarations' references look for, and do not find until then.
    'actor renamed': (text, next) => {
        const match = pickMatch(text, /\bactor ([A-Za-z]\w*)/g, next);
        return replaceAt(text, match, `actor ${next() < 0.5 ? 'Nowhere' : 'Ghost'}`);
    },
    // A forum made a body or not: a party's scope takes only bodies.
    'body toggled': (text, next) => {
        const match = pickMatch(text, /\n {4}kind (board|committee|engagement)\n/g, next);
        return replaceAt(text, match, match ? `\n    kind ${match[1]}${next() < 0.5 ? ' body' : ''}\n` : '');
    },
    // A syntax error, then (by the next edit) a text that parses.
    'broken brace': (text, next) => replaceAt(text, pickMatch(text, /\{ kind/g, next), '{ kind {')
};

async function editSeries(files: Record<string, string>, steps: number, seed: number): Promise<number> {
    const texts = { ...files };
    const { services } = await checkWorkspace(texts);
    const { DocumentBuilder, TextDocuments } = services.shared.workspace;
    const next = random(seed);
    const names = Object.keys(texts);
    let kept = 0;
    let file = names[0];
    let broken: string | undefined;
    for (let step = 0; step < steps; step++) {
        // The file of a broken text is the one mended next.
        if (broken === undefined) file = names[Math.floor(next() * names.length)];
        const uri = URI.file(`/workspace/${file}`);
        const name = Object.keys(EDITS)[Math.floor(next() * Object.keys(EDITS).length)];
        const before = descriptions(documentOf(services, file));
        // After a broken text, the last clean one comes back.
        const edited = broken ?? EDITS[name](texts[file], next);
        broken = name === 'broken brace' && broken === undefined ? texts[file] : undefined;
        texts[file] = edited;
        TextDocuments.set(TextDocument.create(uri.toString(), 'joinery', step + 2, edited));
        await DocumentBuilder.update([uri], []);
        const document = documentOf(services, file);
        const after = descriptions(document);
        for (const [reference, description] of after) if (description !== undefined && before.get(reference) === description) kept++;
        const fresh = await checkWorkspace(texts);
        const expected = links(fresh.services, documentOf(fresh.services, file));
        const actual = links(services, document);
        expect(actual.tree, `step ${step}: ${name} in ${file}`).toEqual(expected.tree);
        expect(actual.list, `step ${step}: ${name}, the document's list`).toEqual(expected.list);
        expect(document.diagnostics?.map(d => d.message).sort(), `step ${step}: ${name}, diagnostics`)
            .toEqual(documentOf(fresh.services, file).diagnostics?.map(d => d.message).sort());
    }
    return kept;
}

describe('links kept through an edit', () => {
    it('resolve as a fresh build resolves them, in a long model', async () => {
        const kept = await editSeries({ 'model.joinery': generateSingleModel(400) }, 40, 7);
        expect(kept).toBeGreaterThan(1000);
    });

    it('resolve as a fresh build resolves them, in the examples', async () => {
        const examples = join(import.meta.dirname, '../../examples');
        // A file of one arrangement (community safety) keeps few links: the edits fall in the arrangement that holds them.
        for (const [name, seed, keeps] of [['ijb', 3, true], ['lanarkshire', 5, true], ['community-safety', 11, false]] as const) {
            const folder = join(examples, name);
            const files = Object.fromEntries(readdirSync(folder).filter(file => file.endsWith('.joinery')).map(file => [file, readFileSync(join(folder, file), 'utf-8')]));
            const kept = await editSeries(files, 30, seed);
            if (keeps) expect(kept, name).toBeGreaterThan(0);
        }
    });

    it('are linked again when the edited declaration names what they look for', async () => {
        const late = '\narrangement Late "Late" {\n  partners Ghost, Arr1.Board\n}\n';
        const model = generateSingleModel(200) + late;
        const firstForum = model.indexOf('kind board', model.indexOf('arrangement Arr1 '));
        const cases = {
            // An actor given the name another declaration's reference did not find.
            'an actor renamed': model.replace(/\bactor A7 /, 'actor Ghost '),
            // A forum made a body, which a party's reference takes.
            'a forum made a body': `${model.slice(0, firstForum)}kind board body${model.slice(firstForum + 'kind board'.length)}`
        };
        for (const [name, edited] of Object.entries(cases)) {
            const { services } = await checkWorkspace({ 'model.joinery': model });
            const uri = URI.file('/workspace/model.joinery');
            const { DocumentBuilder, TextDocuments } = services.shared.workspace;
            TextDocuments.set(TextDocument.create(uri.toString(), 'joinery', 2, edited));
            await DocumentBuilder.update([uri], []);
            const fresh = await checkWorkspace({ 'model.joinery': edited });
            const now = links(services, documentOf(services, 'model.joinery'));
            expect(now, name).toEqual(links(fresh.services, documentOf(fresh.services, 'model.joinery')));
            expect(now.tree.filter(line => line.startsWith('/workspace/model.joinery#/declarations@') && /"(Ghost|Arr1\.Board)" -> \/workspace/.test(line)), name).toHaveLength(1);
        }
    });

    it('are linked again when another file changes too', async () => {
        // A reference that does not resolve, until the other file declares its name.
        const late = '\narrangement Late "Late" {\n  partners Outsider\n}\n';
        const files = { 'a.joinery': generateSingleModel(200) + late, 'b.joinery': 'actor Extra "Extra" { sector third kind organisation }\n' };
        const { services } = await checkWorkspace(files);
        const { DocumentBuilder, TextDocuments } = services.shared.workspace;
        const a = URI.file('/workspace/a.joinery'), b = URI.file('/workspace/b.joinery');
        const edited = { 'a.joinery': files['a.joinery'].replace('"Partnership 1"', '"Partnership one"'), 'b.joinery': 'actor Outsider "Outsider" { sector third kind organisation }\n' };
        TextDocuments.set(TextDocument.create(a.toString(), 'joinery', 2, edited['a.joinery']));
        TextDocuments.set(TextDocument.create(b.toString(), 'joinery', 2, edited['b.joinery']));
        await DocumentBuilder.update([a, b], []);
        const fresh = await checkWorkspace(edited);
        expect(links(services, documentOf(services, 'a.joinery')).tree.filter(line => line.includes('"Outsider" -> /workspace/b.joinery'))).toHaveLength(1);
        expect(links(services, documentOf(services, 'a.joinery'))).toEqual(links(fresh.services, documentOf(fresh.services, 'a.joinery')));
    });
});

describe('the references of a tree', () => {
    it('are the ones a document lists', async () => {
        const { services } = await checkWorkspace({ 'model.joinery': generateSingleModel(100) });
        const document = documentOf(services, 'model.joinery');
        const inTree = [...AstUtils.streamAst(document.parseResult.value)].flatMap(node => AstUtils.streamReferences(node).map(info => info.reference).toArray());
        expect(inTree.length).toBeGreaterThan(50);
        expect(inTree.every(isReference)).toBe(true);
        expect(new Set(document.references)).toEqual(new Set(inTree));
    });
});
