import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import type { JoineryServices } from '../joinery-module.js';
import { JoineryFileSystemProvider } from '../workspace/file-system.js';
import { readModelFile, type ModelText } from '../workspace/model-text.js';
import { STDIN_NAME } from './workspace-files.js';

export interface LoadedWorkspace {
    documents: LangiumDocument[];
}

/**
 * Reads every file into one workspace and builds it (parse, link, validate). Each
 * file is read as the server reads it (`workspace/model-text.ts`); one that is not a
 * model (binary, not UTF-8, unreadable, a pipe, too large) is an empty document whose
 * one finding says why, never a crash.
 */
export async function loadWorkspace(services: JoineryServices, files: string[], cwd: string, readStdin: () => ModelText): Promise<LoadedWorkspace> {
    const documents: LangiumDocument[] = [];
    const workspace = services.shared.workspace;
    const provider = workspace.FileSystemProvider;
    for (const file of files) {
        const uri = file === STDIN_NAME ? URI.file(path.join(cwd, STDIN_NAME)) : URI.file(file);
        const read = file === STDIN_NAME ? readStdin() : readModelFile(file);
        const text = provider instanceof JoineryFileSystemProvider ? provider.record(uri, read) : read.text ?? '';
        const document = workspace.LangiumDocumentFactory.fromString(text, uri);
        workspace.LangiumDocuments.addDocument(document);
        documents.push(document);
    }
    await workspace.DocumentBuilder.build(documents, { validation: true });
    return { documents };
}
