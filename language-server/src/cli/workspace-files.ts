import { statSync } from 'node:fs';
import * as path from 'node:path';
import { glob } from 'tinyglobby';
import { UsageError } from './usage-error.js';

/** Standard input, named like this in output. */
export const STDIN_NAME = '<stdin>';

/**
 * The model files the paths name: `.joinery` files under folders (skipping
 * `node_modules` and hidden folders), files as given, `-` for standard input.
 * A path that does not exist means the check cannot run.
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
        const found = await glob('**/*.joinery', {
            cwd: absolute, absolute: true, dot: false, onlyFiles: true, followSymbolicLinks: false,
            ignore: ['**/node_modules/**']
        });
        for (const file of found.sort()) files.add(path.normalize(file));
    }
    return [...files];
}

export function describeFsError(error: unknown): string {
    const code = (error as { code?: string }).code;
    switch (code) {
        case 'ENOENT': return 'no such file or directory';
        case 'EACCES': case 'EPERM': return 'permission denied';
        case 'EISDIR': return 'is a directory';
        case 'ELOOP': return 'too many levels of symbolic links';
        default: return code ?? (error instanceof Error ? error.message : String(error));
    }
}
