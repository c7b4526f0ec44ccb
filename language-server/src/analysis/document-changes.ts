import { AstUtils, isAstNode, isMultiReference, isReference, type AstNode, type AstNodeLocator, type LangiumDocument } from 'langium';

interface Seen {
    parsed: unknown;
    linked: unknown;
    /** The tree then: its top-level declarations are those a node of the last build sits in. */
    root: AstNode;
    /** The documents this one's references resolve into. */
    targets: ReadonlySet<LangiumDocument>;
    /** Each top-level declaration as it read then (see `declarationsOf`). */
    declarations: readonly DeclarationSeen[];
}

/** One top-level declaration (a domain, an actor, an arrangement) as a build saw it. */
interface DeclarationSeen {
    /** Its text, titles and all, and where it starts: the same text in the same place puts every node of it in the same place. */
    text: string;
    line: number;
    character: number;
    /** Its elements, properties and references as in `declarations`, titles aside. */
    declared: string;
    /** The top-level declarations of its own document that its references resolve into, by index. */
    sameDocumentTargets: readonly number[];
    /** The other documents its references resolve into. */
    readsOtherDocuments: ReadonlySet<LangiumDocument>;
}

/** Which documents changed since the last call, and whether they declare what they did. */
export interface Changes {
    /** Whether a node sits in a changed document. */
    changed(node: AstNode): boolean;
    /** Whether a document changed, or is gone (`undefined`: a node of no document). */
    documentChanged(document: LangiumDocument | undefined): boolean;
    /**
     * Whether the same documents are there and every changed one declares the same
     * elements with the same properties and references as before, titles aside:
     * then the workspace model is the one before with each changed document's
     * nodes put for their namesakes, and only what reads those nodes reads differently.
     */
    declarationsAlike: boolean;
    /**
     * The node that stands now for a node of the last build: itself in a document
     * that did not change; in one parsed or linked again, the node at its place,
     * when its top-level declaration reads as it did, in the same place, and refers
     * to what it did (directly or through other declarations of its file); else
     * none: it may read differently now.
     */
    counterpart(node: AstNode): AstNode | undefined;
    /** The top-level declaration of the last build that this one of now stands for (`counterpart` the other way). */
    earlier(declaration: AstNode): AstNode | undefined;
}

/**
 * Which documents may read differently since the derived model was last built:
 * those parsed or linked again since (Langium gives a document a new parse result
 * when it re-parses it, and a new list of references when it links it again), new
 * ones, and every document whose references lead, directly or through others, to
 * one of those or to a document now gone. A node of any of them may have changed
 * under an arrangement that reads it. Within a document parsed again, the
 * top-level declarations that read and refer as they did are told apart, so that
 * an edit of one arrangement of a long file leaves the others' findings alone.
 */
export class DocumentChanges {
    private readonly seen = new WeakMap<LangiumDocument, Seen>();
    private last = new Set<LangiumDocument>();
    /** What each top-level declaration declared when last written down, with the references that was read from. */
    private readonly declaredBy = new WeakMap<AstNode, DeclaredWithLinks>();

    constructor(private readonly locator: AstNodeLocator) {}

    /** Compares the documents with what the last call saw. */
    since(documents: readonly LangiumDocument[]): Changes {
        const current = new Set(documents);
        const changed = new Set<LangiumDocument>();
        const referrers = new Map<LangiumDocument, LangiumDocument[]>();
        let declarationsAlike = current.size === this.last.size && documents.every(document => this.last.has(document));
        this.last = current;
        // The documents parsed or linked again, with what they declared the last time (none for a new one).
        const again = new Map<LangiumDocument, Seen | undefined>();
        for (const document of documents) {
            let seen = this.seen.get(document);
            if (!seen || seen.parsed !== document.parseResult || seen.linked !== document.references) {
                const declared = declarationsOf(document, this.locator, this.declaredBy);
                declarationsAlike &&= seen !== undefined && sameDeclarations(seen.declarations, declared);
                again.set(document, seen);
                seen = { parsed: document.parseResult, linked: document.references, root: document.parseResult.value, targets: targetDocuments(document), declarations: declared };
                this.seen.set(document, seen);
                changed.add(document);
            }
            for (const target of seen.targets) {
                if (target === document) continue;
                const from = referrers.get(target);
                if (from) from.push(document); else referrers.set(target, [document]);
            }
        }
        for (const [target, from] of referrers) if (!current.has(target)) from.forEach(document => changed.add(document));
        // Breadth first against the references: whoever reads a changed document may read differently.
        const queue = [...changed];
        for (let i = 0; i < queue.length; i++) {
            for (const referrer of referrers.get(queue[i]) ?? []) {
                if (!changed.has(referrer)) {
                    changed.add(referrer);
                    queue.push(referrer);
                }
            }
        }
        const unchangedDocument = (document: LangiumDocument) => !changed.has(document);
        // Per document parsed or linked again: its top-level declarations of then that stand, and for which of now.
        const standing = new Map<LangiumDocument, Map<AstNode, AstNode>>();
        const earlierOf = new Map<AstNode, AstNode>();
        for (const [document, before] of again) {
            if (!before) continue;
            const now = this.seen.get(document)!;
            const kept = standingDeclarations(before, now, unchangedDocument);
            standing.set(document, kept);
            for (const [old, declaration] of kept) earlierOf.set(declaration, old);
        }
        const counterparts = new Map<AstNode, AstNode | null>();
        const counterpart = (node: AstNode): AstNode | undefined => {
            let found = counterparts.get(node);
            if (found === undefined) counterparts.set(node, found = standingNode(node) ?? null);
            return found ?? undefined;
        };
        const standingNode = (node: AstNode): AstNode | undefined => {
            const root = AstUtils.findRootNode(node);
            const document = root.$document;
            if (!document || !current.has(document)) return undefined;
            if (!changed.has(document)) return node;
            const kept = standing.get(document);
            if (!kept || node === root) return undefined;
            // Down from its top-level declaration's namesake by the same steps as up from the node.
            const steps: AstNode[] = [];
            let declaration = node;
            for (; declaration.$container && declaration.$container !== root; declaration = declaration.$container) steps.push(declaration);
            let now: AstNode | undefined = kept.get(declaration);
            if (!now || now === declaration) return now && node;
            for (let i = steps.length - 1; i >= 0 && now; i--) {
                const value = (now as unknown as Record<string, unknown>)[steps[i].$containerProperty!];
                const index = steps[i].$containerIndex;
                now = (index === undefined ? value : (value as unknown[] | undefined)?.[index]) as AstNode | undefined;
            }
            return now;
        };
        return {
            changed: node => {
                const document = documentOf(node);
                return !document || !current.has(document) || changed.has(document);
            },
            documentChanged: document => !document || !current.has(document) || changed.has(document),
            declarationsAlike,
            counterpart,
            earlier: declaration => {
                const document = documentOf(declaration);
                if (!document || !current.has(document)) return undefined;
                return changed.has(document) ? earlierOf.get(declaration) : declaration;
            }
        };
    }
}

/**
 * The top-level declarations of a document parsed or linked again that stand for
 * those of the last time, old to new: at the same index, the same text in the same
 * place, declaring the same, each reference resolving into an unchanged document or
 * into another standing declaration of the file (repeatedly: one that refers to a
 * declaration that changed may read differently too).
 */
function standingDeclarations(before: Seen, now: Seen, unchangedDocument: (document: LangiumDocument) => boolean): Map<AstNode, AstNode> {
    const oldDeclarations = topLevel(before.root), newDeclarations = topLevel(now.root);
    const stands: boolean[] = now.declarations.map((seen, i) => {
        const old = before.declarations[i];
        return old !== undefined && oldDeclarations[i] !== undefined && newDeclarations[i] !== undefined
            && old.text === seen.text && old.line === seen.line && old.character === seen.character && old.declared === seen.declared
            && [...seen.readsOtherDocuments].every(unchangedDocument);
    });
    // Those that refer to a declaration that does not stand do not stand either, and so on.
    const referrers = new Map<number, number[]>();
    now.declarations.forEach((seen, i) => seen.sameDocumentTargets.forEach(target => {
        const from = referrers.get(target);
        if (from) from.push(i); else referrers.set(target, [i]);
    }));
    const fallen = stands.flatMap((standing, i) => standing ? [] : [i]);
    for (let i = 0; i < fallen.length; i++) {
        for (const referrer of referrers.get(fallen[i]) ?? []) {
            if (stands[referrer]) {
                stands[referrer] = false;
                fallen.push(referrer);
            }
        }
    }
    const kept = new Map<AstNode, AstNode>();
    stands.forEach((standing, i) => { if (standing) kept.set(oldDeclarations[i], newDeclarations[i]); });
    return kept;
}

function topLevel(root: AstNode): readonly AstNode[] {
    return (root as { declarations?: AstNode[] }).declarations ?? [];
}

function sameDeclarations(a: readonly DeclarationSeen[], b: readonly DeclarationSeen[]): boolean {
    return a.length === b.length && a.every((seen, i) => seen.declared === b[i].declared);
}

/** What a declaration declares (`DeclarationSeen` without its text and place), and the references it was read from, resolved then to `targets`. */
interface DeclaredWithLinks {
    declared: string;
    sameDocumentTargets: readonly number[];
    readsOtherDocuments: ReadonlySet<LangiumDocument>;
    references: readonly AnyReference[];
    targets: readonly (AstNode | undefined)[];
}

type AnyReference = LangiumDocument['references'][number];

/**
 * A document's declarations as text: every node's type and properties, in order,
 * with each reference as the place of its target (file and path in the tree), and
 * without titles, which only name things in messages; one text for each top-level
 * declaration, with its own text as written and where it starts. A document with
 * an error declares whatever its recovery made of it, compared the same way.
 *
 * An edit parsed within one declaration moves the others, the same objects, into
 * the new tree (parser/declaration-reparse.ts) at the same index: one whose
 * references are the ones it had, resolving to the same nodes, declares what it
 * did, so that is read from `declaredBy` instead of written again (3 ms an edit
 * of a 2,000-line model).
 */
function declarationsOf(document: LangiumDocument, locator: AstNodeLocator, declaredBy: WeakMap<AstNode, DeclaredWithLinks>): DeclarationSeen[] {
    const root = document.parseResult.value;
    const indexOf = new Map(topLevel(root).map((declaration, i) => [declaration, i]));
    const referencesOf = referencesByDeclaration(document);
    // Most references of a file lead to a few shared actors: each target's place is written once.
    const places = new Map<AstNode, string>();
    const placeIn = (target: AstNode, targetDocument: LangiumDocument | undefined) => {
        let place = places.get(target);
        if (place === undefined) places.set(target, place = `@${targetDocument?.uri.toString() ?? ''}#${locator.getAstNodePath(target)}`);
        return place;
    };
    return topLevel(root).map(declaration => {
        const references = referencesOf.get(declaration) ?? [];
        const targets = references.flatMap(targetsOf);
        let known = declaredBy.get(declaration);
        if (!known || !sameList(known.references, references) || !sameList(known.targets, targets)) {
            known = { ...writtenDown(declaration, document, indexOf, placeIn), references, targets };
            declaredBy.set(declaration, known);
        }
        const cst = declaration.$cstNode;
        return {
            text: cst?.text ?? '', line: cst?.range.start.line ?? -1, character: cst?.range.start.character ?? -1,
            declared: known.declared, sameDocumentTargets: known.sameDocumentTargets, readsOtherDocuments: known.readsOtherDocuments
        };
    });
}

function writtenDown(
    declaration: AstNode, document: LangiumDocument, indexOf: ReadonlyMap<AstNode, number>, placeIn: (target: AstNode, targetDocument: LangiumDocument | undefined) => string
): Omit<DeclaredWithLinks, 'references' | 'targets'> {
    const parts: string[] = [];
    const sameDocumentTargets = new Set<number>();
    const readsOtherDocuments = new Set<LangiumDocument>();
    const placeOf = (target: AstNode | undefined, text: string) => {
        if (!target) return `?${text}`;
        const targetDocument = documentOf(target);
        if (targetDocument !== document) {
            if (targetDocument) readsOtherDocuments.add(targetDocument);
        } else {
            const index = indexOf.get(topLevelOf(target));
            if (index !== undefined) sameDocumentTargets.add(index);
        }
        return placeIn(target, targetDocument);
    };
    const write = (value: unknown): void => {
        if (isReference(value)) parts.push(placeOf(value.ref, value.$refText));
        else if (isMultiReference(value)) value.items.forEach(item => parts.push(placeOf(item.ref, value.$refText)));
        else if (isAstNode(value)) {
            parts.push(`<${value.$type}`);
            for (const key of Object.keys(value)) {
                if (key.startsWith('$') || key === 'title') continue;
                parts.push(key);
                write((value as unknown as Record<string, unknown>)[key]);
            }
            parts.push('>');
        } else if (Array.isArray(value)) {
            parts.push('[');
            value.forEach(write);
            parts.push(']');
        } else parts.push(JSON.stringify(value) ?? 'undefined');
    };
    write(declaration);
    return { declared: parts.join(' '), sameDocumentTargets: [...sameDocumentTargets], readsOtherDocuments };
}

/** The document's references (Langium lists every one it linked), by the top-level declaration they sit in. */
function referencesByDeclaration(document: LangiumDocument): Map<AstNode, AnyReference[]> {
    const byDeclaration = new Map<AstNode, AnyReference[]>();
    for (const reference of document.references) {
        const container = (reference as { node?: AstNode }).node;
        if (!container) continue;
        const declaration = topLevelOf(container);
        const list = byDeclaration.get(declaration);
        if (list) list.push(reference); else byDeclaration.set(declaration, [reference]);
    }
    return byDeclaration;
}

function targetsOf(reference: AnyReference): (AstNode | undefined)[] {
    return isMultiReference(reference) ? reference.items.map(item => item.ref) : [reference.ref];
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
    return a.length === b.length && a.every((item, i) => item === b[i]);
}

function targetDocuments(document: LangiumDocument): Set<LangiumDocument> {
    const targets = new Set<LangiumDocument>();
    for (const reference of document.references) {
        const nodes = isMultiReference(reference) ? reference.items.map(item => item.ref) : [reference.ref];
        for (const node of nodes) {
            const target = node && documentOf(node);
            if (target) targets.add(target);
        }
    }
    return targets;
}

/** The top-level declaration a node sits in: the node itself when it is one, or a root, or of no tree. */
export function topLevelOf(node: AstNode): AstNode {
    let declaration = node;
    while (declaration.$container?.$container) declaration = declaration.$container;
    return declaration;
}

export function documentOf(node: AstNode): LangiumDocument | undefined {
    return AstUtils.findRootNode(node).$document;
}
