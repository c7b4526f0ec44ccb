import type { FileSystemProvider, URI } from 'langium';
import { NOT_TEXT_MESSAGE } from '../parser/input-limits.js';

/** What reading `joinery.json` gave. */
export type ConfigText = { text: string } | { problem: string } | { missing: true };

/**
 * What the Node file system provider (file-system.ts) knows of the disk beyond
 * Langium's interface: why a file could not be read, what a watched path is now,
 * and `joinery.json` read as the CLI reads it. The server's services reach it
 * through this interface and `modelDisk`, never by importing file-system.ts, so
 * that the server in a web worker (server/browser-main.ts), which has no disk,
 * pulls in no Node API.
 */
export interface ModelDisk {
    /** Why the file at `uri` could not be read as a model when it was last read, if it could not. */
    problemOf(uri: URI): string | undefined;
    /** Forgets a file that left the workspace. */
    forget(uri: URI): void;
    /** What a `file:` path is now: gone, a folder, or an entry the reader takes (a file, a link, a pipe…). */
    pathKind(uri: URI): 'gone' | 'folder' | 'entry';
    /** `joinery.json` at a `file:` URI, looked at before it is read (a pipe or a device never blocks). */
    readConfig(uri: URI): ConfigText;
    /** The files of a `file:` folder, links to files included (folders, pipes and devices left out); throws when it cannot be listed. */
    listFiles(folder: URI): URI[];
    /** A small file at a `file:` URI (a statutory profile), looked at before it is read; throws when it cannot be read. */
    readSmallFile(uri: URI, limit: number): SmallFile;
}

/** A small file's bytes (at most `limit` and one), or why they were not read: not a regular file, or `size` bytes, over the limit. */
export type SmallFile = { bytes: Uint8Array } | { notRegular: true } | { size: number };

/** The provider's disk, when it reads one (the Node server, the CLI); undefined in a browser. */
export function modelDisk(provider: FileSystemProvider): ModelDisk | undefined {
    const disk = provider as Partial<ModelDisk>;
    return typeof disk.problemOf === 'function' && typeof disk.pathKind === 'function' ? provider as FileSystemProvider & ModelDisk : undefined;
}

/** Why text cannot be a model (a NUL byte: not a text file), if it cannot. */
export function textProblem(text: string): string | undefined {
    return text.includes('\0') ? NOT_TEXT_MESSAGE : undefined;
}
