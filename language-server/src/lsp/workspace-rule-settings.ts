import { Emitter, URI, UriUtils, type Event } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Diagnostic } from 'vscode-languageserver';
import { configProfileFolders, parseConfig, type RuleSettings } from '../checking/rule-settings.js';
import type { ProfileRegistry } from '../profiles/profile-registry.js';

export const CONFIG_FILE = 'joinery.json';

/**
 * The rule severities the editor applies: the `joinery.rules` setting, overridden
 * key by key by `joinery.json` at the workspace root (RULES.md, issue 4). A broken
 * `joinery.json` becomes a diagnostic on that file and is otherwise ignored. The
 * statutory profiles it names (`"profiles"`) are loaded with it, by the same
 * registry the CLI uses.
 */
export class WorkspaceRuleSettings {
    private readonly shared: LangiumSharedServices;
    private readonly profiles: ProfileRegistry | undefined;
    private profileFolders: string[] = [];
    private readonly changed = new Emitter<void>();
    private root: URI | undefined;
    private fileSettings: RuleSettings = {};
    private editorSettings: RuleSettings = {};
    /** Whether joinery.json has been read once: diagnostics wait for it, so they never flash unconfigured. */
    loaded = false;
    /** The current problem with joinery.json, if any. */
    problem: { uri: string; diagnostic: Diagnostic } | undefined;

    constructor(shared: LangiumSharedServices, profiles?: ProfileRegistry) {
        this.shared = shared;
        this.profiles = profiles;
        shared.lsp.LanguageServer.onInitialize(params => {
            const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
            this.root = folder ? URI.parse(folder) : undefined;
        });
        shared.lsp.LanguageServer.onInitialized(() => void this.reloadFile());
        shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(update => {
            if (update.section !== 'joinery') return;
            this.editorSettings = editorRules(update.configuration);
            this.changed.fire();
        });
    }

    get onDidChange(): Event<void> {
        return this.changed.event;
    }

    get configUri(): string | undefined {
        return this.root ? UriUtils.joinPath(this.root, CONFIG_FILE).toString() : undefined;
    }

    current(): RuleSettings {
        return { ...this.editorSettings, ...this.fileSettings };
    }

    /** Reads joinery.json again (at start-up and whenever it changes on disk). */
    async reloadFile(): Promise<void> {
        const uri = this.configUri;
        this.fileSettings = {};
        this.problem = undefined;
        this.profileFolders = [];
        if (uri) {
            let text: string | undefined;
            try {
                text = await this.shared.workspace.FileSystemProvider.readFile(URI.parse(uri));
            } catch {
                text = undefined; // no joinery.json: nothing to apply
            }
            if (text !== undefined) this.applyFile(uri, text);
        }
        await this.reloadProfiles();
        this.loaded = true;
        this.changed.fire();
    }

    /** Reads the project's profiles again (after joinery.json, or a profile file, changed). */
    async reloadProfiles(): Promise<void> {
        if (!this.profiles) return;
        // Findings wait for the profiles, as they wait for joinery.json.
        await this.profiles.loadProject(this.root, this.profileFolders, this.configUri);
        if (this.loaded) this.changed.fire();
    }

    private applyFile(uri: string, text: string): void {
        let parsed: unknown;
        try {
            parsed = JSON.parse(text);
        } catch (error) {
            const offset = Number(/position (\d+)/.exec((error as Error).message)?.[1] ?? 0);
            this.problem = { uri, diagnostic: configDiagnostic(text, offset, `joinery.json is not valid JSON: ${(error as Error).message}`) };
            return;
        }
        const settings = parseConfig(parsed);
        if (typeof settings === 'string') {
            const key = /"rules"\."([^"]+)"|unknown key "([^"]+)"/.exec(settings);
            const quoted = key ? `"${key[1] ?? key[2]}"` : undefined;
            const offset = quoted ? Math.max(0, text.indexOf(quoted)) : 0;
            this.problem = { uri, diagnostic: configDiagnostic(text, offset, `joinery.json: ${settings}`) };
            return;
        }
        this.fileSettings = settings;
        this.profileFolders = configProfileFolders(parsed);
    }
}

function editorRules(configuration: unknown): RuleSettings {
    const rules = (configuration as { rules?: unknown } | undefined)?.rules;
    if (!rules || typeof rules !== 'object') return {};
    const settings = parseConfig({ rules });
    // A wrong editor setting is shown by the editor's own settings validation; keep the valid rest.
    if (typeof settings !== 'string') return settings;
    const valid: RuleSettings = {};
    for (const [id, level] of Object.entries(rules)) {
        if (typeof parseConfig({ rules: { [id]: level } }) !== 'string') valid[id] = level as RuleSettings[string];
    }
    return valid;
}

function configDiagnostic(text: string, offset: number, message: string): Diagnostic {
    const before = text.slice(0, offset).split('\n');
    const position = { line: before.length - 1, character: before[before.length - 1].length };
    return { range: { start: position, end: { line: position.line, character: position.character + 1 } }, severity: 1, source: 'joinery', code: 'config', message };
}
