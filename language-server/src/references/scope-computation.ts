import {
    Cancellation, DefaultScopeComputation, interruptAndCheck, MultiMap, type AstNode, type AstNodeDescription, type LangiumDocument,
    type LocalSymbols, type NameProvider
} from 'langium';
import { isArrangement, isForum, type Model } from '../generated/ast.js';
import { NODES_PER_INTERRUPT, treeOrder } from '../parser/tree-order.js';

/**
 * Top-level names (domains, actors, arrangements) are global; an arrangement's
 * elements are exported as `Arrangement.Element` so other files can reach them.
 * Inside an arrangement its elements are visible by their plain names (Langium's
 * default local scopes do that).
 */
export class JoineryScopeComputation extends DefaultScopeComputation {
    override async collectExportedSymbols(document: LangiumDocument): Promise<AstNodeDescription[]> {
        const model = document.parseResult.value as Model;
        const exports: AstNodeDescription[] = [];
        for (const declaration of model.declarations ?? []) {
            for (const [node, name] of exportedNames(declaration, this.nameProvider)) exports.push(this.descriptions.createDescription(node, name, document));
        }
        return exports;
    }

    /** Langium's local names, offering to yield every 256 nodes rather than waiting before each (as validation does: validation/node-checks.ts). */
    override async collectLocalSymbols(document: LangiumDocument, cancelToken?: Cancellation.CancellationToken): Promise<LocalSymbols> {
        const symbols = new MultiMap<AstNode, AstNodeDescription>();
        // The tree's own list of its nodes (parser/tree-order.ts); the root names nothing locally.
        const { nodes } = treeOrder(document.parseResult.value);
        for (let i = 1; i < nodes.length; i++) {
            if ((i - 1) % NODES_PER_INTERRUPT === 0) await interruptAndCheck(cancelToken ?? Cancellation.CancellationToken.None);
            this.addLocalSymbol(nodes[i], document, symbols);
        }
        return symbols;
    }
}

/** The names a top-level declaration gives the workspace: its own, and an arrangement's elements' qualified. */
export function* exportedNames(declaration: AstNode, names: NameProvider): Generator<[AstNode, string]> {
    const own = names.getName(declaration);
    if (!own) return;
    yield [declaration, own];
    if (!isArrangement(declaration)) return;
    for (const element of declaration.elements) {
        const name = names.getName(element);
        if (name) yield [element, `${own}.${name}`];
    }
}

/**
 * What a reference elsewhere can find of a top-level declaration: the names it
 * exports, of which type, and whether a forum is a body (a party's scope takes
 * only bodies). Nothing else of it decides how another declaration's reference
 * resolves: the file's names are its declarations', and an arrangement's own names
 * are visible only inside it.
 */
export function namesSeenFromOutside(declaration: AstNode, names: NameProvider): string {
    const parts: string[] = [];
    for (const [node, name] of exportedNames(declaration, names)) parts.push(`${name} ${node.$type}${isForum(node) && node.body ? ' body' : ''}`);
    return parts.join('\n');
}
