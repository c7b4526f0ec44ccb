import { EmptyFileSystem, isReference, URI, type LangiumDocument } from 'langium';
import { createJoineryServices, type JoineryServices } from '../../language-server/src/joinery-module.js';
import { collectFindings } from '../../language-server/src/checking/collect.js';
import type { Finding } from '../../language-server/src/findings/finding.js';

/**
 * One long-lived set of Joinery services that loads workspace after workspace, as
 * the server does over a session: parse, link, validate, then every rule through
 * `collectFindings`, the list both the CLI and the server report.
 */
export class FuzzWorkspace {
    readonly services: JoineryServices;
    private loaded: URI[] = [];

    constructor() {
        this.services = createJoineryServices(EmptyFileSystem).Joinery;
    }

    static uriOf(file: string): URI {
        return URI.file(`/fuzz/${file}`);
    }

    /** Replaces the workspace with `files` and builds it. */
    async load(files: Record<string, string>): Promise<LangiumDocument[]> {
        const workspace = this.services.shared.workspace;
        if (this.loaded.length > 0) await workspace.DocumentBuilder.update([], this.loaded);
        const documents = Object.entries(files).map(([name, text]) => {
            const document = workspace.LangiumDocumentFactory.fromString(text, FuzzWorkspace.uriOf(name));
            workspace.LangiumDocuments.addDocument(document);
            return document;
        });
        this.loaded = documents.map(d => d.uri);
        await workspace.DocumentBuilder.build(documents, { validation: true });
        return documents;
    }

    findings(): Finding[] {
        return collectFindings(this.services);
    }

    document(file: string): LangiumDocument | undefined {
        return this.services.shared.workspace.LangiumDocuments.getDocument(FuzzWorkspace.uriOf(file));
    }

    /** References that resolved and that did not, over the whole workspace. */
    referenceCounts(): { resolved: number; unresolved: number } {
        let resolved = 0, unresolved = 0;
        for (const document of this.services.shared.workspace.LangiumDocuments.all) {
            for (const reference of document.references) {
                if (isReference(reference) ? reference.ref : reference.items.length > 0) resolved++; else unresolved++;
            }
        }
        return { resolved, unresolved };
    }
}
