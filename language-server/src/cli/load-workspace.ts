import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import type { JoineryServices } from '../joinery-module.js';
import type { Finding } from '../findings/finding.js';
import { describeFsError, STDIN_NAME } from './workspace-files.js';

export interface LoadedWorkspace {
    documents: LangiumDocument[];
    /** Files that could not be read as a model at all: each one a finding, never a crash. */
    unreadable: Finding[];
}

const ORIGIN = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Reads every file into one workspace and builds it (parse, link, validate). */
export async function loadWorkspace(services: JoineryServices, files: string[], cwd: string, readStdin: () => Buffer): Promise<LoadedWorkspace> {
    const documents: LangiumDocument[] = [];
    const unreadable: Finding[] = [];
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const langiumDocuments = services.shared.workspace.LangiumDocuments;
    for (const file of files) {
        const uri = file === STDIN_NAME ? URI.file(path.join(cwd, STDIN_NAME)) : URI.file(file);
        const text = readModelText(file, readStdin);
        if (typeof text !== 'string') {
            unreadable.push({ uri: uri.toString(), range: ORIGIN, severity: 'error', rule: 'syntax', message: text.problem });
            continue;
        }
        const document = factory.fromString(text, uri);
        langiumDocuments.addDocument(document);
        documents.push(document);
    }
    await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return { documents, unreadable };
}

function readModelText(file: string, readStdin: () => Buffer): string | { problem: string } {
    let bytes: Buffer;
    try {
        bytes = file === STDIN_NAME ? readStdin() : readFileSync(file);
    } catch (error) {
        return { problem: `Cannot read this file: ${describeFsError(error)}` };
    }
    if (bytes.includes(0)) return { problem: 'This is not a text file (it contains NUL bytes): a model must be UTF-8 text' };
    try {
        const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        return text.startsWith('\uFEFF') ? text.slice(1) : text;
    } catch {
        return { problem: 'This file is not valid UTF-8: save it as UTF-8 text' };
    }
}
