import type { AstNode, AstNodeDescription } from 'langium';
import type { NodeKindProvider } from 'langium/lsp';
import { CompletionItemKind, SemanticTokenTypes, SymbolKind } from 'vscode-languageserver';

interface DeclarationKind {
    token: SemanticTokenTypes;
    symbol: SymbolKind;
    completion: CompletionItemKind;
}

/**
 * How each kind of declaration shows in the editor: its colour (semantic token
 * type), its outline icon and its completion icon, kept in one table so that the
 * three always agree. The LSP has no words for forums or budgets; these are the
 * nearest standard kinds, chosen so that every kind looks different.
 */
const KINDS: Record<string, DeclarationKind> = {
    Domain: { token: SemanticTokenTypes.enum, symbol: SymbolKind.Enum, completion: CompletionItemKind.Enum },
    Actor: { token: SemanticTokenTypes.class, symbol: SymbolKind.Class, completion: CompletionItemKind.Class },
    Arrangement: { token: SemanticTokenTypes.namespace, symbol: SymbolKind.Namespace, completion: CompletionItemKind.Module },
    Forum: { token: SemanticTokenTypes.struct, symbol: SymbolKind.Struct, completion: CompletionItemKind.Struct },
    Budget: { token: SemanticTokenTypes.variable, symbol: SymbolKind.Variable, completion: CompletionItemKind.Variable },
    System: { token: SemanticTokenTypes.interface, symbol: SymbolKind.Interface, completion: CompletionItemKind.Interface },
    Team: { token: SemanticTokenTypes.type, symbol: SymbolKind.Object, completion: CompletionItemKind.Unit },
    Service: { token: SemanticTokenTypes.function, symbol: SymbolKind.Function, completion: CompletionItemKind.Function },
    Goal: { token: SemanticTokenTypes.event, symbol: SymbolKind.Event, completion: CompletionItemKind.Event },
    Indicator: { token: SemanticTokenTypes.property, symbol: SymbolKind.Property, completion: CompletionItemKind.Property },
    Agreement: { token: SemanticTokenTypes.macro, symbol: SymbolKind.Constant, completion: CompletionItemKind.Constant },
    Direction: { token: SemanticTokenTypes.method, symbol: SymbolKind.Method, completion: CompletionItemKind.Method },
    // Unnamed elements appear in the outline only.
    Channel: { token: SemanticTokenTypes.operator, symbol: SymbolKind.Operator, completion: CompletionItemKind.Operator },
    Referral: { token: SemanticTokenTypes.operator, symbol: SymbolKind.Operator, completion: CompletionItemKind.Operator },
    Link: { token: SemanticTokenTypes.operator, symbol: SymbolKind.Operator, completion: CompletionItemKind.Operator }
};

export function declarationKind(type: string): DeclarationKind | undefined {
    return KINDS[type];
}

/** Outline, workspace-symbol and completion icons per declaration kind. */
export class JoineryNodeKindProvider implements NodeKindProvider {
    getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return declarationKind(typeOf(node))?.symbol ?? SymbolKind.Field;
    }

    getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        return declarationKind(typeOf(node))?.completion ?? CompletionItemKind.Reference;
    }
}

function typeOf(node: AstNode | AstNodeDescription): string {
    return '$type' in node ? node.$type : node.type;
}
