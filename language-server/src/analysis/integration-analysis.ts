import { DocumentState, WorkspaceCache } from 'langium';
import type { AstNodeLocator, LangiumCoreServices, LangiumDocument } from 'langium';
import type { Arrangement } from '../generated/ast.js';
import { buildArrangementModel, type ArrangementModel } from './arrangement-model.js';
import { buildWorkspaceModel, type WorkspaceModel } from './workspace-model.js';
import { documentFacts, type DocumentFacts } from './document-facts.js';
import { DocumentChanges, type Changes } from './document-changes.js';
import { ReadsComparison, WorkspaceReads } from './workspace-reads.js';
import type { ProfileRegistry, ProfilesAddedServices } from '../profiles/profile-registry.js';
import type { ProjectAddedServices, ProjectScope } from '../references/projects.js';

interface BuildModels {
    workspace: WorkspaceModel;
    arrangements: Map<Arrangement, ArrangementModel>;
    /** Whether the arrangements' reads are written down in this build, to be compared in the next. */
    recording: boolean;
    /** Each arrangement's inputs when reads are not written down. */
    unrecorded: Map<Arrangement, ArrangementInputs>;
    /** How many arrangements' reads of the build before held in this one (what was derived from them is kept). */
    held: number;
}

/** How much of the last build was kept from the one before it. */
export interface ReadsHeld {
    arrangements: number;
    /** Arrangements whose reads of the build before gave the same answers: their findings are kept. */
    held: number;
    /** Whether the build's reads are written down (not in the first build). */
    recording: boolean;
}

/**
 * Stands for what one arrangement's derived model reads of the workspace: the
 * same object from one build to the next for as long as every read gives the same
 * answer, so that what was derived from it (its findings) can be kept.
 */
export type ArrangementInputs = object;

/**
 * The derived integration model of the workspace (of one project: each has its
 * own services), computed at most once per workspace build and shared by the
 * rule runner, hover, the report, the CLI and the server. It knows nothing of
 * rules or findings.
 */
export class IntegrationAnalysis {
    private readonly project: ProjectScope;
    private readonly cache: WorkspaceCache<'build', BuildModels>;
    private readonly profiles: ProfileRegistry;
    private changes: DocumentChanges;
    private readonly locator: AstNodeLocator;
    /** Each arrangement's reads of the workspace model, kept from build to build while they hold. */
    private reads = new Map<Arrangement, WorkspaceReads>();
    /** How many times the model was built: reads are written down from the second on (the CLI builds once; see `writeDownReads`). */
    private builds = 0;
    /** The last model built from linked documents, while reads are written down: what the next may take from. */
    private earlier?: WorkspaceModel;
    /** What each document added to the last model built while reads are written down: kept while it does not change. */
    private facts = new WeakMap<LangiumDocument, DocumentFacts>();

    constructor(services: LangiumCoreServices & ProfilesAddedServices & ProjectAddedServices) {
        this.project = services.references.Project;
        this.profiles = services.profiles.ProfileRegistry;
        this.locator = services.workspace.AstNodeLocator;
        this.changes = new DocumentChanges(this.locator);
        this.cache = new WorkspaceCache(services.shared);
        // A model derived while a build was linking would be stale once it links.
        services.shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Linked, () => this.cache.clear());
        // So would one checked against profiles that have since been reloaded.
        this.profiles.onDidChange(() => this.forgetReads());
        this.project.layout.onDidChange(() => this.forgetReads());
    }

    workspaceModel(): WorkspaceModel {
        return this.models().workspace;
    }

    arrangementModel(arrangement: Arrangement): ArrangementModel {
        const models = this.models();
        let model = models.arrangements.get(arrangement);
        if (!model) {
            const reads = models.recording ? this.readsOf(arrangement) : undefined;
            model = buildArrangementModel(arrangement, reads ? reads.view(models.workspace) : models.workspace, this.profiles);
            models.arrangements.set(arrangement, model);
        }
        return model;
    }

    allArrangementModels(): ArrangementModel[] {
        return this.workspaceModel().arrangements.map(a => this.arrangementModel(a));
    }

    /**
     * What this arrangement's derived model reads: the same object as in the last
     * build when nothing it read has changed since (see workspace-reads.ts).
     */
    arrangementInputs(arrangement: Arrangement): ArrangementInputs {
        const models = this.models();
        if (models.recording) return this.readsOf(arrangement);
        // Reads not written down hold nothing: an object of this build's own, never the same again.
        let inputs = models.unrecorded.get(arrangement);
        if (!inputs) models.unrecorded.set(arrangement, inputs = {});
        return inputs;
    }

    /**
     * Has the next build write down the arrangements' reads when this one did not
     * (the first build, which a check makes once, leaves them out): the server asks
     * in idle time after start-up, so that the first build after it (opening a file,
     * an edit) is not a full one. Whether there was a build to do so for: one of
     * linked documents whose reads were not written down.
     */
    writeDownReads(): boolean {
        const documents = this.project.documents();
        if (!this.cache.has('build') || this.models().recording || !documents.every(document => document.state >= DocumentState.Linked)) return false;
        this.cache.clear();
        return true;
    }

    /** The last build's account of what it kept, without building one (the server's build statistics report it). */
    readsHeld(): ReadsHeld | undefined {
        if (!this.cache.has('build')) return undefined;
        const models = this.models();
        return { arrangements: models.workspace.arrangements.length, held: models.held, recording: models.recording };
    }

    private readsOf(arrangement: Arrangement): WorkspaceReads {
        let reads = this.reads.get(arrangement);
        if (!reads) this.reads.set(arrangement, reads = new WorkspaceReads());
        return reads;
    }

    private models(): BuildModels {
        return this.cache.get('build', () => {
            const documents = this.project.documents();
            // A model read while documents were still being linked is not one to compare with, nor to keep.
            const recording = ++this.builds > 1 && documents.every(document => document.state >= DocumentState.Linked);
            try {
                const changes = recording ? this.changes.since(documents) : undefined;
                const workspace = changes ? this.buildSince(documents, changes) : buildWorkspaceModel(documents);
                this.earlier = recording ? workspace : undefined;
                this.reads = changes ? this.readsThatHold(workspace, changes) : new Map();
                return { workspace, arrangements: new Map(), recording, unrecorded: new Map(), held: this.reads.size };
            } catch (error) {
                // The changes were taken but the model not built: compare nothing with what came before.
                this.forgetReads();
                this.changes = new DocumentChanges(this.locator);
                this.facts = new WeakMap();
                throw error;
            }
        });
    }

    /**
     * The workspace model from each document's facts, those of unchanged documents
     * kept from the last build, and from the last model where it can start from it.
     */
    private buildSince(documents: readonly LangiumDocument[], changes: Changes): WorkspaceModel {
        // The documents whose facts are new, with those the last model was built from.
        const replaced = new Map<LangiumDocument, DocumentFacts | undefined>();
        for (const document of documents) {
            const facts = this.facts.get(document);
            if (facts && !changes.documentChanged(document)) continue;
            replaced.set(document, facts);
            this.facts.set(document, documentFacts(document));
        }
        const present = new Set(documents);
        for (const document of this.earlier?.documents ?? []) {
            if (!present.has(document)) replaced.set(document, this.facts.get(document));
        }
        const earlierDocuments = new Set(this.earlier?.documents);
        // Every document of the last model left facts; one without would leave its part of the lists behind.
        const complete = [...replaced].every(([document, facts]) => facts !== undefined || !earlierDocuments.has(document));
        const earlier = this.earlier && { model: this.earlier, changed: changes.changed, ...(complete ? { replaced } : {}) };
        return buildWorkspaceModel(documents, earlier, document => this.facts.get(document)!);
    }

    /** The reads of the last build whose answers this one gives alike, for the arrangements still there. */
    private readsThatHold(workspace: WorkspaceModel, changes: Changes): Map<Arrangement, WorkspaceReads> {
        const comparison = new ReadsComparison(workspace, changes);
        const holding = new Map<Arrangement, WorkspaceReads>();
        for (const arrangement of workspace.arrangements) {
            // The same arrangement, or in a file parsed again the one it stands for (document-changes.ts).
            const earlier = changes.earlier(arrangement);
            const reads = earlier && this.reads.get(earlier as Arrangement);
            if (reads && reads.holdIn(comparison)) holding.set(arrangement, reads);
        }
        return holding;
    }

    private forgetReads(): void {
        this.cache.clear();
        this.reads = new Map();
        this.earlier = undefined;
    }
}

/** The services the analysis layer adds to Langium's. */
export interface AnalysisAddedServices {
    analysis: { IntegrationAnalysis: IntegrationAnalysis };
}

export type AnalysisServices = LangiumCoreServices & ProfilesAddedServices & ProjectAddedServices & AnalysisAddedServices;
