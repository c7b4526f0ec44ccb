import * as path from 'node:path';
import picomatch from 'picomatch';

/**
 * Files that are not models of the workspace: `ignores` in joinery.json (relative to
 * its folder) and `--ignore-pattern` (relative to the current folder), in picomatch's
 * glob syntax as ESLint's ignores are. A pattern that matches a folder covers every
 * file under it; one that ends in `/` matches folders only.
 */
export class IgnorePatterns {
    private readonly rules: Array<{ base: string; matches: (relative: string) => boolean; foldersOnly: boolean }> = [];

    add(patterns: readonly string[], base: string): this {
        for (const pattern of patterns) {
            const foldersOnly = pattern.endsWith('/');
            const glob = pattern.replace(/^\.\//, '').replace(/\/+$/, '');
            this.rules.push({ base, matches: picomatch(glob, { dot: true }), foldersOnly });
        }
        return this;
    }

    get size(): number {
        return this.rules.length;
    }

    /** Whether the file or folder (an absolute path) is ignored, itself or by a folder above it. */
    ignores(absolute: string, isFolder = false): boolean {
        return this.rules.some(rule => {
            const relative = path.relative(rule.base, absolute).split(path.sep).join('/');
            if (relative === '' || relative.startsWith('../') || relative === '..' || path.isAbsolute(relative)) return false;
            const parts = relative.split('/');
            for (let length = 1; length <= parts.length; length++) {
                const folder = length < parts.length || isFolder;
                if ((folder || !rule.foldersOnly) && rule.matches(parts.slice(0, length).join('/'))) return true;
            }
            return false;
        });
    }
}
