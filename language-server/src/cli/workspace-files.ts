import { readdirSync, statSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { includesEntry } from '../workspace/model-files.js';
import { UsageError } from './usage-error.js';

/** Standard input, named like this in output. */
export const STDIN_NAME = '<stdin>';

/**
 * The model files the paths name: `.joinery` files under folders (skipping the
 * folders `workspace/model-files.ts` names: hidden ones, `node_modules`, `out`), files as given, `-` for standard input.
 * Symbolic links to files are checked; links to folders are not followed, so a
 * link loop cannot hang the walk; a broken or looping link named `.joinery` is
 * kept so that it is reported, and so is a folder that cannot be listed. A path
 * that does not exist means the check cannot run.
 */
export async function findModelFiles(paths: string[], cwd: string): Promise<string[]> {
    const files = new Set<string>();
    for (const given of paths.length > 0 ? paths : ['.']) {
        if (given === '-') {
            files.add(STDIN_NAME);
            continue;
        }
        const absolute = path.resolve(cwd, given);
        let isDirectory: boolean;
        try {
            isDirectory = statSync(absolute).isDirectory();
        } catch (error) {
            throw new UsageError(`cannot read '${given}': ${describeFsError(error)}`);
        }
        if (!isDirectory) {
            files.add(absolute);
            continue;
        }
        const found: string[] = [];
        walk(absolute, found);
        for (const file of found.sort()) files.add(file);
    }
    return [...files];
}

function walk(folder: string, found: string[]): void {
    let entries: Dirent[];
    try {
        entries = readdirSync(folder, { withFileTypes: true });
    } catch {
        found.push(folder); // the loader reports why it cannot be listed
        return;
    }
    for (const entry of entries) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) {
            if (includesEntry(entry.name, true)) walk(full, found);
        } else if (includesEntry(entry.name, false) && !isLinkToFolder(entry, full)) {
            // Files, links to files, broken links, pipes and devices: the loader reads or reports each.
            found.push(full);
        }
    }
}

function isLinkToFolder(entry: Dirent, full: string): boolean {
    if (!entry.isSymbolicLink()) return false;
    try {
        return statSync(full).isDirectory();
    } catch {
        return false;
    }
}

export function describeFsError(error: unknown): string {
    const code = (error as { code?: string }).code;
    switch (code) {
        case 'ENOENT': return 'no such file or directory';
        case 'EACCES': case 'EPERM': return 'permission denied';
        case 'EISDIR': return 'is a directory';
        case 'ELOOP': return 'too many levels of symbolic links (a link loop)';
        case 'ENAMETOOLONG': return 'the path is too long';
        case 'EMFILE': case 'ENFILE': return 'too many open files';
        default: return code ?? (error instanceof Error ? error.message : String(error));
    }
}
