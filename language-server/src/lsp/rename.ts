import { AstUtils, CstUtils, isReference, type AstNode, type IndexManager, type LangiumDocument } from 'langium';
import { DefaultRenameProvider, type LangiumServices } from 'langium/lsp';
import { ErrorCodes, ResponseError, type RenameParams, type WorkspaceEdit } from 'vscode-languageserver';
import { isArrangement, isModel } from '../generated/ast.js';
import { kindWord, withArticle } from '../language/user-words.js';
import type { ProjectAddedServices, ProjectScope } from '../references/projects.js';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Langium's rename across files; the references service splits qualified names
 * (`North.IJB`), so renaming an element changes `IJB` everywhere and renaming an
 * arrangement changes every `North.` qualifier. A new name that is not a name, or
 * that another declaration of the same scope already has, is refused with a message.
 */
export class JoineryRenameProvider extends DefaultRenameProvider {
    private readonly indexManager: IndexManager;
    /** A name is taken or rebound within the project only: another project's names are not seen. */
    private readonly project: ProjectScope;

    constructor(services: LangiumServices & ProjectAddedServices) {
        super(services);
        this.indexManager = services.shared.workspace.IndexManager;
        this.project = services.references.Project;
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
        const rebinds = target && this.wouldRebind(target, params.newName);
        if (rebinds) throw new ResponseError(ErrorCodes.InvalidParams, `Renaming to ${params.newName} would change what other names mean: ${rebinds}`);
        return super.rename(document, params);
    }

    /**
     * Why the new name would make references mean something else (issue 19: such a
     * rename made findings vanish): an element of that name hides a top-level one
     * inside its arrangement, either way round, and a reference that names nothing
     * yet would start naming the renamed declaration.
     */
    private wouldRebind(target: AstNode, name: string): string | undefined {
        const documents = this.project.documents();
        const declarations = documents.flatMap(d => (d.parseResult.value as { declarations?: AstNode[] }).declarations ?? []);
        const arrangement = AstUtils.getContainerOfType(target.$container, isArrangement);
        if (isModel(target.$container)) {
            const hiding = declarations.filter(isArrangement).find(a => a.elements.some(e => (e as { name?: string }).name === name));
            if (hiding) return `arrangement ${hiding.name} has an element named ${name}, which that name means inside it`;
        } else if (declarations.some(d => d !== arrangement && (d as { name?: string }).name === name)) {
            return `the element would hide the top-level ${name} inside arrangement ${arrangement?.name ?? ''}`;
        }
        for (const document of documents) {
            for (const reference of document.references) {
                if (!isReference(reference) || reference.ref !== undefined || reference.error === undefined) continue;
                const text = reference.$refText;
                const names = text === name || (arrangement !== undefined && text === `${arrangement.name}.${name}`);
                const inScope = !arrangement || text !== name || AstUtils.getContainerOfType(reference.error.info.container, isArrangement) === arrangement;
                if (names && inScope) return `'${text}' names nothing now, and would name the renamed ${kindWord(target.$type)}`;
            }
        }
        return undefined;
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
            return this.indexManager.allElements(undefined, this.project.uris()).find(description => description.name === name && description.node !== target)?.type;
        }
        const arrangement = AstUtils.getContainerOfType(target.$container, isArrangement);
        return arrangement?.elements.find(named)?.$type;
    }
}

function scopeWord(target: AstNode): string {
    const arrangement = AstUtils.getContainerOfType(target.$container, isArrangement);
    return arrangement ? `arrangement ${arrangement.name}` : 'the workspace';
}
