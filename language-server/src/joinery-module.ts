import { inject, type DeepPartial, type LangiumParser, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule,
    type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices
} from 'langium/lsp';
import { JoineryGeneratedModule, JoineryGeneratedSharedModule } from './generated/module.js';
import { JoineryScopeComputation } from './workspace/scope-computation.js';
import { JoineryValueConverter } from './workspace/value-converter.js';
import { JoineryTokenBuilder } from './workspace/token-builder.js';
import { JoineryParser } from './workspace/joinery-parser.js';
import { DeferredReferenceIndexManager, SyncReferenceDescriptionProvider } from './workspace/deferred-reference-index.js';
import { createLinearCompletionParser } from './workspace/parser-recovery.js';
import { JoineryScopeProvider } from './workspace/scope-provider.js';
import { TripleSlashDocumentationProvider } from './workspace/documentation.js';
import { JoineryDocumentValidator } from './validation/document-validator.js';
import { registerSemanticChecks, SemanticChecks } from './validation/semantic-checks.js';
import { IntegrationAnalysis } from './analysis/integration-analysis.js';
import { JoineryHoverProvider } from './lsp/hover.js';
import { JoineryWorkspaceManager } from './workspace/workspace-manager.js';
import { JoineryServiceRegistry } from './workspace/service-registry.js';
import { JoineryDocumentBuilder } from './workspace/document-builder.js';
import { JoineryDocumentUpdateHandler } from './server/document-update-handler.js';
import { WorkspaceRuleSettings } from './server/workspace-rule-settings.js';
import { PublishedFindings } from './server/published-findings.js';
import { JoineryReferences } from './workspace/qualified-references.js';
import { JoineryCompletionProvider } from './lsp/completion.js';
import { JoinerySemanticTokenProvider } from './lsp/semantic-tokens.js';
import { JoineryFormatter } from './lsp/formatter.js';
import { JoineryRenameProvider } from './lsp/rename.js';
import { JoineryDocumentSymbolProvider } from './lsp/document-symbols.js';
import { JoineryFoldingRangeProvider } from './lsp/folding.js';
import { ArrangementCodeLensProvider } from './lsp/code-lens.js';
import { JoineryCodeActionProvider } from './lsp/code-actions.js';
import { JoineryDefinitionProvider } from './lsp/definition.js';
import { JoineryNodeKindProvider } from './lsp/declaration-kinds.js';
import { QualifiedNameFuzzyMatcher } from './lsp/fuzzy-matcher.js';

/** Services Joinery adds to Langium's. */
export interface JoineryAddedServices {
    validation: { SemanticChecks: SemanticChecks };
    analysis: { IntegrationAnalysis: IntegrationAnalysis };
    /** The editor's rule settings (joinery.json, `joinery.rules`; empty outside a server) and the findings under them. */
    findings: { EditorRuleSettings: WorkspaceRuleSettings; PublishedFindings: PublishedFindings };
}

export type JoineryServices = LangiumServices & JoineryAddedServices;

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
        LangiumParser: services => new JoineryParser(services) as unknown as LangiumParser,
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
    analysis: {
        IntegrationAnalysis: services => new IntegrationAnalysis(services)
    },
    findings: {
        EditorRuleSettings: services => new WorkspaceRuleSettings(services.shared),
        PublishedFindings: services => new PublishedFindings(services)
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
        DefinitionProvider: services => new JoineryDefinitionProvider(services)
    }
};

export const JoinerySharedModule: Module<LangiumSharedServices, DeepPartial<LangiumSharedServices>> = {
    ServiceRegistry: services => new JoineryServiceRegistry(services),
    workspace: {
        WorkspaceManager: services => new JoineryWorkspaceManager(services),
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
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Joinery };
}
