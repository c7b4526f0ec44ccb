import { AstUtils, CstUtils, DefaultAstNodeDescriptionProvider, type AstNode, type AstNodeDescription, type DocumentSegment, type LangiumDocument } from 'langium';

/**
 * Descriptions of named nodes, as Langium makes them, with the node's whole
 * segment worked out when first read, as its name's already is. Langium makes a
 * description of every named node at every build (the file's local names and its
 * exports) and reads neither segment for linking, nor does Joinery.
 */
export class JoineryAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    override createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        const path = this.astNodeLocator.getAstNodePath(node);
        name ??= this.nameProvider.getName(node);
        if (!name) throw new Error(`Node at path ${path} has no name.`);
        let nameSegment: DocumentSegment | undefined;
        let selectionSegment: DocumentSegment | undefined;
        const nameProvider = this.nameProvider;
        return {
            node,
            name,
            get nameSegment() {
                return nameSegment ??= CstUtils.toDocumentSegment(nameProvider.getNameNode(node) ?? node.$cstNode);
            },
            get selectionSegment() {
                return selectionSegment ??= CstUtils.toDocumentSegment(node.$cstNode);
            },
            type: node.$type,
            documentUri: (document ?? AstUtils.getDocument(node)).uri,
            path
        };
    }
}
