import type { AstNode, LangiumDocument } from 'langium';
import { DefaultDocumentSymbolProvider } from 'langium/lsp';
import type { DocumentSymbol } from 'vscode-languageserver';
import { isChannel, isLink, isReferral } from '../generated/ast.js';
import { kindWord } from '../language/user-words.js';

/**
 * The outline: every declaration with its title as detail, and the unnamed
 * elements too, named by what they join (`channel VANL -> IJB`), so that an
 * arrangement's channels, referrals and links can be found from the outline.
 */
export class JoineryDocumentSymbolProvider extends DefaultDocumentSymbolProvider {
    protected override getSymbol(document: LangiumDocument, node: AstNode): DocumentSymbol[] {
        if (isChannel(node) || isLink(node) || isReferral(node)) {
            const cst = node.$cstNode;
            if (!cst) return [];
            const arrow = isLink(node) ? node.direction : '->';
            const ends = `${node.from?.$refText ?? '?'} ${arrow} ${node.to?.$refText ?? '?'}`;
            return [{
                name: isChannel(node) && node.name ? `${kindWord(node.$type)} ${node.name} (${ends})` : `${kindWord(node.$type)} ${ends}`,
                kind: this.nodeKindProvider.getSymbolKind(node),
                range: cst.range,
                selectionRange: cst.range,
                ...(node.title ? { detail: node.title } : {})
            }];
        }
        const symbols = super.getSymbol(document, node);
        const title = (node as { title?: string }).title;
        // A named declaration comes back as one symbol of its own; an unnamed one as its children.
        if (title && symbols.length === 1 && symbols[0].name === this.nameProvider.getName(node)) symbols[0].detail = title;
        return symbols;
    }
}
