import { commands, EventEmitter, languages, TabInputText, Uri, window, workspace, type Disposable, type ExtensionContext, type TextDocumentContentProvider } from 'vscode';

export const OPEN_RULE_DOCUMENTATION_COMMAND = 'joinery.openRuleDocumentation';
/** Rule pages as read-only virtual documents: `joinery-rule:/<id>.md`. */
const SCHEME = 'joinery-rule';

/**
 * "Joinery: Open Rule Documentation": the page of the rule whose finding is under
 * the cursor, else the rule picked from a list; a rule id given as an argument
 * (from a code action or a finding's link) opens that rule's page directly. The
 * page opens rendered (VS Code's Markdown preview) from a read-only virtual
 * document whose text is the extension's own docs/rules/<id>.md, so nothing
 * inside the extension's folder is ever opened for editing. Works on the web too.
 */
export function registerRuleDocumentation(context: ExtensionContext): Disposable[] {
    const pages = new RulePages(context);
    return [
        workspace.registerTextDocumentContentProvider(SCHEME, pages),
        window.onDidChangeVisibleTextEditors(editors => {
            if (editors.some(editor => editor.document.uri.scheme === SCHEME)) void renderOpenedPages(pages);
        }),
        commands.registerCommand(OPEN_RULE_DOCUMENTATION_COMMAND, async (ruleId?: unknown) => {
            const rule = typeof ruleId === 'string' ? ruleId : ruleOfFindingUnderCursor() ?? await pickRule(context);
            if (rule) await showPage(rule, pages);
        })
    ];
}

/**
 * A finding's documentation link (a file in the server's docs/rules) as the rule's
 * read-only virtual page. VS Code opens a diagnostic's link without running
 * commands, as a text editor; the listener in registerRuleDocumentation turns that
 * editor into the rendered page at once.
 */
export function asRuleDocumentationLink(target: Uri): Uri {
    const rule = /\/docs\/rules\/([a-z0-9-]+)\.md$/.exec(target.path)?.[1];
    return rule ? pageUri(rule) : target;
}

function pageUri(ruleId: string): Uri {
    return Uri.from({ scheme: SCHEME, path: `/${ruleId}.md` });
}

/** A rule page opened as text (from a diagnostic's link): closed, and shown rendered instead. */
async function renderOpenedPages(pages: RulePages): Promise<void> {
    // Without VS Code's Markdown extension the text is what there is to show.
    if (!(await commands.getCommands(true)).includes('markdown.showPreview')) return;
    for (const group of window.tabGroups.all) {
        for (const tab of group.tabs) {
            if (!(tab.input instanceof TabInputText) || tab.input.uri.scheme !== SCHEME) continue;
            const rule = tab.input.uri.path.replace(/^\//, '').replace(/\.md$/, '');
            await window.tabGroups.close(tab);
            await showPage(rule, pages);
        }
    }
}

class RulePages implements TextDocumentContentProvider {
    private readonly changed = new EventEmitter<Uri>();
    readonly onDidChange = this.changed.event;

    constructor(private readonly context: ExtensionContext) {}

    async provideTextDocumentContent(uri: Uri): Promise<string> {
        const file = await this.file(uri.path.replace(/^\//, '').replace(/\.md$/, ''));
        if (!file) return `# ${uri.path}\n\nThere is no such Joinery rule.\n`;
        return new TextDecoder().decode(await workspace.fs.readFile(file));
    }

    /** docs/rules/<id>.md inside the packaged extension, or in the checkout when run from source. */
    async file(ruleId: string): Promise<Uri | undefined> {
        if (!/^[a-z0-9-]+$/.test(ruleId)) return undefined;
        for (const root of [this.context.extensionUri, Uri.joinPath(this.context.extensionUri, '..')]) {
            const file = Uri.joinPath(root, 'docs', 'rules', `${ruleId}.md`);
            try {
                await workspace.fs.stat(file);
                return file;
            } catch { /* not here */ }
        }
        return undefined;
    }
}

function ruleOfFindingUnderCursor(): string | undefined {
    const editor = window.activeTextEditor;
    if (!editor) return undefined;
    const cursor = editor.selection.active;
    const linked = languages.getDiagnostics(editor.document.uri)
        .filter(diagnostic => diagnostic.source === 'joinery' && typeof diagnostic.code === 'object');
    const under = linked.find(diagnostic => diagnostic.range.contains(cursor)) ?? linked.find(diagnostic => diagnostic.range.start.line === cursor.line);
    return typeof under?.code === 'object' ? String(under.code.value) : undefined;
}

async function pickRule(context: ExtensionContext): Promise<string | undefined> {
    const items = Object.entries(ruleDescriptions(context)).map(([id, description]) => ({ label: id, detail: description }));
    const picked = await window.showQuickPick(items, { title: 'Joinery rule documentation', placeHolder: 'Rule', matchOnDetail: true });
    return picked?.label;
}

/** Rule ids and their one-line descriptions, as the `joinery.rules` setting lists them (gap rules have pages). */
function ruleDescriptions(context: ExtensionContext): Record<string, string> {
    const setting = context.extension.packageJSON.contributes?.configuration?.properties?.['joinery.rules'];
    const rules = (setting?.properties ?? {}) as Record<string, { description?: string }>;
    return Object.fromEntries(Object.entries(rules).filter(([id]) => !id.includes('suppression')).map(([id, rule]) => [id, rule.description ?? '']));
}

async function showPage(ruleId: string, pages: RulePages): Promise<void> {
    const page = pageUri(ruleId);
    try {
        await commands.executeCommand('markdown.showPreview', page);
    } catch {
        // Without VS Code's Markdown extension, the page's text is still readable, and still read-only.
        await window.showTextDocument(page, { preview: true });
    }
    void pages;
}
