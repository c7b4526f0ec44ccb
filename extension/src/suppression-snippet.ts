import { CodeAction, commands, Position, SnippetString, Uri, window, workspace, type Command, type Disposable, type ProviderResult } from 'vscode';

const INSERT_SUPPRESSION_COMMAND = 'joinery.insertSuppression';
/** The server's "Suppress <rule> for <element>…" edit: one `// joinery-ignore <rule>: ` line with the reason left blank. */
const DIRECTIVE_LINE = /^([ \t]*)\/\/ joinery-ignore ([a-z0-9-]+): (\r?\n)$/;

/**
 * Turns the server's suppression edit into a snippet with the cursor on the reason
 * (LSP 3.17 has no snippet edits), so the analyst types why the gap is acceptable
 * straight away; every other action passes through as the server sent it.
 */
export function withSuppressionSnippets(actions: ProviderResult<Array<Command | CodeAction>>): ProviderResult<Array<Command | CodeAction>> {
    if (!Array.isArray(actions)) return actions;
    return actions.map(action => {
        if (!(action instanceof CodeAction) || !action.edit || action.command) return action;
        const entries = action.edit.entries();
        const edits = entries[0]?.[1];
        const match = entries.length === 1 && edits.length === 1 && edits[0].range.isEmpty && edits[0].range.start.character === 0 ? DIRECTIVE_LINE.exec(edits[0].newText) : null;
        if (!match) return action;
        const [, indent, rule] = match;
        const snippet = action;
        snippet.edit = undefined;
        snippet.command = { title: action.title, command: INSERT_SUPPRESSION_COMMAND, arguments: [entries[0][0].toString(), edits[0].range.start.line, indent, rule] };
        return snippet;
    });
}

export function registerSuppressionSnippet(): Disposable {
    return commands.registerCommand(INSERT_SUPPRESSION_COMMAND, async (uri: string, line: number, indent: string, rule: string) => {
        const document = await workspace.openTextDocument(Uri.parse(uri));
        const editor = await window.showTextDocument(document, { preserveFocus: false });
        // Inserted after the line's indentation: VS Code indents the snippet's next line like this one, which keeps the declaration where it was.
        const snippet = new SnippetString(`// joinery-ignore ${rule}: `).appendPlaceholder('why this gap is acceptable').appendText('\n');
        await editor.insertSnippet(snippet, new Position(line, indent.length));
    });
}
