import { AstUtils, CstUtils, type AstNode, type IndexManager, type LangiumDocument } from 'langium';
import { DefaultRenameProvider, type LangiumServices } from 'langium/lsp';
import { ErrorCodes, ResponseError, type RenameParams, type WorkspaceEdit } from 'vscode-languageserver';
import { isArrangement, isModel } from '../generated/ast.js';
import { kindWord, withArticle } from '../validation/user-words.js';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Langium's rename across files; the references service splits qualified names
 * (`North.IJB`), so renaming an element changes `IJB` everywhere and renaming an
 * arrangement changes every `North.` qualifier. A new name that is not a name, or
 * that another declaration of the same scope already has, is refused with a message.
 */
export class JoineryRenameProvider extends DefaultRenameProvider {
    private readonly indexManager: IndexManager;

    constructor(services: LangiumServices) {
        super(services);
        this.indexManager = services.shared.workspace.IndexManager;
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        if (!NAME.test(params.newName)) {
            throw new ResponseError(ErrorCodes.InvalidParams, `'${params.newName}' is not a name: use letters, digits and _, starting with a letter or _`);
        }
        const target = this.targetAt(document, params);
        const taken = target && this.declarationNamed(target, params.newName);
        if (taken) {
            throw new ResponseError(ErrorCodes.InvalidParams, `${withArticle(kindWord(taken))} named ${params.newName} already exists in ${scopeWord(target)}`);
        }
        return super.rename(document, params);
    }

    private targetAt(document: LangiumDocument, params: RenameParams): AstNode | undefined {
        const root = document.parseResult.value.$cstNode;
        const leaf = root && CstUtils.findDeclarationNodeAtOffset(root, document.textDocument.offsetAt(params.position), this.grammarConfig.nameRegexp);
        return leaf ? this.references.findDeclarations(leaf)[0] : undefined;
    }

    /** The kind of another declaration in the target's scope that already has `name`. */
    private declarationNamed(target: AstNode, name: string): string | undefined {
        const named = (node: AstNode) => node !== target && (node as { name?: string }).name === name;
        if (isModel(target.$container)) {
            return this.indexManager.allElements().find(description => description.name === name && description.node !== target)?.type;
        }
        const arrangement = AstUtils.getContainerOfType(target.$container, isArrangement);
        return arrangement?.elements.find(named)?.$type;
    }
}

function scopeWord(target: AstNode): string {
    const arrangement = AstUtils.getContainerOfType(target.$container, isArrangement);
    return arrangement ? `arrangement ${arrangement.name}` : 'the workspace';
}
