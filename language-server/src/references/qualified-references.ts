import {
    AstUtils, DefaultReferences, GrammarAST,
    type AstNode, type CstNode, type FindReferencesOptions, type ReferenceDescription, type Stream
} from 'langium';
import { isArrangement } from '../generated/ast.js';

/**
 * Langium's references, aware that `North.IJB` names two declarations: `North`,
 * the arrangement, and `IJB`, its element. Each part of a qualified reference is a
 * reference to its own declaration, so go to definition, find references,
 * highlights and rename treat `North` and `IJB` separately, and renaming either
 * changes only its own part.
 */
export class JoineryReferences extends DefaultReferences {
    override findDeclarations(source: CstNode): AstNode[] {
        const targets = super.findDeclarations(source);
        if (!isQualifierPart(source)) return targets;
        return targets.map(target => AstUtils.getContainerOfType(target.$container, isArrangement) ?? target);
    }

    override findReferences(target: AstNode, options: FindReferencesOptions): Stream<ReferenceDescription> {
        const references = super.findReferences(target, options).map(reference => this.part(reference, /[A-Za-z_]\w*$/) ?? reference);
        if (!isArrangement(target)) return references;
        // An arrangement is never referenced by itself, only as the qualifier of its elements' names.
        const qualifiers = target.elements.flatMap(element => super.findReferences(element, { ...options, includeDeclaration: false })
            .map(reference => this.part(reference, /^[A-Za-z_]\w*(?=\s*\.)/))
            .filter((reference): reference is ReferenceDescription => reference !== undefined)
            .toArray());
        return references.concat(qualifiers);
    }

    /** The reference cut down to the name that `pattern` finds in a qualified name; undefined for a plain name. */
    private part(reference: ReferenceDescription, pattern: RegExp): ReferenceDescription | undefined {
        const document = this.documents.getDocument(reference.sourceUri);
        const text = document?.textDocument.getText().slice(reference.segment.offset, reference.segment.end);
        const match = text?.includes('.') ? pattern.exec(text) : undefined;
        if (!document || !match) return undefined;
        const offset = reference.segment.offset + match.index;
        const end = offset + match[0].length;
        return {
            ...reference,
            segment: {
                offset, end, length: end - offset,
                range: { start: document.textDocument.positionAt(offset), end: document.textDocument.positionAt(end) }
            }
        };
    }
}
/** Whether a token is the `North` of `North.IJB`: a name followed by a dot inside one reference. */
function isQualifierPart(source: CstNode): boolean {
    let reference: CstNode | undefined = source;
    while (reference && !GrammarAST.isCrossReference(reference.grammarSource)) reference = reference.container;
    return !!reference && reference.text.slice(source.end - reference.offset).includes('.');
}
