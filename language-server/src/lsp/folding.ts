import { CstUtils, type LangiumDocument } from 'langium';
import { DefaultFoldingRangeProvider, type FoldingRangeAcceptor } from 'langium/lsp';
import { FoldingRangeKind } from 'vscode-languageserver';

/**
 * Langium's folding (every declaration of three lines or more, and block
 * comments), plus runs of line comments: the `///` documentation above a
 * declaration and the explanatory headers that open model files.
 */
export class JoineryFoldingRangeProvider extends DefaultFoldingRangeProvider {
    protected override collectFolding(document: LangiumDocument, acceptor: FoldingRangeAcceptor): void {
        super.collectFolding(document, acceptor);
        const root = document.parseResult.value.$cstNode;
        if (!root) return;
        let first: number | undefined;
        let last = -2;
        let previousEnd = -1;
        const close = () => {
            if (first !== undefined && last > first) acceptor({ startLine: first, endLine: last, kind: FoldingRangeKind.Comment });
        };
        for (const leaf of CstUtils.flattenCst(root)) {
            const line = leaf.range.start.line;
            // A run is consecutive lines that each hold nothing but a line comment.
            const standalone = leaf.hidden && leaf.text.startsWith('//') && line !== previousEnd;
            if (standalone && first !== undefined && line === last + 1) {
                last = line;
            } else {
                close();
                first = standalone ? line : undefined;
                last = standalone ? line : -2;
            }
            previousEnd = leaf.range.end.line;
        }
        close();
    }
}
