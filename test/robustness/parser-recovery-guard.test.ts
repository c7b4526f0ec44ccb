import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLangiumParser, EmptyFileSystem } from 'langium';
import { createJoineryServices } from '../../language-server/src/joinery-module.js';
import { hasLinearCstBuilder, JoineryParser } from '../../language-server/src/parser/joinery-parser.js';
import {
    CHEVROTAIN_VERSION, chevrotainParserOf, hasLinearRecovery, makeRecoveryLinear, recoveryInternalsMismatch
} from '../../language-server/src/parser/parser-recovery.js';
import { ROOT } from '../support/lsp-client.js';

/**
 * language-server/src/workspace/parser-recovery.ts replaces two methods of
 * Chevrotain's parser and reads its internal state. These fail, rather than let
 * the patch go quietly wrong or unapplied, when Chevrotain changes: read the
 * patch against the new Chevrotain's recoverable.js and recognizer_engine.js,
 * then update CHEVROTAIN_VERSION.
 */
const { Joinery } = createJoineryServices(EmptyFileSystem);

/** The package.json of the Chevrotain that Langium itself loads. */
function chevrotainPackage(): { name: string; version: string } {
    const fromLangium = createRequire(path.join(ROOT, 'node_modules/langium/package.json'));
    let dir = path.dirname(fromLangium.resolve('chevrotain'));
    while (!existsSync(path.join(dir, 'package.json')) || JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf-8')).name !== 'chevrotain') {
        const parent = path.dirname(dir);
        if (parent === dir) throw new Error('no package.json for chevrotain');
        dir = parent;
    }
    return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf-8'));
}

const broken = 'actor H { sector third }\n' + 'arrangement A { partners H, , B “x” forum F { voting H, 7 } }\n'.repeat(20);

describe('the parser-recovery patch', () => {
    it(`was written for the Chevrotain that Langium loads (${CHEVROTAIN_VERSION})`, () => {
        expect(chevrotainPackage().version).toBe(CHEVROTAIN_VERSION);
    });

    it('finds every member it relies on, with the number of parameters it was written for', () => {
        const unpatched = chevrotainParserOf(createLangiumParser(Joinery));
        expect(recoveryInternalsMismatch(unpatched)).toBeUndefined();
        // The patch replaces these on the instance; Chevrotain's own are on the prototype.
        const own = Object.getPrototypeOf(unpatched) as Record<string, unknown>;
        for (const name of ['tryInRepetitionRecovery', 'findReSyncTokenType']) expect(typeof own[name], name).toBe('function');
    });

    it('notices a parser that is not the one it was written for', () => {
        expect(recoveryInternalsMismatch(undefined)).toBe('no Chevrotain parser');
        const parser = chevrotainParserOf(createLangiumParser(Joinery)) as Record<string, unknown>;
        expect(recoveryInternalsMismatch(Object.assign(Object.create(parser), { RULE_STACK_IDX: undefined })))
            .toBe('RULE_STACK_IDX is not a number');
        const lessArguments = (a: unknown, b: unknown, c: unknown) => [a, b, c];
        expect(recoveryInternalsMismatch(Object.assign(Object.create(parser), { tryInRepetitionRecovery: lessArguments })))
            .toBe('tryInRepetitionRecovery takes 3 parameters, not 4');
    });

    it('is applied to the document parser and the completion parser', () => {
        const documentParser = Joinery.parser.LangiumParser as unknown as JoineryParser;
        expect(documentParser).toBeInstanceOf(JoineryParser);
        expect(hasLinearRecovery(documentParser.langiumParser)).toBe(true);
        expect(hasLinearCstBuilder(documentParser.langiumParser)).toBe(true);
        expect(hasLinearRecovery(Joinery.parser.CompletionParser)).toBe(true);
        expect(hasLinearRecovery(createLangiumParser(Joinery))).toBe(false);
    });

    it('is what Chevrotain calls when it recovers, in the document parser and the completion parser', () => {
        for (const langiumParser of [(Joinery.parser.LangiumParser as unknown as JoineryParser).langiumParser, Joinery.parser.CompletionParser]) {
            type Method = (...args: unknown[]) => unknown;
            const names = ['tryInRepetitionRecovery', 'findReSyncTokenType'] as const;
            const parser = chevrotainParserOf(langiumParser) as Record<(typeof names)[number], Method>;
            const calls = { tryInRepetitionRecovery: 0, findReSyncTokenType: 0 };
            const patched = { tryInRepetitionRecovery: parser.tryInRepetitionRecovery, findReSyncTokenType: parser.findReSyncTokenType };
            for (const name of names) {
                parser[name] = function (this: unknown, ...args: unknown[]) {
                    calls[name]++;
                    return patched[name].apply(this, args);
                };
            }
            try {
                langiumParser.parse(broken);
            } finally {
                Object.assign(parser, patched);
            }
            expect(calls.tryInRepetitionRecovery).toBeGreaterThan(10);
            expect(calls.findReSyncTokenType).toBeGreaterThan(10);
        }
    });

    it('is applied once, however often it is asked', () => {
        const langiumParser = createLangiumParser(Joinery);
        makeRecoveryLinear(langiumParser);
        const parser = chevrotainParserOf(langiumParser) as Record<string, unknown>;
        const patched = parser.tryInRepetitionRecovery;
        makeRecoveryLinear(langiumParser);
        expect(parser.tryInRepetitionRecovery).toBe(patched);
    });
});
