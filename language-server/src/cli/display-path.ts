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
