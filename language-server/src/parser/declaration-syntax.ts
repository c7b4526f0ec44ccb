import { AstUtils, GrammarAST, MultiMap, isCompositeCstNode, isLeafCstNode, type AstNode, type CstNode, type Grammar } from 'langium';

/**
 * Where things are in a declaration's own syntax, found by looking only at its
 * direct CST children (never its nested elements): cheap enough to call for every
 * finding and every node, where a property search of the whole subtree is not.
 */

/**
 * The declaration's own CST children. An element is reached through a rule call
 * (`Element: Forum | …`) that wraps it in one more composite node: look through it.
 */
function ownContent(node: AstNode): readonly CstNode[] {
    let cst = node.$cstNode;
    while (isCompositeCstNode(cst)) {
        const only = onlyVisibleChild(cst.content);
        if (!only || !isCompositeCstNode(only) || only.astNode !== node || !callsRuleOf(only, node)) return cst.content;
        cst = only;
    }
    return [];
}

function onlyVisibleChild(content: readonly CstNode[]): CstNode | undefined {
    let only: CstNode | undefined;
    for (const child of content) {
        if (child.hidden) continue;
        if (only) return undefined;
        only = child;
    }
    return only;
}

/** A call of the rule that builds this node (`Forum`), not of a data type rule such as `Name`. */
function callsRuleOf(cst: CstNode, node: AstNode): boolean {
    const source = cst.grammarSource;
    return GrammarAST.isRuleCall(source) && source.rule.ref?.name === node.$type;
}

/** The CST node of a declaration's name: the first child after its keyword. */
export function nameNode(node: AstNode): CstNode | undefined {
    const name = (node as { name?: unknown }).name;
    if (typeof name !== 'string') return undefined;
    let seenKeyword = false;
    for (const child of ownContent(node)) {
        if (child.hidden) continue;
        if (!seenKeyword) { seenKeyword = true; continue; }
        // Compared in place in the file's text: reading a CST node's text cuts a new string each time.
        const offset = child.offset;
        return child.end - offset === name.length && child.root.fullText.startsWith(name, offset) ? child : undefined;
    }
    return undefined;
}

/** How often each property keyword is written directly in the declaration (`kind`, `held`, `merged`…). */
export function propertyKeywordCounts(node: AstNode): MultiMap<string, CstNode> {
    const counts = new MultiMap<string, CstNode>();
    for (const child of ownContent(node)) {
        if (!isLeafCstNode(child) || child.hidden || !GrammarAST.isKeyword(child.grammarSource)) continue;
        counts.add(child.text, child);
    }
    return counts;
}

/**
 * For each declaration rule, the properties its body takes as the analyst writes
 * them (`kind`, `reports to`, `advisory by law`), read from the grammar: the
 * leading keywords of each alternative inside its `{ … }`. Elements an
 * arrangement may contain are listed apart.
 */
export function bodyProperties(grammar: Grammar): Map<string, { properties: string[]; elements: string[] }> {
    const result = new Map<string, { properties: string[]; elements: string[] }>();
    for (const rule of grammar.rules.filter(GrammarAST.isParserRule)) {
        const body = AstUtils.streamAllContents(rule).filter(GrammarAST.isGroup).find(group => {
            const [open, , close] = group.elements;
            return group.elements.length === 3 && isKeywordOf(open, '{') && isKeywordOf(close, '}');
        });
        if (!body) continue;
        const inner = body.elements[1];
        const alternatives = GrammarAST.isAlternatives(inner) ? inner.elements : [inner];
        const properties: string[] = [];
        const elements: string[] = [];
        for (const alternative of alternatives) {
            const words = leadingKeywords(alternative);
            if (words.length) { if (!properties.includes(words.join(' '))) properties.push(words.join(' ')); continue; }
            const call = GrammarAST.isAssignment(alternative) ? alternative.terminal : undefined;
            const called = GrammarAST.isRuleCall(call) ? call.rule.ref : undefined;
            if (GrammarAST.isParserRule(called) && GrammarAST.isAlternatives(called.definition)) {
                for (const option of called.definition.elements) {
                    const target = GrammarAST.isRuleCall(option) ? option.rule.ref : undefined;
                    const first = GrammarAST.isParserRule(target) ? leadingKeywords(target.definition)[0] : undefined;
                    if (first) elements.push(first);
                }
            }
        }
        result.set(rule.name, { properties, elements });
    }
    return result;
}

/** `'reports' 'to' reportsTo=…` → ['reports', 'to']; `body?='body'` → ['body']. */
function leadingKeywords(element: GrammarAST.AbstractElement): string[] {
    const parts = GrammarAST.isGroup(element) ? element.elements : [element];
    const words: string[] = [];
    for (const part of parts) {
        const keyword = GrammarAST.isAssignment(part) && GrammarAST.isKeyword(part.terminal) ? part.terminal : part;
        if (!GrammarAST.isKeyword(keyword) || !/^\p{L}/u.test(keyword.value)) break;
        words.push(keyword.value);
        if (keyword !== part) break;
    }
    return words;
}

function isKeywordOf(element: GrammarAST.AbstractElement | undefined, value: string): boolean {
    return GrammarAST.isKeyword(element) && element.value === value;
}
