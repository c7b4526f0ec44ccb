import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { commands, languages, Uri, window, type Disposable, type ExtensionContext } from 'vscode';

export const OPEN_RULE_DOCUMENTATION_COMMAND = 'joinery.openRuleDocumentation';

/**
 * "Joinery: Open Rule Documentation": the page of the rule whose finding is under
 * the cursor, else the rule picked from a list; a rule id given as an argument
 * (from a code action or a link) opens that rule's page directly.
 */
export function registerRuleDocumentation(context: ExtensionContext): Disposable {
    return commands.registerCommand(OPEN_RULE_DOCUMENTATION_COMMAND, async (ruleId?: unknown) => {
        const page = typeof ruleId === 'string' ? rulePage(context, ruleId) : pageOfFindingUnderCursor() ?? await pickRulePage(context);
        if (page) await showPage(page);
    });
}

/** The finding's own documentation link (the server puts it on every gap rule's diagnostic). */
function pageOfFindingUnderCursor(): Uri | undefined {
    const editor = window.activeTextEditor;
    if (!editor) return undefined;
    const cursor = editor.selection.active;
    const linked = languages.getDiagnostics(editor.document.uri)
        .filter(diagnostic => diagnostic.source === 'joinery' && typeof diagnostic.code === 'object' && diagnostic.code.target);
    const under = linked.find(diagnostic => diagnostic.range.contains(cursor)) ?? linked.find(diagnostic => diagnostic.range.start.line === cursor.line);
    return typeof under?.code === 'object' ? under.code.target : undefined;
}

async function pickRulePage(context: ExtensionContext): Promise<Uri | undefined> {
    const items = Object.entries(ruleDescriptions(context))
        .filter(([id]) => rulePage(context, id))
        .map(([id, description]) => ({ label: id, detail: description }));
    const picked = await window.showQuickPick(items, { title: 'Joinery rule documentation', placeHolder: 'Rule', matchOnDetail: true });
    return picked && rulePage(context, picked.label);
}

/** Rule ids and their one-line descriptions, as the `joinery.rules` setting lists them. */
function ruleDescriptions(context: ExtensionContext): Record<string, string> {
    const setting = context.extension.packageJSON.contributes?.configuration?.properties?.['joinery.rules'];
    const rules = (setting?.properties ?? {}) as Record<string, { description?: string }>;
    return Object.fromEntries(Object.entries(rules).map(([id, rule]) => [id, rule.description ?? '']));
}

/** docs/rules/<id>.md inside the packaged extension, or in the checkout when run from source. */
function rulePage(context: ExtensionContext, ruleId: string): Uri | undefined {
    for (const root of [context.extensionPath, path.dirname(context.extensionPath)]) {
        const file = path.join(root, 'docs', 'rules', `${ruleId}.md`);
        if (existsSync(file)) return Uri.file(file);
    }
    return undefined;
}

async function showPage(page: Uri): Promise<void> {
    try {
        await commands.executeCommand('markdown.showPreview', page);
    } catch {
        // Without VS Code's Markdown extension, the page's text is still readable.
        await window.showTextDocument(page, { preview: true });
    }
}
