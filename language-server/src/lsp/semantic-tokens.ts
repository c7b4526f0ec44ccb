import { AstUtils, CstUtils, GrammarAST, isReference, type AstNode, type CstNode, type LangiumDocument, type LeafCstNode, type Reference } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import { isModel } from '../generated/ast.js';
import { declarationKind } from './declaration-kinds.js';

/**
 * Semantic highlighting from one pass over the tokens of a file:
 * - declaration names by kind (declaration-kinds.ts), with the `declaration` modifier;
 * - references by the kind of what they resolve to; in `North.IJB`, `North` is an
 *   arrangement (namespace) and `IJB` a forum;
 * - sectors and the other listed values (`kind board`, `logic efficiency`), and profile
 *   and role ids, as enum members;
 * - flags (`merged`, `colocated`, `two-way`) as modifiers, `->` and `<->` as operators;
 * - keywords, strings, numbers and comments (`///` documentation with the
 *   `documentation` modifier), so that a name spelled like a keyword (`actor kind`)
 *   is coloured as a name.
 */
export class JoinerySemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected override highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): 'prune' | undefined {
        if (!isModel(node) || !node.$cstNode) return undefined;
        const document = this.currentDocument as LangiumDocument;
        const references = new Map<CstNode, Reference>();
        for (const reference of document.references) {
            // Joinery's grammar has no multi-references (`[+Type]`).
            if (reference.$refNode && isReference(reference)) references.set(reference.$refNode, reference);
        }
        for (const leaf of CstUtils.flattenCst(node.$cstNode)) {
            const token = classify(leaf, references);
            if (token) acceptor({ cst: leaf, ...token });
        }
        return 'prune';
    }
}

type Token = { type: string; modifier?: string };

function classify(leaf: LeafCstNode, references: Map<CstNode, Reference>): Token | undefined {
    if (leaf.hidden) {
        return leaf.text.startsWith('///') ? { type: SemanticTokenTypes.comment, modifier: SemanticTokenModifiers.documentation }
            : { type: SemanticTokenTypes.comment };
    }
    const source = leaf.grammarSource;
    const referenceNode = enclosingReference(leaf);
    if (referenceNode) {
        if (leaf.text === '.') return undefined;
        const followedByDot = referenceNode.text.slice(leaf.end - referenceNode.offset).includes('.');
        if (followedByDot) return { type: SemanticTokenTypes.namespace };
        const target = references.get(referenceNode)?.ref;
        const kind = target && declarationKind(target.$type);
        return kind ? { type: kind.token } : undefined;
    }
    if (isDeclarationName(leaf)) {
        const kind = declarationKind(leaf.astNode.$type);
        return kind ? { type: kind.token, modifier: SemanticTokenModifiers.declaration } : undefined;
    }
    // Profile and role ids (`profile scotland-ijb`, `role chief-officer`): values from the profiles' vocabulary.
    if (AstUtils.getContainerOfType(source, GrammarAST.isParserRule)?.name === 'ProfileWord') return { type: SemanticTokenTypes.enumMember };
    if (leaf.tokenType.name === 'STRING') return { type: SemanticTokenTypes.string };
    if (leaf.tokenType.name === 'NUMBER' || leaf.tokenType.name === 'DATE') return { type: SemanticTokenTypes.number };
    if (!GrammarAST.isKeyword(source)) return undefined;
    // Listed values (sectors, kinds, levels, logics) are keywords of data-type rules such as `Sector`.
    if (AstUtils.getContainerOfType(source, GrammarAST.isParserRule)?.dataType) return { type: SemanticTokenTypes.enumMember };
    const container: AstNode | undefined = source.$container;
    if (GrammarAST.isAssignment(container) && container.operator === '?=') return { type: SemanticTokenTypes.modifier };
    if (source.value === '->' || source.value === '<->') return { type: SemanticTokenTypes.operator };
    return /^\p{L}/u.test(source.value) ? { type: SemanticTokenTypes.keyword } : undefined;
}

/** The cross-reference CST node a token belongs to (a qualified name spans several tokens). */
function enclosingReference(leaf: CstNode): CstNode | undefined {
    for (let node: CstNode | undefined = leaf; node; node = node.container) {
        if (GrammarAST.isCrossReference(node.grammarSource)) return node;
        if (GrammarAST.isAssignment(node.grammarSource) || node.astNode !== leaf.astNode) return undefined;
    }
    return undefined;
}

/** Whether a token is the `name` of its declaration (names may be spelled like keywords). */
function isDeclarationName(leaf: CstNode): boolean {
    const nameCall = leaf.container?.grammarSource;
    if (!GrammarAST.isRuleCall(nameCall)) return false;
    // Langium 4 types a rule call's container as an infix rule only; a name's is an assignment.
    const assignment: AstNode | undefined = nameCall.$container;
    return GrammarAST.isAssignment(assignment) && assignment.feature === 'name';
}
