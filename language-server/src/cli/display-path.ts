import * as path from 'node:path';
import { URI } from 'langium';
import { STDIN_NAME } from './workspace-files.js';

/**
 * How output names a model file: relative to the current folder, with `/` on every
 * system, `<stdin>` for standard input. One per file, however many findings the
 * file has (a large workspace has tens of thousands).
 */
export function displayPaths(cwd: string): (uri: string) => string {
    const shown = new Map<string, string>();
    return uri => {
        if (!uri) return '';
        let display = shown.get(uri);
        if (display === undefined) {
            const file = URI.parse(uri).fsPath;
            display = path.basename(file) === STDIN_NAME ? STDIN_NAME : path.relative(cwd, file).split(path.sep).join('/');
            shown.set(uri, display);
        }
        return display;
    };
}

/** Where a CI system looks for a file: relative to the repository's root (`--root`). */
export interface RootedPath {
    /** Relative to the root with `/` separators; absolute when the file is outside it; `<stdin>` for standard input. */
    path: string;
    inRoot: boolean;
}

/**
 * Paths for the formats that CI systems read (sarif, github, gitlab, junit), which
 * place a finding by its path from the repository's root, wherever the check ran.
 */
export function rootedPaths(root: string): (uri: string) => RootedPath {
    const shown = new Map<string, RootedPath>();
    return uri => {
        let rooted = shown.get(uri);
        if (rooted === undefined) {
            const file = uri ? URI.parse(uri).fsPath : '';
            const relative = path.relative(root, file);
            rooted = !uri || path.basename(file) === STDIN_NAME ? { path: STDIN_NAME, inRoot: false }
                : relative.startsWith('..') || path.isAbsolute(relative) ? { path: file.split(path.sep).join('/'), inRoot: false }
                    : { path: relative.split(path.sep).join('/'), inRoot: true };
            shown.set(uri, rooted);
        }
        return rooted;
    };
}
