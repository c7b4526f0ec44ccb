import { GrammarAST, MultiMap, isCompositeCstNode, isLeafCstNode, type AstNode, type CstNode } from 'langium';

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
        // Lengths first: reading a CST node's text copies it out of the file.
        return child.end - child.offset === name.length && child.text === name ? child : undefined;
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
