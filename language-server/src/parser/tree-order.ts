import { isAstNode, isMultiReference, isReference, type AstNode, type ReferenceInfo } from 'langium';

/**
 * Every node of a parsed tree in the order Langium's `streamAst` gives them (the
 * root, then each property's nodes in the order the properties were set, depth
 * first), listed once per tree. A build walked each tree three times with Langium's
 * streams (local names, linking, checks), each walk making a key list, a state and
 * two closures per node; on the 1,000-file workspace that was about 170 ms of a
 * check, and more in collections.
 */
export interface TreeOrder {
    readonly nodes: readonly AstNode[];
    /** For `nodes[i]`, the index just past its subtree: where a walk that skips its children goes on. */
    readonly subtreeEnds: Int32Array;
}

/** How many nodes a walk of the list goes through between two chances to yield to other requests (or be cancelled). */
export const NODES_PER_INTERRUPT = 256;

/**
 * Keyed by root: a parse makes a new root (a declaration parsed alone too:
 * declaration-reparse.ts), and nothing changes a tree's containment once parsed.
 */
const orders = new WeakMap<AstNode, TreeOrder>();

export function treeOrder(root: AstNode): TreeOrder {
    let order = orders.get(root);
    if (!order) orders.set(root, order = listTree(root));
    return order;
}

function listTree(root: AstNode): TreeOrder {
    const nodes: AstNode[] = [];
    const ends: number[] = [];
    const visit = (node: AstNode): void => {
        const at = nodes.length;
        nodes.push(node);
        ends.push(0);
        // `for…in` over an AST node (a plain object) reads its own keys in insertion order, as `Object.keys` does.
        for (const property in node) {
            if (property.charCodeAt(0) === DOLLAR) continue;
            const value = (node as unknown as Record<string, unknown>)[property];
            if (isAstNode(value)) visit(value);
            else if (Array.isArray(value)) for (const item of value) if (isAstNode(item)) visit(item);
        }
        ends[at] = nodes.length;
    };
    visit(root);
    return { nodes, subtreeEnds: Int32Array.from(ends) };
}

const DOLLAR = '$'.charCodeAt(0);

/** The references a node holds, in the order of Langium's `streamReferences`. */
export function referencesOf(node: AstNode, visit: (reference: ReferenceInfo) => void): void {
    for (const property in node) {
        if (property.charCodeAt(0) === DOLLAR) continue;
        const value = (node as unknown as Record<string, unknown>)[property];
        if (isReference(value) || isMultiReference(value)) visit({ reference: value, container: node, property });
        else if (Array.isArray(value)) {
            for (let index = 0; index < value.length; index++) {
                const item: unknown = value[index];
                if (isReference(item) || isMultiReference(item)) visit({ reference: item, container: node, property, index });
            }
        }
    }
}
