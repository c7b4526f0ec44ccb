import { DocumentState, URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import { arrangementsReportingIn, collectDocumentFindings, collectFindings } from '../checking/collect.js';
import { GAP_RULES } from '../rules/registry.js';
import { toDiagnostic } from '../lsp/diagnostic.js';
import { untilNextTurn } from '../language/next-turn.js';
import type { JoineryServices } from '../joinery-module.js';
import type { Arrangement } from '../generated/ast.js';
import type { WorkspaceRuleSettings } from '../lsp/workspace-rule-settings.js';

/** From this many files on, an edit is answered in two steps (see below). */
const LARGE_WORKSPACE = 50;

/** Beyond this share of the workspace's arrangements, answering the edited files first saves nothing. */
const EDITED_FIRST_SHARE = 0.25;

/**
 * Publishes the workspace's findings per file after every build and whenever the
 * rule settings change, sending only the files whose diagnostics changed. A gap in
 * one file can come from an edit in another (an actor's missing voice is reported
 * at the actor's declaration), so every file is considered each time.
 *
 * In a large workspace an edit is answered first for the edited files, from the
 * arrangements whose gaps can be reported in them (their own, and those that
 * involve the actors they declare), then for the rest, one rule at a time between
 * other requests; a newer edit stops the rest. An edit to a file of actors that
 * most arrangements share is answered in one step: the first would be all of it.
 */
export function addWorkspaceDiagnosticsHandler(publishDiagnostics: (params: PublishDiagnosticsParams) => Promise<void>, shared: LangiumSharedServices, joinery: JoineryServices, settings: WorkspaceRuleSettings): void {
    const published = new Map<string, Diagnostic[]>();
    /** Files edited since the last publication: always answered, so the editor knows they were checked. */
    const edited = new Set<string>();
    let built = false;
    const send = (uri: string, diagnostics: Diagnostic[]) => {
        // An edited file is answered whatever it holds; only the others are compared.
        if (!edited.delete(uri) && sameJson(published.get(uri), diagnostics)) return;
        published.set(uri, diagnostics);
        void publishDiagnostics({ uri, diagnostics });
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
    /** Counts builds, so that the second step of an older edit knows it is stale. */
    let generation = 0;
    const publishEditedFirst = async (documents: LangiumDocument[], arrangements: readonly Arrangement[]) => {
        const current = generation;
        const byUri = new Map<string, Diagnostic[]>(documents.map(document => [document.uri.toString(), []]));
        for (const finding of collectDocumentFindings(joinery, documents, arrangements, settings.current())) byUri.get(finding.uri)?.push(toDiagnostic(finding));
        for (const [uri, diagnostics] of byUri) send(uri, diagnostics);
        const enabled = GAP_RULES.filter(rule => settings.current()[rule.id] !== 'off');
        for (const rule of enabled) {
            await untilNextTurn();
            if (generation !== current) return;
            joinery.rules.RuleRunner.workspaceFindings(id => id === rule.id);
        }
        await untilNextTurn();
        if (generation === current) publish();
    };
    shared.workspace.DocumentBuilder.onUpdate((changed, deleted) => {
        generation++;
        for (const uri of changed) edited.add(uri.toString());
        for (const uri of deleted) {
            send(uri.toString(), []);
            published.delete(uri.toString());
        }
    });
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => {
        const wasBuilt = built;
        built = true;
        if (!settings.loaded) return;
        const documents = shared.workspace.LangiumDocuments;
        const editedDocuments = [...edited].map(uri => documents.getDocument(URI.parse(uri))).filter(d => d !== undefined);
        const large = documents.all.count() >= LARGE_WORKSPACE;
        const answerFirst = wasBuilt && large && editedDocuments.length > 0 && editedDocuments.length === edited.size
            ? arrangementsReportingIn(joinery, editedDocuments) : undefined;
        const all = answerFirst && joinery.analysis.IntegrationAnalysis.workspaceModel().arrangements.length;
        if (answerFirst && all && answerFirst.length <= all * EDITED_FIRST_SHARE) {
            void publishEditedFirst(editedDocuments, answerFirst);
        } else {
            publish();
        }
    });
    settings.onDidChange(() => {
        if (built) publish();
    });
}

/** Diagnostics are plain JSON built in one order, so their JSON text compares them (node:util is not in a browser). */
function sameJson(a: unknown, b: unknown): boolean {
    return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}
