import { EmptyFileSystem, isAstNode, isReference, type AstNode, type CstNode, type ParseResult } from 'langium';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createJoineryServices } from '../../language-server/src/joinery-module.js';
import type { JoineryParser } from '../../language-server/src/parser/joinery-parser.js';
import { generateSingleModel } from '../../scripts/bench/workspace-generator.mjs';

/**
 * A model edited within one declaration is parsed again in that declaration only,
 * the others moved into the new tree (parser/declaration-reparse.ts). After every
 * edit of seeded series the tree must equal a whole parse of the new text: every
 * AST node's properties, references and container, every CST node's place, text,
 * grammar element and links. The trees are compared through a listing of both.
 */
const parser = createJoineryServices(EmptyFileSystem).Joinery.parser.LangiumParser as unknown as JoineryParser;

const grammarIds = new Map<object, number>();
const grammarId = (element: object | undefined) => {
    if (!element) return -1;
    let id = grammarIds.get(element);
    if (id === undefined) grammarIds.set(element, id = grammarIds.size);
    return id;
};

/** Every CST node in order with its place, and every AST node with what it holds (CST nodes by their number). */
function listing(result: ParseResult): string {
    const lines: string[] = [];
    const cstIds = new Map<CstNode, number>();
    const root = result.value.$cstNode!;
    const walkCst = (node: CstNode, container: CstNode | undefined, depth: number) => {
        cstIds.set(node, cstIds.size);
        if (node.container !== container) lines.push(`! container of cst ${cstIds.get(node)}`);
        const { start, end } = node.range;
        const place = `${node.offset}+${node.length} ${start.line}:${start.character}-${end.line}:${end.character} g${grammarId(node.grammarSource)}`;
        const content = (node as { content?: CstNode[] }).content;
        if (content) {
            const own = (node as unknown as { _astNode?: AstNode })._astNode;
            lines.push(`${' '.repeat(depth)}composite ${place}${own ? ` ast ${own.$type}` : ''}`);
            for (const child of content) walkCst(child, node, depth + 1);
        } else {
            lines.push(`${' '.repeat(depth)}leaf ${place} ${node.hidden ? 'hidden ' : ''}${JSON.stringify(node.text)}`);
        }
    };
    walkCst(root, undefined, 0);
    if (root.text !== root.root.fullText.slice(root.offset, root.end)) lines.push('! root text');
    const walkAst = (node: AstNode, container: AstNode | undefined, depth: number) => {
        if (node.$container !== container) lines.push(`! container of ${node.$type}`);
        lines.push(`${' '.repeat(depth)}${node.$type} cst ${cstIds.get(node.$cstNode!) ?? 'none'} in ${node.$containerProperty ?? ''}[${node.$containerIndex ?? ''}]`);
        for (const [key, value] of Object.entries(node)) {
            if (key.startsWith('$')) continue;
            for (const item of Array.isArray(value) ? value : [value]) {
                if (isAstNode(item)) walkAst(item, node, depth + 1);
                else if (isReference(item)) lines.push(`${' '.repeat(depth + 1)}${key} -> ${item.$refText} at cst ${item.$refNode ? cstIds.get(item.$refNode) : 'none'}`);
                else lines.push(`${' '.repeat(depth + 1)}${key} = ${JSON.stringify(item)}`);
            }
        }
    };
    walkAst(result.value, undefined, 0);
    lines.push(`errors ${result.lexerErrors.length} ${result.parserErrors.length}`);
    return lines.join('\n');
}

function random(seed: number): () => number {
    let state = seed;
    return () => {
        state = (state * 1103515245 + 12345) % 2147483648;
        return state / 2147483648;
    };
}

const snippets = ['x', ' ', '\n', '"', 'Partner', ' edit', '{', '}', '// note\n', '/* c */', '\n    partners Health', ',', '\r\n', 'é', '😀', ' forum F { kind board }', '\n} actor Z {', '0'];

/**
 * Edits at random places: some text put in, taken out or both; most where the model
 * stays well formed (a title's text, space after a brace or a comma). After an edit
 * that leaves an error the next goes back to the last text without one.
 */
function randomEdits(next: () => number): (text: string) => string {
    let lastClean: string | undefined;
    return text => {
        const clean = parser.parse(text).parserErrors.length === 0;
        if (clean) lastClean = text;
        else if (lastClean !== undefined && next() < 0.7) return lastClean;
        if (next() < 0.7) {
            const places = [...text.matchAll(/"[^"\\\n]*"|[{,] /g)];
            if (places.length > 0) {
                const place = places[Math.floor(next() * places.length)];
                const inString = place[0].startsWith('"');
                const at = place.index + place[0].length - (inString ? 1 : 0);
                const kept = inString ? ['x', 'é', '😀', ''] : [' ', '\n', '// note\n', '/* c */', '\r\n'];
                const removed = inString && place[0].length > 2 && next() < 0.3 ? 1 : 0;
                return text.slice(0, at - removed) + kept[Math.floor(next() * kept.length)] + text.slice(at);
            }
        }
        const at = Math.floor(next() * text.length);
        const removed = next() < 0.5 ? Math.floor(next() * 4) : 0;
        const inserted = next() < 0.8 ? snippets[Math.floor(next() * snippets.length)] : '';
        return text.slice(0, at) + inserted + text.slice(at + removed);
    };
}

/** Runs a series of edits; each step's tree, parsed again in part where it can be, must equal a whole parse. */
function series(text: string, edits: Array<(text: string, step: number) => string>): { reparsed: number; steps: number } {
    let current = parser.parse(text);
    let reparsed = 0;
    edits.forEach((edit, step) => {
        const next = edit(current.value.$cstNode!.root.fullText, step);
        const whole = parser.parse(next);
        const part = parser.reparse(current, next);
        if (part) {
            reparsed++;
            expect(listing(part), `step ${step}`).toBe(listing(whole));
        }
        current = part ?? whole;
    });
    return { reparsed, steps: edits.length };
}

describe('parsing again only the declaration an edit falls in', () => {
    const model = generateSingleModel(2000);

    it('gives the tree a whole parse gives, for title edits that change the length of a line', () => {
        const edits = Array.from({ length: 12 }, (_, i) => (text: string) => text.replace(/"Partnership (\d+)[^"]*"/, (_m, n: string) => `"Partnership ${n}${' edit'.repeat(i % 3)} ${i}"`));
        const { reparsed } = series(model, edits);
        expect(reparsed).toBe(12);
    });

    it('gives the tree a whole parse gives when an edit adds or removes lines, or ends on the line the next declaration starts on', () => {
        const lines = (text: string, step: number) => step % 2 === 0
            ? text.replace(/(arrangement \S+ "[^"]*" \{)/, '$1\n    // a note\n    stage 2')
            : text.replace(/\n {4}\/\/ a note\n {4}stage 2/, '');
        const { reparsed } = series(model, Array.from({ length: 6 }, () => lines));
        expect(reparsed).toBe(6);
        const sameLine = 'actor A "A" { sector statutory } actor B "B" { sector statutory }\narrangement P "P" { partners A, B }\n';
        const edits = [(t: string) => t.replace('"A" {', '"A longer" {'), (t: string) => t.replace('sector statutory }', 'sector\n statutory }'), (t: string) => t.replace('partners A, B', 'partners A, B, A')];
        expect(series(sameLine, edits).reparsed).toBe(3);
    });

    it('parses the whole text, or gives the same tree, for random edits of the examples and a long model', () => {
        const examples = join(__dirname, '../../examples');
        const texts = [model, ...readdirSync(examples, { recursive: true, encoding: 'utf-8' })
            .filter(file => file.endsWith('.joinery')).map(file => readFileSync(join(examples, file), 'utf-8'))];
        let reparsed = 0, steps = 0;
        texts.forEach((text, i) => {
            const edit = randomEdits(random(i + 1));
            const counts = series(text, Array.from({ length: text === model ? 60 : 25 }, () => edit));
            reparsed += counts.reparsed;
            steps += counts.steps;
        });
        // Enough of them take the short way for the comparison to say something.
        expect(reparsed).toBeGreaterThan(steps / 4);
    });

    it('parses the whole text when the text before had an error, or the edit reaches outside a declaration', () => {
        const text = 'actor A "A" { sector statutory }\narrangement P "P" { partners A }\n';
        const broken = parser.parse('actor A "A" { sector }\narrangement P "P" { partners A }\n');
        expect(broken.parserErrors.length).toBeGreaterThan(0);
        expect(parser.reparse(broken, 'actor A "A" { sector  }\narrangement P "P" { partners A }\n')).toBeUndefined();
        const clean = parser.parse(text);
        expect(parser.reparse(clean, text.replace('actor A', 'actor AB'))).toBeDefined();
        expect(parser.reparse(parser.parse(text), text.replace('}\narr', '}\n\narr'))).toBeUndefined();
        expect(parser.reparse(parser.parse(text), text.replace('{ sector statutory }', '{ sector statutory } actor C {'))).toBeUndefined();
        expect(parser.reparse(parser.parse(text), text.replace('"P" {', '"P" { partners'))).toBeUndefined();
    });
});
