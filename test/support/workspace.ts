import { EmptyFileSystem, URI } from 'langium';
import { createJoineryServices, type JoineryServices } from '../../language-server/src/joinery-module.js';
import { collectFindingsAndAccepted } from '../../language-server/src/checking/collect.js';
import type { SuppressedFinding } from '../../language-server/src/checking/suppression.js';
import type { Finding } from '../../language-server/src/findings/finding.js';
import type { Arrangement, Model } from '../../language-server/src/generated/ast.js';

export interface LoadedModels {
    services: JoineryServices;
    findings: Finding[];
    /** The findings suppression comments silenced, with their reasons. */
    suppressed: SuppressedFinding[];
    models: Map<string, Model>;
    arrangement(name: string): Arrangement;
}

/**
 * Builds an in-memory workspace from `{ fileName: text }` the way the CLI does
 * (parse, link, validate, analyse) and returns its findings.
 */
export async function checkWorkspace(files: Record<string, string> | string): Promise<LoadedModels> {
    const sources = typeof files === 'string' ? { 'model.joinery': files } : files;
    const { Joinery: services } = createJoineryServices(EmptyFileSystem);
    const documents = Object.entries(sources).map(([name, text]) => {
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(`/workspace/${name}`));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    const models = new Map(documents.map(d => [d.uri.path.replace('/workspace/', ''), d.parseResult.value as Model]));
    const { findings, suppressed } = collectFindingsAndAccepted(services);
    return {
        services,
        findings,
        suppressed,
        models,
        arrangement(name: string) {
            // Read the documents live, so a test that edits one sees the new AST.
            for (const document of services.shared.workspace.LangiumDocuments.all) {
                const model = document.parseResult.value as Model;
                const found = model.declarations.find(d => d.$type === 'Arrangement' && d.name === name);
                if (found) return found as Arrangement;
            }
            throw new Error(`no arrangement ${name}`);
        }
    };
}

/** `rule element` pairs, the form the conformance cases use, sorted. */
export function pairs(findings: Finding[], rule?: string): string[] {
    return findings.filter(f => rule === undefined || f.rule === rule).map(f => `${f.rule} ${f.element ?? '-'}`).sort();
}
