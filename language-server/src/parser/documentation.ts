import { CstUtils, isLeafCstNode, type AstNode, type CstNode, type DocumentationProvider } from 'langium';

/** `///` line comments directly before a declaration are its documentation (LANGUAGE.md). */
export class TripleSlashDocumentationProvider implements DocumentationProvider {
    getDocumentation(node: AstNode): string | undefined {
        const lines = docCommentLines(node.$cstNode);
        return lines.length > 0 ? lines.join('\n') : undefined;
    }
}

export function docCommentLines(cstNode: CstNode | undefined): string[] {
    const lines: string[] = [];
    let expectedEndLine = cstNode?.range.start.line;
    let previous = cstNode ? CstUtils.getPreviousNode(cstNode, true) : undefined;
    while (previous && isLeafCstNode(previous) && previous.hidden && previous.text.startsWith('///')
        && expectedEndLine !== undefined && previous.range.end.line >= expectedEndLine - 1) {
        lines.unshift(previous.text.slice(3).trim());
        expectedEndLine = previous.range.start.line;
        previous = CstUtils.getPreviousNode(previous, true);
    }
    return lines;
}
