import { readdirSync, statSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { describeFsError, walkDecision } from '../workspace/model-text.js';
import { UsageError } from './usage-error.js';

export { describeFsError };

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
        // The server's workspace loading lists folders with the same decisions (workspace/file-system.ts).
        const decision = walkDecision(entry, folder);
        if (decision === 'folder') walk(path.join(folder, entry.name), found);
        else if (decision === 'model') found.push(path.join(folder, entry.name));
    }
}
