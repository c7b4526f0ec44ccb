import { Emitter, URI, UriUtils, type Event } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Diagnostic } from 'vscode-languageserver';
import { findNodeAtLocation } from 'jsonc-parser';
import { parseStrictJson } from '../checking/strict-json.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseConfig, type RuleSettings } from '../checking/rule-settings.js';
import { readConfigFile } from '../workspace/model-text.js';

export const CONFIG_FILE = 'joinery.json';

/**
 * The rule severities the editor applies: the `joinery.rules` setting, overridden
 * key by key by `joinery.json` at the workspace root (RULES.md, issue 4). A broken
 * `joinery.json` becomes a diagnostic on that file and is otherwise ignored.
 */
export class WorkspaceRuleSettings {
    private readonly shared: LangiumSharedServices;
    private readonly changed = new Emitter<void>();
    private root: URI | undefined;
    private fileSettings: RuleSettings = {};
    private editorSettings: RuleSettings = {};
    /** Whether joinery.json has been read once: diagnostics wait for it, so they never flash unconfigured. */
    loaded = false;
    /** The current problem with joinery.json, if any. */
    problem: { uri: string; diagnostic: Diagnostic } | undefined;

    constructor(shared: LangiumSharedServices) {
        this.shared = shared;
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
        if (uri) {
            const read = await this.readConfig(URI.parse(uri));
            if ('text' in read) this.applyFile(uri, read.text);
            else if ('problem' in read) this.problem = { uri, diagnostic: configDiagnostic('', 0, 1, `joinery.json cannot be read (${read.problem})`) };
        }
        this.loaded = true;
        this.changed.fire();
    }

    /** On disk, looked at before it is read as the CLI does (a pipe or a device never blocks); elsewhere through the file system provider. */
    private async readConfig(uri: URI): Promise<ReturnType<typeof readConfigFile>> {
        if (uri.scheme === 'file') return readConfigFile(uri.fsPath);
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
        const settings = parseConfig(parsed.value);
        if (typeof settings === 'string') {
            // Point at the key the message names, found in the parsed tree (never by searching the text).
            const key = /"rules"\."([^"]+)"|unknown key "([^"]+)"/.exec(settings);
            const path = key ? (key[1] !== undefined ? ['rules', key[1]] : [key[2]]) : [];
            const node = findNodeAtLocation(tree, path);
            const at = node?.parent?.type === 'property' ? node.parent.children?.[0] ?? node : node ?? tree;
            this.problem = { uri, diagnostic: configDiagnostic(text, at.offset, at.length, `joinery.json: ${settings}`) };
            return;
        }
        this.fileSettings = settings;
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
