import { AstUtils, isAstNode, isLinkingError, type AstNode, type LangiumDocument, type MultiReference, type NameProvider, type ParseResult, type Reference } from 'langium';
import { partialParseOf } from '../parser/declaration-reparse.js';
import { namesSeenFromOutside } from './scope-computation.js';

/** A reference to one node or to several, as a document lists them. */
type AnyReference = Reference | MultiReference;

/**
 * A document's links, kept through an edit parsed within one declaration
 * (parser/declaration-reparse.ts). Langium unlinks an edited document whole and
 * links every reference of it again: 7–8 ms an edit of a 2,000-line model, most of
 * its references in declarations the edit did not touch, which the new tree holds
 * as they were. A reference of such a declaration resolves as before when the edit
 * was the workspace's only change and the edited declaration exports the same
 * names as before (`namesSeenFromOutside`): its scope is its own declaration's
 * names, the file's declarations' and the workspace's. So the references of the
 * declarations moved are kept as linked, except in a declaration with a reference
 * into the declaration parsed again (whose nodes are new) or one not linked: that
 * one, and the edited one, are linked again. Otherwise every reference is linked
 * again, as Langium does. The document's list of references comes out in the
 * order of the tree, as a whole link makes it.
 */

interface SetAside {
    /** The parse the references were linked on. */
    parse: ParseResult;
    references: AnyReference[];
}

/** Documents whose next unlink is for an edit that was the workspace's only change. */
const keepAtNextUnlink = new WeakSet<LangiumDocument>();
/** The parse each document was last linked on, to the end. */
const linkedOn = new WeakMap<LangiumDocument, ParseResult>();
/** The references set aside, still resolved, at the unlink before a parse. */
const setAside = new WeakMap<LangiumDocument, SetAside>();

/** The document builder's word that `document` is reset for an edit that is the only change of its build. */
export function keepLinksThroughEdit(document: LangiumDocument): void {
    keepAtNextUnlink.add(document);
}

/**
 * Instead of unlinking: sets the document's references aside, resolved, when the
 * builder asked for it and the document was linked on its current tree. Returns
 * false when the caller is to unlink as Langium does.
 */
export function setLinksAside(document: LangiumDocument): boolean {
    const earlier = setAside.get(document);
    // Set aside and never linked since (a build cancelled before linking): they cannot be used now.
    if (earlier) {
        setAside.delete(document);
        earlier.references.forEach(forget);
    }
    const keep = keepAtNextUnlink.delete(document) && linkedOn.get(document) === document.parseResult;
    linkedOn.delete(document);
    if (!keep) return false;
    setAside.set(document, { parse: document.parseResult, references: document.references });
    document.references = [];
    return true;
}

/** Records that the document was linked to the end on its current tree. */
export function linked(document: LangiumDocument): void {
    linkedOn.set(document, document.parseResult);
}

/** What to link of a document parsed in part: each declaration in order, with the references kept or none to link it again. */
export interface LinkPlan {
    readonly declarations: readonly AstNode[];
    /** The kept references of each declaration not linked again, in the order of the last link. */
    readonly kept: ReadonlyMap<AstNode, readonly AnyReference[]>;
    /** The declarations to link again: the edited one, and those with a reference that may now resolve elsewhere. */
    readonly linkAgain: ReadonlySet<AstNode>;
    /** Forgets what was kept of the declarations from `index` on (a link cut short). */
    forgetFrom(index: number): void;
}

/**
 * The plan for linking a document whose references were set aside, or undefined
 * when none of them can be kept: they are forgotten, and the whole document is to
 * be linked.
 */
export function planLink(document: LangiumDocument, names: NameProvider): LinkPlan | undefined {
    const aside = setAside.get(document);
    if (!aside) return undefined;
    setAside.delete(document);
    const plan = keptFor(document, aside, names);
    if (!plan) aside.references.forEach(forget);
    return plan;
}

function keptFor(document: LangiumDocument, aside: SetAside, names: NameProvider): LinkPlan | undefined {
    const partial = partialParseOf(document.parseResult);
    if (!partial || partial.from !== aside.parse) return undefined;
    const root = document.parseResult.value;
    const declarations = (root as unknown as { declarations: AstNode[] }).declarations;
    const edited = declarations[partial.index];
    if (namesSeenFromOutside(partial.replaced, names) !== namesSeenFromOutside(edited, names)) return undefined;
    const byDeclaration = new Map<AstNode, AnyReference[]>();
    const linkAgain = new Set<AstNode>([edited]);
    for (const reference of aside.references) {
        const container = (reference as { node?: AstNode }).node;
        if (!container) return undefined;
        const declaration = topLevelOf(container);
        if (declaration === partial.replaced) continue;
        if (declaration.$container !== root) return undefined;
        const list = byDeclaration.get(declaration);
        if (list) list.push(reference); else byDeclaration.set(declaration, [reference]);
        if (!resolvedAsBefore(reference, partial.replaced)) linkAgain.add(declaration);
    }
    // A declaration linked again forgets all its references first.
    for (const declaration of linkAgain) byDeclaration.get(declaration)?.forEach(forget);
    for (const declaration of linkAgain) byDeclaration.delete(declaration);
    return {
        declarations,
        kept: byDeclaration,
        linkAgain,
        forgetFrom: index => declarations.slice(index).forEach(declaration => byDeclaration.get(declaration)?.forEach(forget))
    };
}

/** Resolved, or failed to, without reaching into the declaration parsed again or a tree no longer a document's. */
function resolvedAsBefore(reference: AnyReference, replaced: AstNode): boolean {
    const resolved = reference as unknown as { _ref?: unknown; _items?: unknown };
    if ('_ref' in resolved) return isLinkingError(resolved._ref) || (isAstNode(resolved._ref) && current(resolved._ref, replaced));
    if (Array.isArray(resolved._items)) return (resolved._items as Array<{ ref: AstNode }>).every(item => current(item.ref, replaced));
    return false;
}

function current(target: AstNode, replaced: AstNode): boolean {
    if (topLevelOf(target) === replaced) return false;
    const root = AstUtils.findRootNode(target);
    return root.$document?.parseResult.value === root;
}

/** Unresolved again, as Langium's unlink leaves a reference. */
function forget(reference: AnyReference): void {
    const resolved = reference as unknown as { _ref?: unknown; _nodeDescription?: unknown; _items?: unknown; _linkingError?: unknown };
    if ('_ref' in resolved) {
        resolved._ref = undefined;
        delete resolved._nodeDescription;
    } else if ('_items' in resolved) {
        resolved._items = undefined;
        delete resolved._linkingError;
    }
}

function topLevelOf(node: AstNode): AstNode {
    let declaration = node;
    while (declaration.$container?.$container) declaration = declaration.$container;
    return declaration;
}
