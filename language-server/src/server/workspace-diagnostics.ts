import { DocumentState } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection, Diagnostic } from 'vscode-languageserver';
import { collectFindings } from '../findings/collect.js';
import { toDiagnostic } from '../findings/diagnostic.js';
import type { JoineryServices } from '../joinery-module.js';

/**
 * After every build, publishes the workspace's findings per file, sending only
 * the files whose diagnostics changed. A gap in one file can come from an edit in
 * another (an actor's missing voice is reported at the actor's declaration).
 */
export function addWorkspaceDiagnosticsHandler(connection: Connection, shared: LangiumSharedServices, joinery: JoineryServices): void {
    const published = new Map<string, string>();
    const send = (uri: string, diagnostics: Diagnostic[]) => {
        const text = JSON.stringify(diagnostics);
        if (published.get(uri) === text) return;
        if (diagnostics.length === 0) published.delete(uri); else published.set(uri, text);
        connection.sendDiagnostics({ uri, diagnostics });
    };
    shared.workspace.DocumentBuilder.onUpdate((_changed, deleted) => {
        for (const uri of deleted) send(uri.toString(), []);
    });
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => {
        const byUri = new Map<string, Diagnostic[]>();
        for (const document of shared.workspace.LangiumDocuments.all) byUri.set(document.uri.toString(), []);
        for (const finding of collectFindings(joinery)) {
            const list = byUri.get(finding.uri);
            if (list) list.push(toDiagnostic(finding)); else byUri.set(finding.uri, [toDiagnostic(finding)]);
        }
        for (const uri of published.keys()) if (!byUri.has(uri)) byUri.set(uri, []);
        for (const [uri, diagnostics] of byUri) send(uri, diagnostics);
    });
}
