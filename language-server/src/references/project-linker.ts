import {
    AstUtils, DefaultLinker, type AstNode, type DefaultMultiReference, type DefaultReference, type LangiumCoreServices, type MultiReferenceItem
} from 'langium';
import type { ProjectLayout } from './projects.js';

/**
 * Langium's linker, for a parser that every project shares (joinery-module.ts):
 * building a Chevrotain parser and lexer costs about 50 ms, once per project, so a
 * repository of 60 projects spent half its check building parsers. The shared
 * parser builds every reference with the root project's linker; a reference then
 * resolves with the linker of the project its document is in now, so in that
 * project's names.
 */
export class ProjectLinker extends DefaultLinker {
    constructor(private readonly services: LangiumCoreServices, private readonly layout: ProjectLayout) {
        super(services);
    }

    protected override resolveReference(reference: DefaultReference, node: AstNode, property: string): AstNode | undefined {
        const owner = this.linkerOf(node);
        return owner === this ? super.resolveReference(reference, node, property) : owner.resolveReference(reference, node, property);
    }

    protected override resolveMultiReference(reference: DefaultMultiReference, node: AstNode, property: string): MultiReferenceItem[] {
        const owner = this.linkerOf(node);
        return owner === this ? super.resolveMultiReference(reference, node, property) : owner.resolveMultiReference(reference, node, property);
    }

    private linkerOf(node: AstNode): ProjectLinker {
        if (!this.layout.isSplit) return this;
        const document = AstUtils.findRootNode(node).$document;
        const linker = document ? this.services.shared.ServiceRegistry.getServices(document.uri).references.Linker : this;
        return linker instanceof ProjectLinker ? linker : this;
    }
}
