import { AstUtils, CstUtils, DefaultAstNodeDescriptionProvider, type AstNode, type AstNodeDescription, type AstNodeLocator, type DocumentSegment, type LangiumDocument, type NameProvider, type URI } from 'langium';

/**
 * Descriptions of named nodes, as Langium makes them, with the node's segments and
 * path worked out when first read. Langium makes a description of every named node
 * at every build (the file's local names and its exports) and reads neither segment
 * for linking, nor does Joinery.
 */
export class JoineryAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    override createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        name ??= this.nameProvider.getName(node);
        if (!name) throw new Error(`Node at path ${this.astNodeLocator.getAstNodePath(node)} has no name.`);
        return new NamedNodeDescription(node, name, (document ?? AstUtils.getDocument(node)).uri, this.nameProvider, this.astNodeLocator);
    }
}

/**
 * A class, not an object literal with getters: a literal with accessors is kept
 * as a dictionary of its properties, about 450 bytes each, and with two closures
 * more; the 1,000-file workspace holds 53,000 of these.
 */
class NamedNodeDescription implements AstNodeDescription {
    readonly type: string;
    private segmentOfName?: DocumentSegment;
    private segmentOfNode?: DocumentSegment;
    private pathInDocument?: string;

    constructor(readonly node: AstNode, readonly name: string, readonly documentUri: URI,
        private readonly nameProvider: NameProvider, private readonly locator: AstNodeLocator) {
        this.type = node.$type;
    }

    get nameSegment(): DocumentSegment | undefined {
        return this.segmentOfName ??= CstUtils.toDocumentSegment(this.nameProvider.getNameNode(this.node) ?? this.node.$cstNode);
    }

    get selectionSegment(): DocumentSegment | undefined {
        return this.segmentOfNode ??= CstUtils.toDocumentSegment(this.node.$cstNode);
    }

    get path(): string {
        return this.pathInDocument ??= this.locator.getAstNodePath(this.node);
    }
}
