/// <reference lib="dom" />
// A small LSP client for Monaco: the Joinery language server runs in a worker
// (the web extension's bundle), and this wires its answers to Monaco's providers:
// diagnostics as markers, hover, completion, quick fixes and formatting. Written
// here rather than taken from a client library: the ones that exist expect ES
// module workers or a VS Code API shim, neither of which a page opened from
// file:// can load, and the page needs only these few requests.
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api.js';
import { BrowserMessageReader, BrowserMessageWriter, createMessageConnection, type MessageConnection } from 'vscode-jsonrpc/browser';
import type {
    CodeAction, CompletionItem, CompletionList, Diagnostic, Hover, InitializeResult, MarkupContent, PublishDiagnosticsParams, TextEdit
} from 'vscode-languageserver-protocol';
import type { IntegrationMapParams, IntegrationMapView } from '../../language-server/src/server/integration-map-protocol.js';

/** The server's "Suppress <rule> for <element>…" edit, made a snippet here as in VS Code (extension/src/suppression-snippet.ts). */
const DIRECTIVE_LINE = /^([ \t]*)\/\/ joinery-ignore ([a-z0-9-]+): (\r?\n)$/;
const INSERT_SUPPRESSION = 'joinery.insertSuppression';

export class JoineryClient {
    private readonly connection: MessageConnection;
    private version = 1;
    /** The server's diagnostics by marker, so a quick fix is asked about the diagnostic the server sent. */
    private diagnostics: Diagnostic[] = [];
    private readonly listeners: Array<(diagnostics: Diagnostic[]) => void> = [];

    constructor(worker: Worker, private readonly editor: monaco.editor.IStandaloneCodeEditor, private readonly uri: string) {
        this.connection = createMessageConnection(new BrowserMessageReader(worker), new BrowserMessageWriter(worker));
        this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
            if (params.uri !== this.uri) return;
            this.diagnostics = params.diagnostics;
            const model = this.editor.getModel();
            if (model) monaco.editor.setModelMarkers(model, 'joinery', params.diagnostics.map(toMarker));
            for (const listener of this.listeners) listener(params.diagnostics);
        });
        // A minimal client's answers to the server's own requests.
        this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
        this.connection.onRequest('client/registerCapability', () => null);
        this.connection.onRequest('workspace/codeLens/refresh', () => null);
        this.connection.listen();
    }

    async start(): Promise<InitializeResult> {
        const result = await this.connection.sendRequest<InitializeResult>('initialize', {
            processId: null, rootUri: null, workspaceFolders: null,
            capabilities: {
                textDocument: {
                    publishDiagnostics: { relatedInformation: true },
                    hover: { contentFormat: ['markdown', 'plaintext'] },
                    completion: { completionItem: { snippetSupport: true } }
                }
            }
        });
        await this.connection.sendNotification('initialized', {});
        const model = this.editor.getModel()!;
        await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: this.uri, languageId: 'joinery', version: this.version, text: model.getValue() } });
        model.onDidChangeContent(() => {
            void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri: this.uri, version: ++this.version }, contentChanges: [{ text: model.getValue() }] });
        });
        this.registerProviders();
        return result;
    }

    onDiagnostics(listener: (diagnostics: Diagnostic[]) => void): void {
        this.listeners.push(listener);
    }

    integrationMap(params: Omit<IntegrationMapParams, 'textDocument'>): Promise<IntegrationMapView | null> {
        return this.connection.sendRequest<IntegrationMapView | null>('joinery/integrationMap', { textDocument: { uri: this.uri }, ...params });
    }

    private registerProviders(): void {
        const at = (position: monaco.Position) => ({ textDocument: { uri: this.uri }, position: { line: position.lineNumber - 1, character: position.column - 1 } });
        monaco.languages.registerHoverProvider('joinery', {
            provideHover: async (_model, position) => {
                const hover = await this.connection.sendRequest<Hover | null>('textDocument/hover', at(position));
                if (!hover) return null;
                const contents = Array.isArray(hover.contents) ? hover.contents : [hover.contents];
                return {
                    contents: contents.map(part => ({ value: typeof part === 'string' ? part : (part as MarkupContent).value })),
                    ...(hover.range ? { range: toRange(hover.range) } : {})
                };
            }
        });
        monaco.languages.registerCompletionItemProvider('joinery', {
            triggerCharacters: ['.', ' '],
            provideCompletionItems: async (model, position) => {
                const answer = await this.connection.sendRequest<CompletionList | CompletionItem[] | null>('textDocument/completion', at(position));
                const items = Array.isArray(answer) ? answer : answer?.items ?? [];
                const word = model.getWordUntilPosition(position);
                const wordRange = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
                return {
                    suggestions: items.map(item => {
                        const edit = item.textEdit && 'range' in item.textEdit ? item.textEdit : undefined;
                        return {
                            label: item.label,
                            kind: COMPLETION_KIND[item.kind ?? 0] ?? monaco.languages.CompletionItemKind.Text,
                            detail: item.detail,
                            documentation: typeof item.documentation === 'string' ? item.documentation : item.documentation ? { value: item.documentation.value } : undefined,
                            insertText: edit?.newText ?? item.insertText ?? item.label,
                            insertTextRules: item.insertTextFormat === 2 ? monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet : undefined,
                            range: edit ? toRange(edit.range) : wordRange,
                            sortText: item.sortText,
                            filterText: item.filterText
                        };
                    })
                };
            }
        });
        monaco.editor.registerCommand(INSERT_SUPPRESSION, (_accessor, line: number, indent: string, rule: string) => {
            this.editor.setPosition({ lineNumber: line + 1, column: indent.length + 1 });
            this.editor.focus();
            const snippets = this.editor.getContribution('snippetController2') as unknown as { insert(template: string): void };
            snippets.insert(`// joinery-ignore ${rule}: \${1:why this gap is acceptable}\n`);
        });
        monaco.languages.registerCodeActionProvider('joinery', {
            provideCodeActions: async (model, range, context) => {
                const diagnostics = this.diagnostics.filter(d => context.markers.some(marker => sameMarker(marker, d)));
                const actions = await this.connection.sendRequest<CodeAction[] | null>('textDocument/codeAction', {
                    textDocument: { uri: this.uri },
                    range: { start: { line: range.startLineNumber - 1, character: range.startColumn - 1 }, end: { line: range.endLineNumber - 1, character: range.endColumn - 1 } },
                    context: { diagnostics, only: ['quickfix'] }
                }) ?? [];
                return { actions: actions.map(action => this.toCodeAction(action, model)), dispose: () => undefined };
            }
        });
        monaco.languages.registerDocumentFormattingEditProvider('joinery', {
            provideDocumentFormattingEdits: async (_model, options) => {
                const edits = await this.connection.sendRequest<TextEdit[] | null>('textDocument/formatting', { textDocument: { uri: this.uri }, options });
                return (edits ?? []).map(edit => ({ range: toRange(edit.range), text: edit.newText }));
            }
        });
    }

    private toCodeAction(action: CodeAction, model: monaco.editor.ITextModel): monaco.languages.CodeAction {
        const edits = Object.values(action.edit?.changes ?? {}).flat();
        const markers = (action.diagnostics ?? []).map(toMarker);
        const directive = edits.length === 1 && edits[0].range.start.character === 0 ? DIRECTIVE_LINE.exec(edits[0].newText) : null;
        if (directive) {
            return { title: action.title, kind: 'quickfix', diagnostics: markers, command: { id: INSERT_SUPPRESSION, title: action.title, arguments: [edits[0].range.start.line, directive[1], directive[2]] } };
        }
        return {
            title: action.title, kind: 'quickfix', diagnostics: markers, isPreferred: action.isPreferred,
            // The playground has one model: every fix edits it (the server names any other file in the title).
            edit: { edits: edits.map(edit => ({ resource: model.uri, textEdit: { range: toRange(edit.range), text: edit.newText }, versionId: undefined })) }
        };
    }
}

/** LSP's completion item kinds as Monaco's (their numbering differs). */
const COMPLETION_KIND: Record<number, monaco.languages.CompletionItemKind> = {
    1: monaco.languages.CompletionItemKind.Text, 3: monaco.languages.CompletionItemKind.Function, 5: monaco.languages.CompletionItemKind.Field,
    6: monaco.languages.CompletionItemKind.Variable, 7: monaco.languages.CompletionItemKind.Class, 9: monaco.languages.CompletionItemKind.Module,
    10: monaco.languages.CompletionItemKind.Property, 12: monaco.languages.CompletionItemKind.Value, 13: monaco.languages.CompletionItemKind.Enum,
    14: monaco.languages.CompletionItemKind.Keyword, 15: monaco.languages.CompletionItemKind.Snippet, 18: monaco.languages.CompletionItemKind.Reference,
    20: monaco.languages.CompletionItemKind.EnumMember, 22: monaco.languages.CompletionItemKind.Struct
};

const SEVERITY: Record<number, monaco.MarkerSeverity> = {
    1: monaco.MarkerSeverity.Error, 2: monaco.MarkerSeverity.Warning, 3: monaco.MarkerSeverity.Info, 4: monaco.MarkerSeverity.Hint
};

/** A diagnostic's message as text (LSP 3.18 allows Markdown there; Joinery's server sends plain text). */
export function messageText(diagnostic: Diagnostic): string {
    return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

function toMarker(diagnostic: Diagnostic): monaco.editor.IMarkerData {
    return {
        ...toRange(diagnostic.range),
        severity: SEVERITY[diagnostic.severity ?? 1],
        message: messageText(diagnostic),
        source: diagnostic.source,
        code: diagnostic.code === undefined ? undefined : String(diagnostic.code)
    };
}

function sameMarker(marker: monaco.editor.IMarkerData, diagnostic: Diagnostic): boolean {
    return marker.message === messageText(diagnostic) && marker.code === String(diagnostic.code)
        && marker.startLineNumber === diagnostic.range.start.line + 1 && marker.startColumn === diagnostic.range.start.character + 1;
}

export function toRange(range: { start: { line: number; character: number }; end: { line: number; character: number } }): monaco.IRange {
    return { startLineNumber: range.start.line + 1, startColumn: range.start.character + 1, endLineNumber: range.end.line + 1, endColumn: range.end.character + 1 };
}
