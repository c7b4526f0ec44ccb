import picomatch from 'picomatch';

/** The path of `target` below `base`, '/'-separated, or undefined when it is not below it. */
export type RelativePath = (base: string, target: string) => string | undefined;

/**
 * Files that are not models of the workspace: `ignores` in joinery.json (relative to
 * its folder) and `--ignore-pattern` (relative to the current folder), in picomatch's
 * glob syntax as ESLint's ignores are. A pattern that matches a folder covers every
 * file under it; one that ends in `/` matches folders only. The CLI gives paths of
 * the machine (cli/ignore-patterns.ts); the server, URI paths (the default).
 */
export class IgnorePatterns {
    private readonly rules: Array<{ base: string; matches: (relative: string) => boolean; foldersOnly: boolean }> = [];

    constructor(private readonly relative: RelativePath = uriRelative) {}

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

    /** Whether the file or folder is ignored, itself or by a folder above it. */
    ignores(target: string, isFolder = false): boolean {
        return this.rules.some(rule => {
            const relative = this.relative(rule.base, target);
            if (relative === undefined || relative === '') return false;
            const parts = relative.split('/');
            for (let length = 1; length <= parts.length; length++) {
                const folder = length < parts.length || isFolder;
                if ((folder || !rule.foldersOnly) && rule.matches(parts.slice(0, length).join('/'))) return true;
            }
            return false;
        });
    }
}

/** Below, for '/'-separated paths (a URI's path). */
function uriRelative(base: string, target: string): string | undefined {
    const prefix = `${base.replace(/\/+$/, '')}/`;
    return target.startsWith(prefix) ? target.slice(prefix.length) : undefined;
}
