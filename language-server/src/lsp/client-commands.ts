import type { LangiumSharedServices } from 'langium/lsp';

/** Commands an editor client may say it implements, in `initializationOptions.clientCommands`. */
export const OPEN_RULE_DOCUMENTATION_COMMAND = 'joinery.openRuleDocumentation';
export const SHOW_INTEGRATION_MAP_COMMAND = 'joinery.showIntegrationMap';

/**
 * Which of the client's own commands the server may put in code actions and lenses:
 * only those the client named, so that an editor without them (Neovim) is never
 * offered an action that does nothing.
 */
export class ClientCommands {
    private commands = new Set<string>();
    /** Whether the client asks for code lenses again when told (`workspace/codeLens/refresh`). */
    refreshesCodeLenses = false;

    // Learnt once, at initialisation, and shared by every project's services (which may be made later).
    constructor(shared: LangiumSharedServices) {
        shared.lsp.LanguageServer.onInitialize(params => {
            const named = (params.initializationOptions as { clientCommands?: unknown } | undefined)?.clientCommands;
            this.commands = new Set(Array.isArray(named) ? named.filter((c): c is string => typeof c === 'string') : []);
            this.refreshesCodeLenses = params.capabilities.workspace?.codeLens?.refreshSupport === true;
        });
    }

    has(command: string): boolean {
        return this.commands.has(command);
    }
}
