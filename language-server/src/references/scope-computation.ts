import { DefaultScopeComputation, type AstNode, type AstNodeDescription, type LangiumDocument } from 'langium';
import { isArrangement, type Model } from '../generated/ast.js';

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
            this.exportNamed(declaration, declaration.name, document, exports);
            if (isArrangement(declaration) && declaration.name) {
                for (const element of declaration.elements) {
                    const name = this.nameProvider.getName(element);
                    if (name) this.exportNamed(element, `${declaration.name}.${name}`, document, exports);
                }
            }
        }
        return exports;
    }

    private exportNamed(node: AstNode, name: string | undefined, document: LangiumDocument, exports: AstNodeDescription[]): void {
        if (name) exports.push(this.descriptions.createDescription(node, name, document));
    }
}
