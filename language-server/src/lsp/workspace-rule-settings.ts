import { Emitter, URI, UriUtils, type Event } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Diagnostic } from 'vscode-languageserver';
import { findNodeAtLocation } from 'jsonc-parser';
import { parseStrictJson } from '../checking/strict-json.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseConfig, parseConfigFile, type RuleSettings } from '../checking/rule-settings.js';
import type { ProfileRegistry } from '../profiles/profile-registry.js';
import { modelDisk, type ConfigText } from '../workspace/model-disk.js';

export const CONFIG_FILE = 'joinery.json';

/**
 * The rule severities the editor applies: the `joinery.rules` setting, overridden
 * key by key by the project's `joinery.json` (RULES.md, issue 4): the workspace
 * root's for the root project, the project folder's for a project below it. A
 * broken `joinery.json` becomes a diagnostic on that file and is otherwise
 * ignored. The statutory profiles it names (`"profiles"`) are loaded with it, by
 * the same registry the CLI uses.
 */
export class WorkspaceRuleSettings {
    private readonly shared: LangiumSharedServices;
    private readonly profiles: ProfileRegistry | undefined;
    /** The root project's settings, which hold the editor's: a project below the root reads them from there. */
    private readonly rootSettings: WorkspaceRuleSettings | undefined;
    private profileFolders: string[] = [];
    private readonly changed = new Emitter<void>();
    private root: URI | undefined;
    private fileSettings: RuleSettings = {};
    private editorSettings: RuleSettings = {};
    /** Whether joinery.json has been read once: diagnostics wait for it, so they never flash unconfigured. */
    loaded = false;
    /** The current problem with joinery.json, if any. */
    problem: { uri: string; diagnostic: Diagnostic } | undefined;

    /** The root project's settings; with `project`, those of the project in that folder, read at once. */
    constructor(shared: LangiumSharedServices, profiles?: ProfileRegistry, project?: { folder: URI; rootSettings: WorkspaceRuleSettings }) {
        this.shared = shared;
        this.profiles = profiles;
        this.rootSettings = project?.rootSettings;
        if (project) {
            this.root = project.folder;
            project.rootSettings.onDidChange(() => this.changed.fire());
            void this.reloadFile();
            return;
        }
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
        return { ...(this.rootSettings?.editorSettings ?? this.editorSettings), ...this.fileSettings };
    }

    /** Reads joinery.json again (at start-up and whenever it changes on disk). */
    async reloadFile(): Promise<void> {
        const uri = this.configUri;
        this.fileSettings = {};
        this.problem = undefined;
        this.profileFolders = [];
        if (uri) {
            const read = await this.readConfig(URI.parse(uri));
            if ('text' in read) this.applyFile(uri, read.text);
            else if ('problem' in read) this.problem = { uri, diagnostic: configDiagnostic('', 0, 1, `joinery.json cannot be read (${read.problem})`) };
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

    /** On disk, looked at before it is read as the CLI does (a pipe or a device never blocks); elsewhere through the file system provider. */
    private async readConfig(uri: URI): Promise<ConfigText> {
        const disk = modelDisk(this.shared.workspace.FileSystemProvider);
        if (uri.scheme === 'file' && disk) return disk.readConfig(uri);
        try {
            return { text: await this.shared.workspace.FileSystemProvider.readFile(uri) };
        } catch {
            return { missing: true }; // no joinery.json: nothing to apply
        }
    }

    private applyFile(uri: string, text: string): void {
        const parsed = parseStrictJson(text);
        if ('error' in parsed) {
            this.problem = { uri, diagnostic: configDiagnostic(text, parsed.offset, parsed.length, `joinery.json is not valid JSON: ${parsed.error}`) };
            return;
        }
        const { tree } = parsed;
        const config = parseConfigFile(parsed.value);
        if (typeof config === 'string') {
            // Point at the key the message names, found in the parsed tree (never by searching the text).
            const key = /"rules"\."([^"]+)"|unknown key "([^"]+)"|^"(ignores|profiles)" must/.exec(config);
            const path = key ? (key[1] !== undefined ? ['rules', key[1]] : [key[2] ?? key[3]]) : [];
            const node = findNodeAtLocation(tree, path);
            const at = node?.parent?.type === 'property' ? node.parent.children?.[0] ?? node : node ?? tree;
            this.problem = { uri, diagnostic: configDiagnostic(text, at.offset, at.length, `joinery.json: ${config}`) };
            return;
        }
        this.fileSettings = config.rules;
        this.profileFolders = config.profiles;
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

function configDiagnostic(text: string, offset: number, length: number, message: string): Diagnostic {
    const document = TextDocument.create('joinery.json', 'json', 0, text);
    const range = { start: document.positionAt(offset), end: document.positionAt(offset + length) };
    return { range, severity: 1, source: 'joinery', code: 'config', message };
}
