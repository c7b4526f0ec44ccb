import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, statSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { MAX_MODEL_BYTES, NOT_TEXT_MESSAGE, tooLargeMessage } from '../parser/input-limits.js';
import { includesEntry } from './model-files.js';
import type { ConfigText, SmallFile } from './model-disk.js';

/**
 * One reading of a model file's bytes, for `joinery check`, the server's workspace
 * loading and its open documents alike (docs/robustness.md, "One reading of a
 * file"), so that a file gives the same findings at the same positions in both:
 *
 * - a file is looked at before it is read: a folder, a pipe, a socket or a device is
 *   never opened (a pipe would block, a device never end), a file over the size limit
 *   is never read, and no read takes more than the limit and one byte;
 * - bytes with a NUL are not text; bytes that are not UTF-8 are not a model;
 * - a UTF-8 byte order mark is dropped, so positions count from the character after it;
 * - the text is kept as it is otherwise: CRLF, lone CR and LF all end a line, a tab is
 *   one character, and positions are LSP's (zero-based lines, UTF-16 code units).
 *
 * A file that cannot be read as a model is a `problem`: one syntax finding at its
 * start (the document validator reports it), never an exception.
 */
export type ModelText = { text: string; problem?: undefined } | { problem: string; text?: undefined };

const UTF8_BOM = '\uFEFF';

/** Reads a model file by path, never throwing, never blocking, never reading more than the size limit. */
export function readModelFile(file: string): ModelText {
    const problem = problemBeforeReading(file);
    if (problem) return { problem };
    let bytes: Buffer;
    try {
        bytes = readRegularFile(file, MAX_MODEL_BYTES);
    } catch (error) {
        return { problem: error instanceof NotRegularFile ? NOT_REGULAR_MESSAGE : `Cannot read this file: ${describeFsError(error)}` };
    }
    return decodeModelBytes(bytes);
}

/** The bytes of standard input or another stream, as a model: stops reading one byte past the limit. */
export function readModelStream(fd: number): ModelText {
    try {
        return decodeModelBytes(readBounded(fd, MAX_MODEL_BYTES));
    } catch (error) {
        return { problem: `Cannot read this file: ${describeFsError(error)}` };
    }
}

/** Bytes to model text: size, NUL bytes, UTF-8, byte order mark. */
export function decodeModelBytes(bytes: Uint8Array): ModelText {
    if (bytes.length > MAX_MODEL_BYTES) return { problem: tooLargeMessage(bytes.length, bytes.length === MAX_MODEL_BYTES + 1) };
    if (bytes.includes(0)) return { problem: NOT_TEXT_MESSAGE };
    let text: string;
    try {
        text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
        return { problem: 'This file is not valid UTF-8: save it as UTF-8 text' };
    }
    return { text: text.startsWith(UTF8_BOM) ? text.slice(1) : text };
}

/**
 * The same decisions for text an editor sends (an open document): a NUL character
 * makes it not a text file. (The editor has decoded the bytes already; its byte
 * order mark, if it sends one, is white space to the lexer.)
 */

const NOT_REGULAR_MESSAGE = 'This is not a regular file (a pipe, socket or device): a model must be a text file';

/** Why a path cannot be read as a model, found without opening it; undefined for a regular file within the limit. */
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
    if (!stats.isFile()) return NOT_REGULAR_MESSAGE;
    if (stats.size > MAX_MODEL_BYTES) return tooLargeMessage(stats.size);
    return undefined;
}

class NotRegularFile extends Error { }

/**
 * At most `limit + 1` bytes of a regular file. Opened without blocking and checked
 * again once open, so a file replaced by a pipe between the look and the read still
 * cannot block; a file that grows is read no further than the limit.
 */
export function readRegularFile(file: string, limit: number): Buffer {
    const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    try {
        if (!fstatSync(fd).isFile()) throw new NotRegularFile();
        return readBounded(fd, limit);
    } finally {
        closeSync(fd);
    }
}

/** A small file (a statutory profile), looked at before it is read, so a pipe never blocks and a huge file is not read. Throws when it cannot be read. */
export function readSmallFile(file: string, limit: number): SmallFile {
    const stats = statSync(file);
    if (!stats.isFile()) return { notRegular: true };
    if (stats.size > limit) return { size: stats.size };
    return { bytes: readRegularFile(file, limit) };
}

/** The files of a folder, links to files included (folders, pipes and devices left out). Throws when it cannot be listed. */
export function listFolderFiles(folder: string): string[] {
    return readdirSync(folder, { withFileTypes: true }).filter(entry => entry.isFile() || entry.isSymbolicLink()).map(entry => entry.name);
}

/** Reads until the end or `limit + 1` bytes, whichever comes first (so an endless stream costs only that). */
export function readBounded(fd: number, limit: number): Buffer {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
        const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, limit + 1 - total));
        let read: number;
        try {
            read = readSync(fd, chunk, 0, chunk.length, null);
        } catch (error) {
            const code = (error as { code?: string }).code;
            if (code === 'EAGAIN') {
                // A non-blocking stream with nothing yet (standard input from a slow writer): wait a moment.
                Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
                continue;
            }
            if (code === 'EOF') break;
            throw error;
        }
        if (read === 0) break;
        chunks.push(chunk.subarray(0, read));
        total += read;
        if (total > limit) break;
    }
    return Buffer.concat(chunks, total);
}

function isSymbolicLink(file: string): boolean {
    try {
        return lstatSync(file).isSymbolicLink();
    } catch {
        return false;
    }
}

/**
 * What a folder walk does with an entry, for the CLI's walk and the server's
 * workspace loading alike: go into real folders the selector keeps (links to
 * folders are not followed, so a link loop cannot hang the walk); take every other
 * entry with a model file's name as a model (files, links to files, broken links,
 * pipes and devices: the reader reports each that is not a text file).
 */
export function walkDecision(entry: Dirent, folder: string): 'folder' | 'model' | 'skip' {
    if (entry.isDirectory()) return includesEntry(entry.name, true) ? 'folder' : 'skip';
    if (!includesEntry(entry.name, false)) return 'skip';
    return entry.isSymbolicLink() && isLinkToFolder(path.join(folder, entry.name)) ? 'skip' : 'model';
}

function isLinkToFolder(full: string): boolean {
    try {
        return statSync(full).isDirectory();
    } catch {
        return false;
    }
}

/** A file system error in a user's words, without the path (the finding or message names the file). */
export function describeFsError(error: unknown): string {
    const code = (error as { code?: string }).code;
    switch (code) {
        case 'ENOENT': return 'no such file or directory';
        case 'EACCES': case 'EPERM': return 'permission denied';
        case 'EISDIR': return 'is a directory';
        case 'ELOOP': return 'too many levels of symbolic links (a link loop)';
        case 'ENAMETOOLONG': return 'the path is too long';
        case 'EMFILE': case 'ENFILE': return 'too many open files';
        case 'EIO': return 'an input/output error';
        default: return code ?? (error instanceof Error ? error.message : String(error));
    }
}

/** The largest `joinery.json` read: a config is a few lines. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * A `joinery.json` as text, looked at before it is read like a model (a pipe, a
 * device or a huge file never blocks nor fills memory); `missing` when there is none.
 */
export function readConfigFile(file: string): ConfigText {
    let stats;
    try {
        stats = statSync(file);
    } catch (error) {
        if ((error as { code?: string }).code === 'ENOENT') return { missing: true };
        return { problem: describeFsError(error) };
    }
    if (stats.isDirectory()) return { problem: 'is a directory' };
    if (!stats.isFile()) return { problem: 'not a regular file: a pipe, socket or device' };
    if (stats.size > MAX_CONFIG_BYTES) return { problem: `too large (${Math.ceil(stats.size / 1024)} KB; a config is read up to ${MAX_CONFIG_BYTES / 1024} KB)` };
    try {
        const bytes = readRegularFile(file, MAX_CONFIG_BYTES);
        if (bytes.length > MAX_CONFIG_BYTES) return { problem: `too large (more than ${MAX_CONFIG_BYTES / 1024} KB)` };
        const text = new TextDecoder('utf-8').decode(bytes);
        return { text: text.startsWith(UTF8_BOM) ? text.slice(1) : text };
    } catch (error) {
        return { problem: error instanceof NotRegularFile ? 'not a regular file: a pipe, socket or device' : describeFsError(error) };
    }
}

/** What is at a path now, for a watched-file event: nothing (or a broken link), a folder, or something to read. */
export function pathKind(file: string): 'gone' | 'folder' | 'entry' {
    try {
        return statSync(file).isDirectory() ? 'folder' : 'entry';
    } catch (error) {
        const code = (error as { code?: string }).code;
        // A broken link or a link loop is still an entry the reader reports, as the CLI does.
        return code === 'ENOENT' && !isSymbolicLink(file) ? 'gone' : 'entry';
    }
}
