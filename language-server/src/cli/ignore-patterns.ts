import * as path from 'node:path';
import { IgnorePatterns as Patterns } from '../workspace/ignore-patterns.js';

/** The workspace's ignore patterns (workspace/ignore-patterns.ts) over this machine's paths, as the CLI gives them. */
export class IgnorePatterns extends Patterns {
    constructor() {
        super((base, target) => {
            const relative = path.relative(base, target).split(path.sep).join('/');
            return relative.startsWith('../') || relative === '..' || path.isAbsolute(relative) ? undefined : relative;
        });
    }
}
