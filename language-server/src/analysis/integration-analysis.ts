import { DocumentState, WorkspaceCache } from 'langium';
import type { LangiumCoreServices } from 'langium';
import type { Arrangement } from '../generated/ast.js';
import { buildArrangementModel, type ArrangementModel } from './arrangement-model.js';
import { buildWorkspaceModel, type WorkspaceModel } from './workspace-model.js';
import type { ProfileRegistry, ProfilesAddedServices } from '../profiles/profile-registry.js';
import type { ProjectAddedServices, ProjectScope } from '../references/projects.js';

interface BuildModels {
    workspace: WorkspaceModel;
    arrangements: Map<Arrangement, ArrangementModel>;
}

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

    constructor(services: LangiumCoreServices & ProfilesAddedServices & ProjectAddedServices) {
        this.project = services.references.Project;
        this.profiles = services.profiles.ProfileRegistry;
        this.cache = new WorkspaceCache(services.shared);
        // A model derived while a build was linking would be stale once it links.
        services.shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Linked, () => this.cache.clear());
        // So would one checked against profiles that have since been reloaded.
        this.profiles.onDidChange(() => this.cache.clear());
        this.project.layout.onDidChange(() => this.cache.clear());
    }

    workspaceModel(): WorkspaceModel {
        return this.models().workspace;
    }

    arrangementModel(arrangement: Arrangement): ArrangementModel {
        const models = this.models();
        let model = models.arrangements.get(arrangement);
        if (!model) {
            model = buildArrangementModel(arrangement, models.workspace, this.profiles);
            models.arrangements.set(arrangement, model);
        }
        return model;
    }

    allArrangementModels(): ArrangementModel[] {
        return this.workspaceModel().arrangements.map(a => this.arrangementModel(a));
    }

    private models(): BuildModels {
        return this.cache.get('build', () => ({ workspace: buildWorkspaceModel(this.project.documents()), arrangements: new Map() }));
    }
}

/** The services the analysis layer adds to Langium's. */
export interface AnalysisAddedServices {
    analysis: { IntegrationAnalysis: IntegrationAnalysis };
}

export type AnalysisServices = LangiumCoreServices & ProfilesAddedServices & ProjectAddedServices & AnalysisAddedServices;
