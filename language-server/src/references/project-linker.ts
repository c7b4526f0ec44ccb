import {
    AstUtils, Cancellation, DefaultLinker, interruptAndCheck, type AstNode, type DefaultMultiReference, type DefaultReference, type LangiumCoreServices,
    type LangiumDocument, type MultiReferenceItem, type ReferenceInfo
} from 'langium';
import { NODES_PER_INTERRUPT, referencesOf, treeOrder } from '../parser/tree-order.js';
import { linked, planLink, setLinksAside, type LinkPlan } from './kept-links.js';
import type { ProjectLayout } from './projects.js';

/**
 * Langium's linker, for a parser that every project shares (joinery-module.ts):
 * building a Chevrotain parser and lexer costs about 50 ms, once per project, so a
 * repository of 60 projects spent half its check building parsers. The shared
 * parser builds every reference with the root project's linker; a reference then
 * resolves with the linker of the project its document is in now, so in that
 * project's names.
 *
 * An edited document keeps the links of the declarations the edit did not touch
 * (kept-links.ts).
 */
export class ProjectLinker extends DefaultLinker {
    constructor(private readonly services: LangiumCoreServices, private readonly layout: ProjectLayout) {
        super(services);
    }

    override unlink(document: LangiumDocument): void {
        if (!setLinksAside(document)) super.unlink(document);
    }

    override async link(document: LangiumDocument, cancelToken?: Cancellation.CancellationToken): Promise<void> {
        const plan = planLink(document, this.services.references.NameProvider);
        if (this.profiler?.isActive('linking')) {
            // Langium's profile of linking times every reference: it links them all.
            plan?.forgetFrom(0);
            await super.link(document, cancelToken);
        } else if (plan) await this.linkAround(document, plan, cancelToken);
        else await this.linkAll(document, cancelToken ?? Cancellation.CancellationToken.None);
        linked(document);
    }

    /**
     * Every reference, in the order Langium links them, from the tree's list of its
     * nodes, with a chance to yield every few hundred nodes instead of at every one.
     */
    private async linkAll(document: LangiumDocument, cancelToken: Cancellation.CancellationToken): Promise<void> {
        const { nodes } = treeOrder(document.parseResult.value);
        const link = (reference: ReferenceInfo): void => this.doLink(reference, document);
        for (let i = 0; i < nodes.length; i++) {
            if (i % NODES_PER_INTERRUPT === 0) await interruptAndCheck(cancelToken);
            referencesOf(nodes[i], link);
        }
    }

    /** Declaration by declaration, in order: the kept references listed again, the others linked as Langium links them. */
    private async linkAround(document: LangiumDocument, plan: LinkPlan, cancelToken?: Cancellation.CancellationToken): Promise<void> {
        const { nodes, subtreeEnds } = treeOrder(document.parseResult.value);
        const link = (reference: ReferenceInfo): void => this.doLink(reference, document);
        // The root's only children are its declarations: each one's nodes follow the one before it in the tree's list.
        let at = 1;
        for (let i = 0; i < plan.declarations.length; i++) {
            try {
                await interruptAndCheck(cancelToken ?? Cancellation.CancellationToken.None);
            } catch (error) {
                plan.forgetFrom(i);
                throw error;
            }
            const declaration = plan.declarations[i];
            const end = subtreeEnds[at];
            if (!plan.linkAgain.has(declaration)) {
                for (const reference of plan.kept.get(declaration) ?? []) document.references.push(reference);
            } else {
                for (let node = at; node < end; node++) referencesOf(nodes[node], link);
            }
            at = end;
        }
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
