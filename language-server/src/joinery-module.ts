import { inject, URI, type DeepPartial, type LangiumSharedCoreServices, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule,
    type DefaultSharedModuleContext, type LangiumSharedServices, type PartialLangiumServices
} from 'langium/lsp';
import { JoineryGeneratedModule, JoineryGeneratedSharedModule } from './generated/module.js';
import { JoineryAstNodeDescriptionProvider } from './references/node-descriptions.js';
import { JoineryScopeComputation } from './references/scope-computation.js';
import { JoineryValueConverter } from './parser/value-converter.js';
import { JoineryTokenBuilder } from './parser/token-builder.js';
import { JoineryParser } from './parser/joinery-parser.js';
import { DeferredReferenceIndexManager, SyncReferenceDescriptionProvider } from './references/deferred-reference-index.js';
import { createLinearCompletionParser } from './parser/parser-recovery.js';
import { JoineryScopeProvider } from './references/scope-provider.js';
import { TripleSlashDocumentationProvider } from './parser/documentation.js';
import { JoineryDocumentValidator } from './validation/document-validator.js';
import { registerSemanticChecks, SemanticChecks } from './validation/semantic-checks.js';
import { IntegrationAnalysis } from './analysis/integration-analysis.js';
import { ProfileRegistry } from './profiles/profile-registry.js';
import { RuleRunner } from './rules/rule-runner.js';
import type { JoineryAddedServices, JoineryServices } from './lsp/joinery-services.js';
import { JoineryHoverProvider } from './lsp/hover.js';
import { JoineryLangiumDocuments, JoineryWorkspaceManager } from './workspace/workspace-manager.js';
import { JoineryServiceRegistry } from './workspace/service-registry.js';
import { JoineryDocumentBuilder } from './workspace/document-builder.js';
import { JoineryDocumentFactory } from './workspace/document-factory.js';
import { JoineryValidationRegistry } from './validation/node-checks.js';
import { JoineryDocumentUpdateHandler } from './lsp/document-update-handler.js';
import { WorkspaceRuleSettings } from './lsp/workspace-rule-settings.js';
import { PublishedFindings } from './lsp/published-findings.js';
import { JoineryReferences } from './references/qualified-references.js';
import { JoineryCompletionProvider } from './lsp/completion.js';
import { JoinerySemanticTokenProvider } from './lsp/semantic-tokens.js';
import { JoineryFormatter } from './lsp/formatter.js';
import { JoineryRenameProvider } from './lsp/rename.js';
import { JoineryDocumentSymbolProvider } from './lsp/document-symbols.js';
import { JoineryFoldingRangeProvider } from './lsp/folding.js';
import { ArrangementCodeLensProvider } from './lsp/code-lens.js';
import { ClientCommands } from './lsp/client-commands.js';
import { JoineryCodeActionProvider } from './lsp/code-actions.js';
import { JoineryDefinitionProvider } from './lsp/definition.js';
import { JoineryNodeKindProvider } from './lsp/declaration-kinds.js';
import { QualifiedNameFuzzyMatcher } from './lsp/fuzzy-matcher.js';
import { ProjectScope } from './references/projects.js';
import { ProjectLinker } from './references/project-linker.js';

export type { JoineryAddedServices, JoineryServices };

export const JoineryModule: Module<JoineryServices, PartialLangiumServices & JoineryAddedServices> = {
    references: {
        ScopeComputation: services => new JoineryScopeComputation(services),
        // The root project's; a project below the root gets its own (projectModule).
        Project: services => new ProjectScope(services.shared, registryOf(services.shared).layout, ''),
        ScopeProvider: services => new JoineryScopeProvider(services),
        References: services => new JoineryReferences(services),
        Linker: services => new ProjectLinker(services, registryOf(services.shared).layout)
    },
    parser: {
        ValueConverter: () => new JoineryValueConverter(),
        TokenBuilder: () => new JoineryTokenBuilder(),
        // Langium calls only `parse` on this service (document factory, async parser).
        LangiumParser: services => new JoineryParser(services),
        CompletionParser: services => createLinearCompletionParser(services)
    },
    documentation: {
        DocumentationProvider: () => new TripleSlashDocumentationProvider()
    },
    workspace: {
        ReferenceDescriptionProvider: services => new SyncReferenceDescriptionProvider(services),
        AstNodeDescriptionProvider: services => new JoineryAstNodeDescriptionProvider(services)
    },
    validation: {
        DocumentValidator: services => new JoineryDocumentValidator(services),
        ValidationRegistry: services => new JoineryValidationRegistry(services),
        SemanticChecks: services => new SemanticChecks(services)
    },
    profiles: {
        ProfileRegistry: services => new ProfileRegistry(services)
    },
    analysis: {
        IntegrationAnalysis: services => new IntegrationAnalysis(services)
    },
    rules: {
        RuleRunner: services => new RuleRunner(services)
    },
    findings: {
        EditorRuleSettings: services => new WorkspaceRuleSettings(services.shared, services.profiles.ProfileRegistry),
        PublishedFindings: services => new PublishedFindings(services, services.findings.EditorRuleSettings)
    },
    lsp: {
        HoverProvider: services => new JoineryHoverProvider(services),
        CompletionProvider: services => new JoineryCompletionProvider(services),
        SemanticTokenProvider: services => new JoinerySemanticTokenProvider(services),
        Formatter: services => new JoineryFormatter(services),
        RenameProvider: services => new JoineryRenameProvider(services),
        DocumentSymbolProvider: services => new JoineryDocumentSymbolProvider(services),
        FoldingRangeProvider: services => new JoineryFoldingRangeProvider(services),
        CodeLensProvider: services => new ArrangementCodeLensProvider(services),
        CodeActionProvider: services => new JoineryCodeActionProvider(services),
        DefinitionProvider: services => new JoineryDefinitionProvider(services),
        ClientCommands: services => new ClientCommands(services.shared)
    }
};

export const JoinerySharedModule: Module<LangiumSharedServices, DeepPartial<LangiumSharedServices>> = {
    ServiceRegistry: services => new JoineryServiceRegistry(services),
    workspace: {
        WorkspaceManager: services => new JoineryWorkspaceManager(services),
        LangiumDocuments: services => new JoineryLangiumDocuments(services),
        DocumentBuilder: services => new JoineryDocumentBuilder(services),
        LangiumDocumentFactory: services => new JoineryDocumentFactory(services),
        IndexManager: services => new DeferredReferenceIndexManager(services)
    },
    lsp: {
        DocumentUpdateHandler: services => new JoineryDocumentUpdateHandler(services),
        NodeKindProvider: () => new JoineryNodeKindProvider(),
        FuzzyMatcher: () => new QualifiedNameFuzzyMatcher()
    }
};

/**
 * What a project below the workspace root has of its own beyond the root
 * project's services: its folder, and its joinery.json read from there. The
 * client's commands and capabilities, learnt once at initialisation, are the root's,
 * and so are the parser and lexer.
 */
function projectModule(folder: string, root: JoineryServices): Module<JoineryServices, DeepPartial<JoineryServices>> {
    return {
        references: { Project: services => new ProjectScope(services.shared, root.references.Project.layout, folder) },
        // One parser and lexer for every project (building them is the costly part of a project's services); references resolve in their own project (ProjectLinker).
        parser: { LangiumParser: () => root.parser.LangiumParser, Lexer: () => root.parser.Lexer, CompletionParser: () => root.parser.CompletionParser },
        findings: {
            EditorRuleSettings: services => new WorkspaceRuleSettings(services.shared, services.profiles.ProfileRegistry, { folder: URI.parse(folder), rootSettings: root.findings.EditorRuleSettings })
        },
        lsp: { ClientCommands: () => root.lsp.ClientCommands }
    };
}

function registryOf(shared: LangiumSharedCoreServices): JoineryServiceRegistry {
    const registry = shared.ServiceRegistry;
    if (!(registry instanceof JoineryServiceRegistry)) throw new Error('Joinery needs its own service registry');
    return registry;
}

/** Creates the shared and the language services; the CLI and the server both start here. */
export function createJoineryServices(context: DefaultSharedModuleContext): { shared: LangiumSharedServices; Joinery: JoineryServices } {
    const shared = inject(createDefaultSharedModule(context), JoineryGeneratedSharedModule, JoinerySharedModule);
    const Joinery = inject(createDefaultModule({ shared }), JoineryGeneratedModule, JoineryModule);
    shared.ServiceRegistry.register(Joinery);
    registerSemanticChecks(Joinery);
    registryOf(shared).useProjects(folder => {
        const project = inject(createDefaultModule({ shared }), JoineryGeneratedModule, JoineryModule, projectModule(folder, Joinery));
        registerSemanticChecks(project);
        return project;
    });
    if (!context.connection) {
        // Without a client there is no configuration to wait for.
        void shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Joinery };
}

/** Every project's services, the root project's first: one when no folder below the root holds a joinery.json. */
export function projectServices(shared: LangiumSharedCoreServices): JoineryServices[] {
    return registryOf(shared).projects() as JoineryServices[];
}

/** The services of the project a model belongs to. */
export function servicesOfModel(shared: LangiumSharedCoreServices, uri: URI): JoineryServices {
    return shared.ServiceRegistry.getServices(uri) as JoineryServices;
}
