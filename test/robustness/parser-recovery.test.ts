import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AstUtils, createLangiumParser, CstUtils, EmptyFileSystem, type AstNode, type ParseResult } from 'langium';
import { createServicesForGrammar } from 'langium/grammar';
import { createJoineryServices } from '../../language-server/src/joinery-module.js';
import { makeRecoveryLinear } from '../../language-server/src/parser/parser-recovery.js';
import { readCorpus } from '../fuzz/corpus.js';
import { ROOT } from '../support/lsp-client.js';

/**
 * The patched error recovery (language-server/src/workspace/parser-recovery.ts)
 * must reach exactly what Chevrotain's own reaches, only without the recursion and
 * the scans to the end of the file: the same errors, tokens and tree, compared
 * with an unpatched Langium parser on broken inputs small enough for it.
 */
const { Joinery } = createJoineryServices(EmptyFileSystem);
const plain = createLangiumParser(Joinery);

function summary(result: ParseResult<AstNode>) {
    const root = result.value.$cstNode;
    return {
        errors: result.parserErrors.map(e => `${e.token.startOffset}:${e.message}`),
        tokens: root ? CstUtils.flattenCst(root).map(leaf => `${leaf.offset}:${leaf.hidden ? 'h' : ''}${leaf.text}`).toArray() : [],
        tree: AstUtils.streamAst(result.value).map(node => `${node.$type}:${node.$containerProperty ?? ''}:${node.$cstNode?.offset}-${node.$cstNode?.end}:${(node as { name?: string }).name ?? ''}`).toArray()
    };
}

const examples = readdirSync(path.join(ROOT, 'examples'), { recursive: true, encoding: 'utf-8' })
    .filter(file => file.endsWith('.joinery'))
    .map(file => readFileSync(path.join(ROOT, 'examples', file), 'utf-8'));

/** Ways to break a model that make the parser recover many times. */
const broken: Array<[string, string]> = [
    ...examples.map((text, i): [string, string] => [`example ${i} with smart quotes, 40 times`, text.replace(/"/g, '“').repeat(40)]),
    ...examples.map((text, i): [string, string] => [`example ${i} without its closing braces`, text.replace(/}/g, '')]),
    ...examples.map((text, i): [string, string] => [`example ${i} without its opening braces`, text.replace(/{/g, '')]),
    ...examples.map((text, i): [string, string] => [`example ${i} with every third token dropped`, text.split(/(\s+)/).filter((_, j) => j % 6 !== 4).join('')]),
    ['an arrangement of 300 broken elements, never closed', 'actor H { sector third }\narrangement A { partners H\n' + '  forum F “x” { voting H }\n  system S owner\n'.repeat(150)],
    ['a partners list of 500 names and commas gone wrong', 'arrangement A { partners ' + 'A, , B C, '.repeat(125) + '}'],
    // Errors in repetitions at several depths at once (declarations, an arrangement's or a forum's
    // properties, lists), each recovered inside the recovery of the one around it. These tell a
    // repetition's own recovery from a nested one only by the real depth of the rule stack: with
    // Chevrotain 13's RULE_STACK.length (its deepest so far) they all differ from Chevrotain's.
    ...examples.map((text, i): [string, string] => [`example ${i} with a stray number after every {`, '7\n' + text.replace(/\{/g, '{ 7 ')]),
    ...examples.map((text, i): [string, string] => [`example ${i} with a stray string at every depth`, '"s"\n' + text.replace(/\{/g, '{ "s" ').replace(/,/g, ', "s" ')]),
    ...readCorpus(path.join(ROOT, 'test/fuzz/corpus')).flatMap(entry => Object.entries(entry.files))
        // A text with a NUL is not a model (workspace/model-text.ts): the parser reads none of it, by design.
        .filter(([, text]) => text.length < 60_000 && !text.includes('\0')).map(([name, text]): [string, string] => [`corpus file ${name} (${text.length} chars)`, text])
];

/**
 * Joinery's grammar has no recursive rule, so the same repetition of the same rule
 * never runs inside itself at another depth; in this one it does (a block in a
 * block), and only the depth tells the nested recoveries apart.
 */
const nestedBlocks = `grammar Nested
entry Model: blocks+=Block*;
Block: 'block' name=ID '{' (blocks+=Block | 'item' items+=ID (',' items+=ID)*)* '}';
hidden terminal WS: /\\s+/;
terminal ID: /[A-Za-z_][A-Za-z0-9_]*/;
`;
/** Blocks nested `depth` deep, with `junk(level)` (stray names) before and after each inner block. */
function nest(depth: number, junk: (level: number) => string): string {
    if (depth === 0) return '';
    return `block B${depth} { item a, b ${junk(depth)} item c ${nest(depth - 1, junk)} ${junk(depth)} block C${depth} { item d } item e }`;
}
const nestedBroken: Array<[string, string]> = [
    ['errors at every depth', nest(6, () => 'x')],
    ['errors at every other depth', nest(7, level => level % 2 ? 'x y' : '')],
    ['errors only deep down', nest(8, level => level < 3 ? 'x' : '')],
    ['errors at the top, the bottom and between blocks', `x ${nest(8, level => level === 8 || level === 1 ? 'x' : '')} x ${nest(3, () => 'x')}`]
];

describe('linear error recovery in a grammar with a recursive rule', async () => {
    const services = await createServicesForGrammar({ grammar: nestedBlocks });
    const unpatched = createLangiumParser(services);
    const patched = createLangiumParser(services);
    makeRecoveryLinear(patched);
    it.each(nestedBroken)('recovers from %s exactly as Chevrotain does', (_, text) => {
        const expected = summary(unpatched.parse(text));
        expect(expected.errors.length).toBeGreaterThan(2);
        expect(summary(patched.parse(text))).toEqual(expected);
    });
});

describe('linear error recovery', () => {
    it.each(broken)('recovers from %s exactly as Chevrotain does', (_, text) => {
        let expected: ReturnType<typeof summary>;
        try {
            expected = summary(plain.parse(text));
        } catch (error) {
            // Too deep for the unpatched parser (the next test is about those); none of these is.
            throw new Error(`the unpatched parser failed: ${String(error)}`, { cause: error });
        }
        expect(summary(Joinery.parser.LangiumParser.parse(text))).toEqual(expected);
    });

    // Fuzzing found about 2,000 overflowing the stack in the language server; how many it takes depends on the stack left.
    it('parses 5,000 broken declarations in a row, in stack space that does not grow with them', () => {
        const hub = examples.find(text => text.includes('actor HubManager'))!;
        const manager = hub.slice(hub.indexOf('actor HubManager'), hub.indexOf('}', hub.indexOf('actor HubManager')) + 1).replace(/"/g, '“');
        const text = hub + '\n' + `${manager}\n`.repeat(5_000);
        const result = Joinery.parser.LangiumParser.parse(text);
        expect(result.parserErrors.every(e => !e.message.includes('could not be parsed'))).toBe(true);
        const managers = (result.value as unknown as { declarations: Array<{ name: string }> }).declarations.filter(d => d.name === 'HubManager');
        expect(managers).toHaveLength(5_001);
    });
});
