import { CodeAction, commands, Position, SnippetString, SnippetTextEdit, Uri, window, workspace, WorkspaceEdit, type Command, type Disposable, type ProviderResult } from 'vscode';

const INSERT_SUPPRESSION_COMMAND = 'joinery.insertSuppression';
/** The server's "Suppress <rule> for <element>…" edit: one `// joinery-ignore <rule>: ` line with the reason left blank. */
const DIRECTIVE_LINE = /^([ \t]*)\/\/ joinery-ignore ([a-z0-9-]+): (\r?\n)$/;

/**
 * Turns the server's suppression edit into a snippet with the cursor on the reason
 * (LSP 3.17 has no snippet edits), so the analyst types why the gap is acceptable
 * straight away; every other action passes through as the server sent it. The
 * snippet is the action's own edit, which the workbench applies as the action is
 * chosen: run as a command, it came after a round trip to the extension host, and
 * what the analyst typed straight away went to the old cursor, inside the name.
 * VS Code before 1.86 has no snippet edits: there the command inserts it.
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
        const [uri] = entries[0];
        const line = edits[0].range.start.line;
        const snippet = action;
        if (typeof SnippetTextEdit === 'function') {
            const edit = new WorkspaceEdit();
            edit.set(uri, [SnippetTextEdit.insert(new Position(line, indent.length), reasonSnippet(rule))]);
            snippet.edit = edit;
            return snippet;
        }
        snippet.edit = undefined;
        snippet.command = { title: action.title, command: INSERT_SUPPRESSION_COMMAND, arguments: [uri.toString(), line, indent, rule] };
        return snippet;
    });
}

export function registerSuppressionSnippet(): Disposable {
    return commands.registerCommand(INSERT_SUPPRESSION_COMMAND, async (uri: string, line: number, indent: string, rule: string) => {
        const document = await workspace.openTextDocument(Uri.parse(uri));
        const editor = await window.showTextDocument(document, { preserveFocus: false });
        await editor.insertSnippet(reasonSnippet(rule), new Position(line, indent.length));
    });
}

/** `// joinery-ignore <rule>: ` and the reason to write, inserted after the line's indentation (VS Code indents the next line like it, which keeps the declaration where it was). */
function reasonSnippet(rule: string): SnippetString {
    return new SnippetString(`// joinery-ignore ${rule}: `).appendPlaceholder('why this gap is acceptable').appendText('\n');
}
