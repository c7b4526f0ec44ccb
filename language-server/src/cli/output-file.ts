import { mkdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { UsageError } from './usage-error.js';
import { describeFsError } from './workspace-files.js';

/**
 * Writes a report (`--output`; a PDF is bytes) or a baseline (`--write-baseline`), creating missing
 * folders, and refuses to write over one of the model files just read: a slip such
 * as `-o model.joinery` would otherwise destroy the model.
 */
export function writeOutputFile(file: string, text: string | Uint8Array, cwd: string, models: readonly string[], option = '--output'): void {
    const target = path.resolve(cwd, file);
    const real = realPath(target);
    if (models.some(model => model === target || realPath(model) === real)) {
        throw new UsageError(`${option} ${file} is one of the model files being checked; refusing to overwrite it`);
    }
    try {
        if (statSync(target, { throwIfNoEntry: false })?.isDirectory()) throw Object.assign(new Error(), { code: 'EISDIR' });
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, text);
    } catch (error) {
        throw new UsageError(`cannot write '${file}': ${describeFsError(error)}`);
    }
}

function realPath(file: string): string {
    try {
        return realpathSync(file);
    } catch {
        return file;
    }
}
