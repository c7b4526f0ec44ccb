import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AstUtils, EmptyFileSystem, type ReferenceInfo } from 'langium';
import { describe, expect, it } from 'vitest';
import { createJoineryServices } from '../../language-server/src/joinery-module.js';
import { referencesOf, treeOrder } from '../../language-server/src/parser/tree-order.js';
import { generateSingleModel } from '../../scripts/bench/workspace-generator.mjs';

/**
 * A tree's list of its nodes (parser/tree-order.ts) stands in for Langium's streams
 * in local names, linking and checks: it must give the nodes, each subtree's end and
 * each node's references exactly as `streamAst`, a pruned walk and `streamReferences`
 * do, on every example and on a long model, and on a text that parses with errors.
 */
const parser = createJoineryServices(EmptyFileSystem).Joinery.parser.LangiumParser;

const examples = join(__dirname, '../../examples');
const texts: Record<string, string> = {
    ...Object.fromEntries(readdirSync(examples, { recursive: true, encoding: 'utf-8' }).filter(f => f.endsWith('.joinery')).map(f => [f, readFileSync(join(examples, f), 'utf-8')])),
    'long model': generateSingleModel(2000),
    'broken': 'actor A "A" { sector statutory }\narrangement X "X" { type integration\n board B "B" { members A, \n team T { staff A }\n'
};

const referenceListing = (info: ReferenceInfo) => `${info.property}${info.index === undefined ? '' : `[${info.index}]`} ${info.reference.$refText}`;

describe("a tree's list of its nodes", () => {
    it.each(Object.keys(texts))('gives the nodes, subtrees and references of Langium\'s streams: %s', name => {
        const root = parser.parse(texts[name]).value;
        const { nodes, subtreeEnds } = treeOrder(root);
        const streamed = AstUtils.streamAst(root).toArray();
        expect(nodes.length).toBeGreaterThan(1);
        expect(nodes.length).toBe(streamed.length);
        expect(nodes.every((node, i) => node === streamed[i])).toBe(true);
        let subtreesWrong = 0, referencesWrong = 0, references = 0;
        for (let i = 0; i < nodes.length; i++) {
            // A subtree ends where the stream, pruned at this node, goes on.
            if (subtreeEnds[i] - i - 1 !== AstUtils.streamAllContents(nodes[i]).count()) subtreesWrong++;
            const listed: string[] = [];
            referencesOf(nodes[i], info => listed.push(referenceListing(info)));
            references += listed.length;
            if (listed.join('\n') !== AstUtils.streamReferences(nodes[i]).map(referenceListing).join('\n')) referencesWrong++;
        }
        expect(subtreesWrong).toBe(0);
        expect(referencesWrong).toBe(0);
        expect(references).toBeGreaterThan(0);
        expect(treeOrder(root) === treeOrder(root)).toBe(true);
    });

    it('lists a new parse afresh', () => {
        const text = texts['long model'];
        expect(treeOrder(parser.parse(text).value) === treeOrder(parser.parse(text).value)).toBe(false);
    });
});
