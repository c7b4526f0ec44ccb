import { Cancellation, DefaultLangiumDocumentFactory, type AstNode, type LangiumDocument, type Mutable, type ParseResult, type URI } from 'langium';
import { JoineryParser } from '../parser/joinery-parser.js';

type CancellationToken = Cancellation.CancellationToken;

/**
 * Langium's document factory, except that a document edited within one top-level
 * declaration is parsed again in that declaration only (parser/declaration-reparse.ts):
 * Langium parses the whole text again after every edit. Only edits go this way; a
 * file read or opened is parsed whole, as a check parses it.
 */
export class JoineryDocumentFactory extends DefaultLangiumDocumentFactory {
    /** The parse each document being updated had before, while it is updated. */
    private readonly updating = new Map<string, ParseResult>();

    override async update<T extends AstNode = AstNode>(document: Mutable<LangiumDocument<T>>, cancellationToken: CancellationToken): Promise<LangiumDocument<T>> {
        const key = document.uri.toString();
        this.updating.set(key, document.parseResult);
        try {
            return await super.update(document, cancellationToken);
        } finally {
            this.updating.delete(key);
        }
    }

    /**
     * Gives the document the text document an update would give it (the editor's, or
     * one of the file's text once it is closed) when that text is the one the document
     * was parsed from, and says whether it was: an update would parse the same tree.
     */
    async takeUnchangedText(document: Mutable<LangiumDocument>): Promise<boolean> {
        const parsed = document.parseResult.value.$cstNode?.root.fullText;
        if (parsed === undefined) return false;
        const editor = this.textDocuments?.get(document.uri.toString());
        let text: string;
        try {
            text = await this.getUpdatedText(document, editor, Cancellation.CancellationToken.None);
        } catch {
            // No disk to read a closed file from (a browser's provider throws).
            return false;
        }
        if (text !== parsed) return false;
        Object.defineProperty(document, 'textDocument', editor ? { value: editor, configurable: true } : { get: this.createTextDocumentGetter(document.uri, text), configurable: true });
        return true;
    }

    protected override async parseAsync<T extends AstNode>(uri: URI, text: string, cancellationToken: CancellationToken): Promise<ParseResult<T>> {
        const previous = this.updating.get(uri.toString());
        const parser: unknown = this.serviceRegistry.getServices(uri).parser.LangiumParser;
        if (previous && parser instanceof JoineryParser) {
            const reparsed = parser.reparse<T>(previous, text);
            if (reparsed) return reparsed;
        }
        return super.parseAsync<T>(uri, text, cancellationToken);
    }
}
