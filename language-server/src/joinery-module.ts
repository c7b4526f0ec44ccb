import { inject, type DeepPartial, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule,
    type DefaultSharedModuleContext, type LangiumSharedServices, type PartialLangiumServices
} from 'langium/lsp';
import { JoineryGeneratedModule, JoineryGeneratedSharedModule } from './generated/module.js';
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

export type { JoineryAddedServices, JoineryServices };

export const JoineryModule: Module<JoineryServices, PartialLangiumServices & JoineryAddedServices> = {
    references: {
        ScopeComputation: services => new JoineryScopeComputation(services),
        ScopeProvider: services => new JoineryScopeProvider(services),
        References: services => new JoineryReferences(services)
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
        ReferenceDescriptionProvider: services => new SyncReferenceDescriptionProvider(services)
    },
    validation: {
        DocumentValidator: services => new JoineryDocumentValidator(services),
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
        IndexManager: services => new DeferredReferenceIndexManager(services)
    },
    lsp: {
        DocumentUpdateHandler: services => new JoineryDocumentUpdateHandler(services),
        NodeKindProvider: () => new JoineryNodeKindProvider(),
        FuzzyMatcher: () => new QualifiedNameFuzzyMatcher()
    }
};

/** Creates the shared and the language services; the CLI and the server both start here. */
export function createJoineryServices(context: DefaultSharedModuleContext): { shared: LangiumSharedServices; Joinery: JoineryServices } {
    const shared = inject(createDefaultSharedModule(context), JoineryGeneratedSharedModule, JoinerySharedModule);
    const Joinery = inject(createDefaultModule({ shared }), JoineryGeneratedModule, JoineryModule);
    shared.ServiceRegistry.register(Joinery);
    registerSemanticChecks(Joinery);
    if (!context.connection) {
        // Without a client there is no configuration to wait for.
        void shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Joinery };
}
