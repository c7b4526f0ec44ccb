import { CstUtils, type AstNode, type DocumentationProvider, type LangiumDocument } from 'langium';
import { AstNodeHoverProvider, type LangiumServices } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import type { IntegrationAnalysis } from '../analysis/integration-analysis.js';
import { isChannel, isLink, isReferral } from '../generated/ast.js';
import { kindWord } from '../language/user-words.js';
import type { JoineryServices } from './joinery-services.js';
import { declarationKind } from './declaration-kinds.js';
import { elementSummary } from './element-summary.js';
import { keywordHover } from './keyword-hover.js';
import { profileWordAt, profileWordHover } from './profile-hover.js';
import type { ProfileRegistry } from '../profiles/profile-registry.js';

/**
 * Hover on every declaration, named or not (from its name, a reference to it or
 * its keyword; a channel, link or referral from any of its tokens but its
 * references): its kind, name and title, its `///` documentation and what the
 * derived model says of it (element-summary.ts).
 */
export class JoineryHoverProvider extends AstNodeHoverProvider {
    private readonly documentation: DocumentationProvider;
    private readonly analysis: IntegrationAnalysis;
    private readonly profiles: ProfileRegistry;

    constructor(services: LangiumServices) {
        super(services);
        this.documentation = services.documentation.DocumentationProvider;
        this.analysis = (services as JoineryServices).analysis.IntegrationAnalysis;
        this.profiles = (services as JoineryServices).profiles.ProfileRegistry;
    }

    // The summary reads the derived model of every file: the server waits until the whole workspace is linked (server/start-server.ts).
    override async getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        const root = document.parseResult.value.$cstNode;
        const leaf = root && CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(params.position));
        // A profile or role id: what the profile requires, and how this forum stands against it.
        const word = profileWordAt(leaf);
        if (word) {
            const value = profileWordHover(word, this.profiles, this.analysis);
            return value ? { contents: { kind: 'markdown', value }, range: word.cst.range } : undefined;
        }
        const hover = await super.getHoverContent(document, params);
        if (hover) return hover;
        const node = leaf?.astNode;
        if (!leaf || !node) return undefined;
        // A keyword or listed value says what it means; a declaration's own keyword gives the declaration.
        const startsDeclaration = !!declarationKind(node.$type) && leaf.offset === node.$cstNode?.offset;
        const guide = startsDeclaration ? undefined : keywordHover(leaf);
        if (guide) return { contents: { kind: 'markdown', value: guide } };
        if (!declarationKind(node.$type)) return undefined;
        // Unnamed elements hover anywhere outside their references; named ones from their keyword too.
        const unnamed = isChannel(node) || isLink(node) || isReferral(node);
        if (!unnamed && leaf.offset !== node.$cstNode?.offset) return undefined;
        return { contents: { kind: 'markdown', value: this.getAstNodeHoverContent(node) } };
    }

    /** Markdown: Langium's hover puts it in a Hover (after a name or a reference), as the fallback above does. */
    protected override getAstNodeHoverContent(node: AstNode): string {
        const named = node as { name?: string; title?: string };
        const heading = named.name ? `**${kindWord(node.$type)} ${named.name}**` : `**${kindWord(node.$type)}**`;
        const parts = [heading + (named.title ? ` — ${named.title}` : '')];
        const docs = this.documentation.getDocumentation(node);
        if (docs) parts.push(docs);
        const summary = elementSummary(node, this.analysis);
        if (summary.length) parts.push(summary.join('  \n'));
        return parts.join('\n\n');
    }
}
