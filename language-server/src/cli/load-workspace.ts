import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import type { JoineryServices } from '../joinery-module.js';
import type { Finding } from '../findings/finding.js';
import { describeFsError, STDIN_NAME } from './workspace-files.js';
import { MAX_MODEL_BYTES, tooLargeMessage } from '../parser/input-limits.js';

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
        if (file === STDIN_NAME) {
            bytes = readStdin();
        } else {
            // Look before reading: a pipe would block, a device never end, a huge file fill memory.
            const problem = problemBeforeReading(file);
            if (problem) return { problem };
            bytes = readFileSync(file);
        }
    } catch (error) {
        return { problem: `Cannot read this file: ${describeFsError(error)}` };
    }
    if (bytes.length > MAX_MODEL_BYTES) return { problem: tooLargeMessage(bytes.length) };
    if (bytes.includes(0)) return { problem: 'This is not a text file (it contains NUL bytes): a model must be UTF-8 text' };
    try {
        const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        return text.startsWith('\uFEFF') ? text.slice(1) : text;
    } catch {
        return { problem: 'This file is not valid UTF-8: save it as UTF-8 text' };
    }
}

function problemBeforeReading(file: string): string | undefined {
    let stats;
    try {
        stats = statSync(file);
    } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === 'ENOENT' && isSymbolicLink(file)) return 'This is a broken symbolic link: the file it points to does not exist';
        return `Cannot read this file: ${describeFsError(error)}`;
    }
    if (stats.isDirectory()) {
        try {
            readdirSync(file);
            return 'This is a folder, not a model file';
        } catch (error) {
            return `Cannot list this folder (${describeFsError(error)}): the models in it were not checked`;
        }
    }
    if (!stats.isFile()) return 'This is not a regular file (a pipe, socket or device): a model must be a text file';
    if (stats.size > MAX_MODEL_BYTES) return tooLargeMessage(stats.size);
    return undefined;
}

function isSymbolicLink(file: string): boolean {
    try {
        return lstatSync(file).isSymbolicLink();
    } catch {
        return false;
    }
}
