import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MarkupContent, Position, SemanticTokens, SemanticTokensLegend, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';

/** A diagnostic's message, which Joinery sends as plain text (LSP 3.18 also allows Markdown there). */
export function plainMessage(diagnostic: { message: string | MarkupContent }): string {
    if (typeof diagnostic.message !== 'string') throw new Error(`a diagnostic message in Markdown: ${JSON.stringify(diagnostic.message)}`);
    return diagnostic.message;
}

/** The zero-based position of the `occurrence`-th `needle` in the text, `offsetInNeedle` characters in. */
export function positionOf(text: string, needle: string, occurrence = 1, offsetInNeedle = 0): Position {
    let index = -1;
    for (let i = 0; i < occurrence; i++) {
        index = text.indexOf(needle, index + 1);
        if (index < 0) throw new Error(`'${needle}' not found ${occurrence} times`);
    }
    const before = text.slice(0, index + offsetInNeedle).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
    return TextDocument.applyEdits(TextDocument.create('file:///edited', 'joinery', 1, text), [...edits]);
}

/** Applies a workspace edit to `{ uri: text }`, returning the new texts. */
export function applyWorkspaceEdit(texts: Record<string, string>, edit: WorkspaceEdit): Record<string, string> {
    const result = { ...texts };
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
        if (result[uri] === undefined) throw new Error(`edit for a file not in the workspace: ${uri}`);
        result[uri] = applyEdits(result[uri], edits);
    }
    return result;
}

export interface DecodedToken {
    line: number;
    character: number;
    text: string;
    type: string;
    modifiers: string[];
}

/** Semantic tokens as words: each token's text, type and modifiers. */
export function decodeSemanticTokens(tokens: SemanticTokens, legend: SemanticTokensLegend, text: string): DecodedToken[] {
    const lines = text.split('\n');
    const decoded: DecodedToken[] = [];
    let line = 0, character = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
        const [deltaLine, deltaStart, length, type, modifierBits] = tokens.data.slice(i, i + 5);
        line += deltaLine;
        character = deltaLine === 0 ? character + deltaStart : deltaStart;
        decoded.push({
            line, character,
            text: lines[line].slice(character, character + length),
            type: legend.tokenTypes[type],
            modifiers: legend.tokenModifiers.filter((_, bit) => (modifierBits & (1 << bit)) !== 0)
        });
    }
    return decoded;
}
