import { AstUtils, isAstNode, isMultiReference, isReference, type AstNode, type AstNodeLocator, type LangiumDocument } from 'langium';

interface Seen {
    parsed: unknown;
    linked: unknown;
    /** The documents this one's references resolve into. */
    targets: ReadonlySet<LangiumDocument>;
    /** What the document declares, titles aside (see `declarations`). */
    declarations: string;
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
}

/**
 * Which documents may read differently since the derived model was last built:
 * those parsed or linked again since (Langium gives a document a new parse result
 * when it re-parses it, and a new list of references when it links it again), new
 * ones, and every document whose references lead, directly or through others, to
 * one of those or to a document now gone. A node of any of them may have changed
 * under an arrangement that reads it.
 */
export class DocumentChanges {
    private readonly seen = new WeakMap<LangiumDocument, Seen>();
    private last = new Set<LangiumDocument>();

    constructor(private readonly locator: AstNodeLocator) {}

    /** Compares the documents with what the last call saw. */
    since(documents: readonly LangiumDocument[]): Changes {
        const current = new Set(documents);
        const changed = new Set<LangiumDocument>();
        const referrers = new Map<LangiumDocument, LangiumDocument[]>();
        let declarationsAlike = current.size === this.last.size && documents.every(document => this.last.has(document));
        this.last = current;
        for (const document of documents) {
            let seen = this.seen.get(document);
            if (!seen || seen.parsed !== document.parseResult || seen.linked !== document.references) {
                const declared = declarations(document, this.locator);
                declarationsAlike &&= seen?.declarations === declared;
                seen = { parsed: document.parseResult, linked: document.references, targets: targetDocuments(document), declarations: declared };
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
        return {
            changed: node => {
                const document = documentOf(node);
                return !document || !current.has(document) || changed.has(document);
            },
            documentChanged: document => !document || !current.has(document) || changed.has(document),
            declarationsAlike
        };
    }
}

/**
 * A document's declarations as text: every node's type and properties, in order,
 * with each reference as the place of its target (file and path in the tree), and
 * without titles, which only name things in messages. A document with an error
 * declares whatever its recovery made of it, compared the same way.
 */
function declarations(document: LangiumDocument, locator: AstNodeLocator): string {
    const parts: string[] = [];
    const placeOf = (target: AstNode | undefined, text: string) => target ? `@${documentOf(target)?.uri.toString() ?? ''}#${locator.getAstNodePath(target)}` : `?${text}`;
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
    write(document.parseResult.value);
    return parts.join(' ');
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

export function documentOf(node: AstNode): LangiumDocument | undefined {
    return AstUtils.findRootNode(node).$document;
}
