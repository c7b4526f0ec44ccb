import { DocumentState } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection, Diagnostic } from 'vscode-languageserver';
import { collectFindings } from '../findings/collect.js';
import { toDiagnostic } from '../findings/diagnostic.js';
import type { JoineryServices } from '../joinery-module.js';
import type { WorkspaceRuleSettings } from './workspace-rule-settings.js';

/**
 * Publishes the workspace's findings per file after every build and whenever the
 * rule settings change, sending only the files whose diagnostics changed. A gap in
 * one file can come from an edit in another (an actor's missing voice is reported
 * at the actor's declaration), so every file is considered each time.
 */
export function addWorkspaceDiagnosticsHandler(connection: Connection, shared: LangiumSharedServices, joinery: JoineryServices, settings: WorkspaceRuleSettings): void {
    const published = new Map<string, string>();
    /** Files edited since the last publication: always answered, so the editor knows they were checked. */
    const edited = new Set<string>();
    let built = false;
    const send = (uri: string, diagnostics: Diagnostic[]) => {
        const text = JSON.stringify(diagnostics);
        if (published.get(uri) === text && !edited.delete(uri)) return;
        edited.delete(uri);
        published.set(uri, text);
        connection.sendDiagnostics({ uri, diagnostics });
    };
    const publish = () => {
        const byUri = new Map<string, Diagnostic[]>();
        for (const uri of published.keys()) byUri.set(uri, []);
        for (const document of shared.workspace.LangiumDocuments.all) byUri.set(document.uri.toString(), []);
        for (const finding of collectFindings(joinery, settings.current())) {
            const list = byUri.get(finding.uri);
            if (list) list.push(toDiagnostic(finding)); else byUri.set(finding.uri, [toDiagnostic(finding)]);
        }
        const configUri = settings.configUri;
        if (configUri && (settings.problem || published.has(configUri))) byUri.set(configUri, settings.problem ? [settings.problem.diagnostic] : []);
        for (const [uri, diagnostics] of byUri) send(uri, diagnostics);
    };
    shared.workspace.DocumentBuilder.onUpdate((changed, deleted) => {
        for (const uri of changed) edited.add(uri.toString());
        for (const uri of deleted) {
            send(uri.toString(), []);
            published.delete(uri.toString());
        }
    });
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => {
        built = true;
        if (settings.loaded) publish();
    });
    settings.onDidChange(() => {
        if (built) publish();
    });
}
