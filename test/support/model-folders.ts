import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/**
 * A temporary folder for a test file, made before its tests and removed after,
 * with `folder(name, files)` writing a workspace of model files (and any other
 * files) under it.
 */
export function modelFolders(prefix: string): { readonly root: string; folder(name: string, files: Record<string, string>): string } {
    let root = '';
    beforeAll(() => { root = mkdtempSync(path.join(tmpdir(), prefix)); });
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    return {
        get root() { return root; },
        folder(name, files) {
            const folder = path.join(root, name);
            mkdirSync(folder, { recursive: true });
            writeModelFiles(folder, files);
            return folder;
        }
    };
}

/** A new temporary folder holding these files (relative paths; folders made as needed), for one test to remove. */
export function temporaryModelFolder(prefix: string, files: Record<string, string>): string {
    const folder = mkdtempSync(path.join(tmpdir(), prefix));
    writeModelFiles(folder, files);
    return folder;
}

function writeModelFiles(folder: string, files: Record<string, string>): void {
    for (const [file, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
        writeFileSync(path.join(folder, file), text);
    }
}
