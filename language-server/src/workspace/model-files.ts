/**
 * What counts as a model file, and which folders a walk skips: one decision for
 * the CLI's folder walk and the server's workspace loading, so a file is never an
 * error in `joinery check` and invisible in the editor (or the other way round).
 */

export const MODEL_FILE_EXTENSION = '.joinery';

/** Folders that hold other tools' files, never models: dependencies and build output. */
const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', 'out']);

/** Hidden entries (`.git`, `.vscode`, `.draft.joinery`) are never walked nor checked. */
function isHidden(name: string): boolean {
    return name.startsWith('.');
}

export function isSkippedFolder(name: string): boolean {
    return isHidden(name) || SKIPPED_FOLDERS.has(name);
}

export function isModelFileName(name: string): boolean {
    return !isHidden(name) && name.endsWith(MODEL_FILE_EXTENSION);
}

/** Whether a walk goes into this folder entry, or takes this file entry as a model. */
export function includesEntry(name: string, isFolder: boolean): boolean {
    return isFolder ? !isSkippedFolder(name) : isModelFileName(name);
}
