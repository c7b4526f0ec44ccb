import { DocumentState, URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import { arrangementsReportingIn, collectDocumentFindings, mergeProjectFindings } from '../checking/collect.js';
import { FindingsByFile } from '../checking/file-findings.js';
import { GAP_RULES } from '../rules/registry.js';
import { sameDiagnostic, toDiagnostic } from '../lsp/diagnostic.js';
import { untilNextTurn } from '../language/next-turn.js';
import { projectServices, type JoineryServices } from '../joinery-module.js';
import type { Arrangement } from '../generated/ast.js';
import type { Finding } from '../findings/finding.js';
import type { WorkspaceRuleSettings } from '../lsp/workspace-rule-settings.js';
import { JoineryServiceRegistry } from '../workspace/service-registry.js';
import { JoineryDocumentBuilder } from '../workspace/document-builder.js';

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
 * Each project (references/projects.ts) is checked with its own services and settings.
 */
export function addWorkspaceDiagnosticsHandler(publishDiagnostics: (params: PublishDiagnosticsParams) => Promise<void>, shared: LangiumSharedServices): WorkspaceDiagnostics {
    const settledListeners: Array<() => void> = [];
    const settled = () => settledListeners.forEach(listener => listener());
    const published = new Map<string, Diagnostic[]>();
    /** Files edited since the last publication: always answered, so the editor knows they were checked. */
    const edited = new Set<string>();
    let built = false;
    /** `compared`: the caller found the findings differ from those last published (see `publish`). */
    const send = (uri: string, diagnostics: Diagnostic[], compared = false) => {
        // An edited file is answered whatever it holds; only the others are compared.
        if (!edited.delete(uri) && !compared && sameJson(published.get(uri), diagnostics)) return;
        published.set(uri, diagnostics);
        void publishDiagnostics({ uri, diagnostics });
    };
    /** Set when folders became or stopped being projects, until the rebuild that follows is validated. */
    let projectsChanged = false;
    const watched = new WeakSet<WorkspaceRuleSettings>();
    /** Every project, each settings' changes republishing (a project's services are made when it is first met). */
    const projects = () => {
        const all = projectServices(shared);
        for (const project of all) {
            const settings = project.findings.EditorRuleSettings;
            if (watched.has(settings)) continue;
            watched.add(settings);
            // A build under way (or one a change of projects is about to start) publishes when it is validated.
            settings.onDidChange(() => {
                if (built && !projectsChanged && shared.workspace.LangiumDocuments.all.every(document => document.state >= DocumentState.Validated)) publish();
            });
        }
        return all;
    };
    const allLoaded = () => projects().every(project => project.findings.EditorRuleSettings.loaded);
    /** A kept finding's diagnostic, made once: a file of shared actors sends thousands again when one of them changes. */
    const diagnostics = new WeakMap<Finding, Diagnostic>();
    const diagnosticOf = (finding: Finding): Diagnostic => {
        let diagnostic = diagnostics.get(finding);
        if (!diagnostic) diagnostics.set(finding, diagnostic = toDiagnostic(finding));
        return diagnostic;
    };
    /**
     * The findings each file's diagnostics were last made from. Findings an edit
     * left alone are the same objects (the rule runner keeps them), and findings
     * made again are compared field by field, so an unchanged file costs no new
     * diagnostics to compare (a file of shared actors holds thousands).
     */
    const publishedFindings = new Map<string, readonly Finding[]>();
    /** Each project's findings file by file, made again only for the files an edit touched. */
    const byFile = new WeakMap<JoineryServices, FindingsByFile>();
    const findingsByFile = (project: JoineryServices) => {
        let files = byFile.get(project);
        if (!files) byFile.set(project, files = new FindingsByFile(project));
        return files;
    };
    const publish = () => {
        if (!allLoaded()) return;
        const byUri = new Map<string, readonly Finding[]>();
        for (const uri of published.keys()) byUri.set(uri, []);
        for (const document of shared.workspace.LangiumDocuments.all) byUri.set(document.uri.toString(), []);
        const all = projects();
        const byProject = all.map(project => findingsByFile(project).collect(project.findings.EditorRuleSettings.current()));
        if (byProject.length === 1) {
            for (const [uri, findings] of byProject[0]) byUri.set(uri, findings);
        } else {
            // A profile file two projects name is reported by both: merged file by file, as collect.ts merges whole lists.
            for (const uri of new Set(byProject.flatMap(files => [...files.keys()]))) byUri.set(uri, mergeProjectFindings(byProject.map(files => [...files.get(uri) ?? []])));
        }
        const configs = new Map<string, Diagnostic[]>();
        for (const project of all) {
            const settings = project.findings.EditorRuleSettings;
            const configUri = settings.configUri;
            if (configUri && (settings.problem || published.has(configUri))) configs.set(configUri, settings.problem ? [settings.problem.diagnostic] : []);
        }
        for (const [uri, findings] of byUri) {
            if (configs.has(uri)) continue;
            const before = publishedFindings.get(uri);
            const alike = before !== undefined && sameFindings(before, findings);
            publishedFindings.set(uri, findings);
            if (!edited.has(uri) && published.has(uri) && alike) continue;
            send(uri, findings.map(diagnosticOf), before !== undefined && !alike);
        }
        for (const [uri, diagnostics] of configs) {
            publishedFindings.delete(uri);
            send(uri, diagnostics);
        }
    };
    /** Counts builds, so that the second step of an older edit knows it is stale. */
    let generation = 0;
    const publishEditedFirst = async (joinery: JoineryServices, documents: LangiumDocument[], arrangements: readonly Arrangement[]) => {
        const current = generation;
        const settings = joinery.findings.EditorRuleSettings;
        const byUri = new Map<string, Diagnostic[]>(documents.map(document => [document.uri.toString(), []]));
        for (const finding of collectDocumentFindings(joinery, documents, arrangements, settings.current())) byUri.get(finding.uri)?.push(diagnosticOf(finding));
        for (const [uri, diagnostics] of byUri) {
            publishedFindings.delete(uri);
            send(uri, diagnostics);
        }
        const enabled = GAP_RULES.filter(rule => settings.current()[rule.id] !== 'off');
        for (const rule of enabled) {
            await untilNextTurn();
            if (generation !== current) return;
            joinery.rules.RuleRunner.workspaceFindings(id => id === rule.id);
        }
        await untilNextTurn();
        if (generation !== current) return;
        publish();
        settled();
    };
    /**
     * Writes down every arrangement's reads once start-up's diagnostics are out (the
     * start-up build leaves them out, as a check does), one rule at a time between
     * other requests, so that the first build after it (an edit, a file opened with
     * other text than it was built from) keeps what it does not touch. Such a build
     * meanwhile stops it, and writes them down itself. It publishes
     * what differs, which is nothing unless a rule reads differently when recorded.
     */
    const writeDownReads = async (): Promise<boolean> => {
        const current = generation;
        if (!built || !allLoaded() || !shared.workspace.LangiumDocuments.all.every(document => document.state >= DocumentState.Validated)) return false;
        const recording = projects().filter(project => project.rules.RuleRunner.writeDownReads());
        if (recording.length === 0) return false;
        for (const project of recording) {
            const settings = project.findings.EditorRuleSettings;
            for (const rule of GAP_RULES) {
                if (settings.current()[rule.id] === 'off') continue;
                await untilNextTurn();
                if (generation !== current) return false;
                project.rules.RuleRunner.workspaceFindings(id => id === rule.id);
            }
        }
        await untilNextTurn();
        if (generation !== current) return false;
        publish();
        return true;
    };
    // A file opened or closed as it was built needs no build: it is answered with what it was sent last.
    const builder = shared.workspace.DocumentBuilder;
    if (builder instanceof JoineryDocumentBuilder) {
        builder.onUnchangedText(uris => {
            for (const uri of uris) {
                const diagnostics = published.get(uri.toString());
                if (diagnostics) void publishDiagnostics({ uri: uri.toString(), diagnostics });
            }
        });
    }
    shared.workspace.DocumentBuilder.onUpdate((changed, deleted) => {
        generation++;
        for (const uri of changed) edited.add(uri.toString());
        for (const uri of deleted) {
            send(uri.toString(), []);
            published.delete(uri.toString());
            publishedFindings.delete(uri.toString());
        }
    });
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => {
        projectsChanged = false;
        const wasBuilt = built;
        built = true;
        if (!allLoaded()) return;
        const documents = shared.workspace.LangiumDocuments;
        const editedDocuments = [...edited].map(uri => documents.getDocument(URI.parse(uri))).filter(d => d !== undefined);
        // The edited files' project, when they share one: their findings come from it alone.
        const owners = new Set(editedDocuments.map(document => shared.ServiceRegistry.getServices(document.uri) as JoineryServices));
        const joinery = owners.size === 1 ? [...owners][0] : undefined;
        const large = joinery !== undefined && joinery.references.Project.documents().length >= LARGE_WORKSPACE;
        const answerFirst = joinery && wasBuilt && large && editedDocuments.length > 0 && editedDocuments.length === edited.size
            ? arrangementsReportingIn(joinery, editedDocuments) : undefined;
        const all = joinery && answerFirst && joinery.analysis.IntegrationAnalysis.workspaceModel().arrangements.length;
        if (joinery && answerFirst && all && answerFirst.length <= all * EDITED_FIRST_SHARE) {
            void publishEditedFirst(joinery, editedDocuments, answerFirst);
        } else {
            publish();
            settled();
        }
    });
    // Projects met at the start-up walk: their settings are watched before their files are read.
    const registry = shared.ServiceRegistry;
    if (registry instanceof JoineryServiceRegistry) {
        registry.layout.onDidChange(() => {
            projectsChanged = true;
            projects();
        });
    }
    projects();
    return { onSettled: listener => settledListeners.push(listener), writeDownReads };
}

export interface WorkspaceDiagnostics {
    /** Called when every file's diagnostics of a build have been published (after the second step of an edit's answer). */
    onSettled(listener: () => void): void;
    /** Writes down the reads the start-up build left out; whether it did so to the end (an edit stops it). */
    writeDownReads(): Promise<boolean>;
}

/** Kept findings are the same objects; findings made again (a rule run again over an arrangement) are compared field by field. */
function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
    return a === b || a.length === b.length && a.every((finding, i) => sameDiagnostic(finding, b[i]));
}

/** Diagnostics are plain JSON built in one order, so their JSON text compares them (node:util is not in a browser). */
function sameJson(a: unknown, b: unknown): boolean {
    return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}
