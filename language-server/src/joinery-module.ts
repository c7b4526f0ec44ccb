import { inject, type DeepPartial, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule,
    type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices
} from 'langium/lsp';
import { JoineryGeneratedModule, JoineryGeneratedSharedModule } from './generated/module.js';
import { JoineryScopeComputation } from './workspace/scope-computation.js';
import { JoineryValueConverter } from './workspace/value-converter.js';
import { TripleSlashDocumentationProvider } from './workspace/documentation.js';
import { JoineryDocumentValidator } from './validation/document-validator.js';
import { registerSemanticChecks, SemanticChecks } from './validation/semantic-checks.js';
import { IntegrationAnalysis } from './analysis/integration-analysis.js';
import { JoineryHoverProvider } from './lsp/hover.js';
import { JoineryWorkspaceManager } from './workspace/workspace-manager.js';
import { JoineryDocumentUpdateHandler } from './server/document-update-handler.js';

/** Services Joinery adds to Langium's. */
export interface JoineryAddedServices {
    validation: { SemanticChecks: SemanticChecks };
    analysis: { IntegrationAnalysis: IntegrationAnalysis };
}

export type JoineryServices = LangiumServices & JoineryAddedServices;

export const JoineryModule: Module<JoineryServices, PartialLangiumServices & JoineryAddedServices> = {
    references: {
        ScopeComputation: services => new JoineryScopeComputation(services)
    },
    parser: {
        ValueConverter: () => new JoineryValueConverter()
    },
    documentation: {
        DocumentationProvider: () => new TripleSlashDocumentationProvider()
    },
    validation: {
        DocumentValidator: services => new JoineryDocumentValidator(services),
        SemanticChecks: services => new SemanticChecks(services)
    },
    analysis: {
        IntegrationAnalysis: services => new IntegrationAnalysis(services)
    },
    lsp: {
        HoverProvider: services => new JoineryHoverProvider(services)
    }
};

export const JoinerySharedModule: Module<LangiumSharedServices, DeepPartial<LangiumSharedServices>> = {
    workspace: {
        WorkspaceManager: services => new JoineryWorkspaceManager(services)
    },
    lsp: {
        DocumentUpdateHandler: services => new JoineryDocumentUpdateHandler(services)
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
