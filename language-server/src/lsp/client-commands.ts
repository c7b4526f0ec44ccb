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

    constructor(shared: LangiumSharedServices) {
        shared.lsp.LanguageServer.onInitialize(params => {
            const named = (params.initializationOptions as { clientCommands?: unknown } | undefined)?.clientCommands;
            this.commands = new Set(Array.isArray(named) ? named.filter((c): c is string => typeof c === 'string') : []);
        });
    }

    has(command: string): boolean {
        return this.commands.has(command);
    }
}
