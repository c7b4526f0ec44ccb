import { CstUtils, type AstNode, type CstNode, type Grammar } from 'langium';
import { bodyProperties } from '../parser/declaration-syntax.js';
import { kindWord, withArticle } from '../language/user-words.js';
import { NameIndex } from './closest-name.js';

/** A better message for a syntax error, `DROP` for one that another already explains, or undefined to keep it. */
export const DROP = Symbol('drop');
/** A message; with `splitName`, the declaration whose name ran on (its own "no sector" error is then beside the point). */
export type Hint = string | { message: string; splitName: AstNode } | typeof DROP | undefined;

const AMOUNT_WORDS: Record<string, string> = {
    thousand: 'k', thousands: 'k', k: 'k', million: 'm', millions: 'm', mn: 'm', m: 'm', billion: 'bn', billions: 'bn', bn: 'bn'
};
const CURRENCY = new Set(['£', '$', '€']);

/**
 * What analysts actually type that the grammar cannot read, explained in their
 * words: `£2m` (no currency sign), `10 million` (a suffix), `2,000,000` (no
 * commas), and a word that is not a property of the declaration it is written in
 * (`quorum` in a forum).
 */
export class SyntaxHints {
    private readonly properties: ReturnType<typeof bodyProperties>;

    constructor(grammar: Grammar) {
        this.properties = bodyProperties(grammar);
    }

    /** For a lexer error at `offset` on `char`. */
    lexing(text: string, offset: number, char: string | undefined): Hint {
        if (char === undefined || !CURRENCY.has(char)) return undefined;
        const amount = /^[0-9][0-9.]*[A-Za-z]*/.exec(text.slice(offset + 1))?.[0];
        return amount
            ? `Write amounts without a currency sign: \`${amount}\`, not \`${char}${amount}\``
            : `Write amounts without a currency sign (\`2m\`, not \`${char}2m\`)`;
    }

    /**
     * For a parser error on the token `found` at `offset`; `root` is the file's CST,
     * `message` the parser's own (shortened) message.
     */
    parsing(text: string, offset: number, found: string, root: CstNode | undefined, message: string): Hint {
        const before = text.slice(0, offset);
        const number = /([0-9]+(?:\.[0-9]+)?)\s+$/.exec(before)?.[1];
        const suffix = AMOUNT_WORDS[found.toLowerCase()];
        if (number && suffix) {
            return `Write amounts as one word with a suffix: \`${number}${suffix}\` (k for thousand, m for million, bn for billion)`;
        }
        if (/^[0-9]/.test(found) && /[0-9],\s*$/.test(before)) {
            // `2,000,000`: one message, on the first group after the first comma.
            if (/[0-9],\s*[0-9]+,\s*$/.test(before)) return DROP;
            const whole = /([0-9]+(?:,\s*[0-9]+)+)/.exec(text.slice(before.search(/[0-9]+,\s*$/)))?.[1] ?? `${found}`;
            const digits = whole.replace(/[,\s]/g, '');
            return `Write amounts without commas: \`${digits}\`, or with a suffix (\`${shortAmount(digits)}\`)`;
        }
        if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(found) || !root) return undefined;
        const split = splitName(root, offset, found);
        if (split) return split;
        // Only where the parser wanted the next property or the end of the body, not a listed value.
        return /^Expected '\}'|expected .*\}/.test(message) ? this.unknownProperty(root, offset, found) : undefined;
        return undefined;
    }

    /** `quorum` inside a forum's body: say it is no property of a forum, and what a forum takes. */
    private unknownProperty(root: CstNode, offset: number, word: string): Hint {
        const previous = CstUtils.findLeafNodeBeforeOffset(root, offset);
        let declaration: AstNode | undefined = previous?.astNode;
        while (declaration && !this.properties.has(declaration.$type)) declaration = declaration.$container;
        if (!declaration || !declaration.$cstNode || !insideBody(declaration, offset)) return undefined;
        const { properties, elements } = this.properties.get(declaration.$type)!;
        if (properties.some(p => p.split(' ')[0] === word) || elements.includes(word)) return undefined;
        const kind = kindWord(declaration.$type);
        const takes = `${withArticle(kind)} takes ${properties.map(p => `\`${p}\``).join(', ')}`
            + (elements.length ? `, and the elements ${elements.map(e => `\`${e}\``).join(', ')}` : '');
        const near = new NameIndex([...properties, ...elements].map(p => p.split(' ')[0])).closest(word);
        const meant = near && [...properties, ...elements].find(p => p.split(' ')[0] === near);
        return `\`${word}\` is not a property of ${withArticle(kind)}: ${takes}` + (meant ? `. Did you mean \`${meant}\`?` : '');
    }
}

/** `actor NHS Kinbrae { … }`: a second word straight after a declaration's name, which has lost its body. */
function splitName(root: CstNode, offset: number, word: string): Hint {
    const previous = CstUtils.findLeafNodeBeforeOffset(root, offset);
    const declaration = previous?.astNode;
    const name = (declaration as { name?: unknown } | undefined)?.name;
    if (!previous || !declaration || typeof name !== 'string' || previous.text !== name || previous.range.start.line !== positionLine(root, offset)) return undefined;
    if (CstUtils.flattenCst(declaration.$cstNode!).some(leaf => leaf.text === '{')) return undefined;
    const kind = kindWord(declaration.$type);
    return {
        message: `A name is one word (letters, digits and _): \`${name} ${word}\` is read as the name ${name} followed by ${word}. `
            + `Write ${name}${word} or ${name}_${word}, and put the words in the title: \`${kind} ${name}${word} "${name} ${word}"\``,
        splitName: declaration
    };
}

function positionLine(root: CstNode, offset: number): number {
    const leaf = CstUtils.findLeafNodeAtOffset(root, offset) ?? CstUtils.findLeafNodeBeforeOffset(root, offset);
    return leaf?.range.start.line ?? -1;
}

/** Whether `offset` lies after the `{` that opens the declaration's own body. */
function insideBody(declaration: AstNode, offset: number): boolean {
    for (const leaf of CstUtils.flattenCst(declaration.$cstNode!)) {
        if (leaf.offset >= offset) return false;
        if (leaf.text === '{' && leaf.astNode === declaration) return true;
    }
    return false;
}

/** 2000000 → 2m; 2500 → 2.5k. */
function shortAmount(digits: string): string {
    const value = Number(digits);
    for (const [suffix, size] of [['bn', 1e9], ['m', 1e6], ['k', 1e3]] as const) {
        if (value >= size && Number.isInteger((value / size) * 100)) return `${value / size}${suffix}`;
    }
    return digits;
}
