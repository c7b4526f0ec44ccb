import { DefaultLangiumDocumentFactory, type AstNode, type Cancellation, type LangiumDocument, type Mutable, type ParseResult, type URI } from 'langium';
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
