import { AstUtils, GrammarAST, type LeafCstNode } from 'langium';
import { propertyGuide, stageGuide, valueGuide } from '../language/keyword-guide.js';

/**
 * Hover on a keyword or a listed value: what it means (language/keyword-guide.ts).
 * A listed value is known by its list (`sector third`: the Sector list), a property
 * keyword by the words that introduce its property (`by` in `advisory by law`), a
 * stage number by its value.
 */
export function keywordHover(leaf: LeafCstNode): string | undefined {
    const source = leaf.grammarSource;
    if (leaf.tokenType.name === 'NUMBER') {
        const assignment = AstUtils.getContainerOfType(source, GrammarAST.isAssignment);
        const guide = assignment?.feature === 'stages' ? stageGuide(leaf.text) : undefined;
        return guide && `**stage ${leaf.text}** — ${guide}`;
    }
    if (!GrammarAST.isKeyword(source)) return undefined;
    const rule = AstUtils.getContainerOfType(source, GrammarAST.isParserRule);
    if (rule?.dataType) {
        const guide = valueGuide(rule.name, source.value);
        return guide && `**${source.value}** — ${guide}`;
    }
    const words = introducingWords(source);
    const guide = words && rule && propertyGuide(rule.name, words);
    return guide && `**${words}** — ${guide}`;
}

/** `advisory by law` for any of its three keywords; `body` for the flag's keyword. */
function introducingWords(keyword: GrammarAST.Keyword): string | undefined {
    const container: unknown = keyword.$container;
    if (GrammarAST.isAssignment(container) && container.operator === '?=') return keyword.value;
    const group = container;
    if (!GrammarAST.isGroup(group)) return /^\p{L}/u.test(keyword.value) ? keyword.value : undefined;
    const words: string[] = [];
    for (const element of group.elements) {
        if (!GrammarAST.isKeyword(element) || !/^\p{L}/u.test(element.value)) break;
        words.push(element.value);
    }
    return words.includes(keyword.value) ? words.join(' ') : undefined;
}
