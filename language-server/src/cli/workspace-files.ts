import { readdirSync, statSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import { describeFsError, walkDecision } from '../workspace/model-text.js';
import picomatch from 'picomatch';
import { IgnorePatterns } from './ignore-patterns.js';
import { UsageError } from './usage-error.js';

export { describeFsError };

/** Standard input, named like this in output. */
export const STDIN_NAME = '<stdin>';

/** The document URI of a model file, as load-workspace.ts gives it (standard input gets one in the current folder). */
export function modelUri(file: string, cwd: string): URI {
    return file === STDIN_NAME ? URI.file(path.join(cwd, STDIN_NAME)) : URI.file(file);
}

/** Which model files some paths name, and how many of those named as files are ignored. */
export interface FileSelection {
    files: string[];
    /** Files named on the command line that an ignore pattern skips (a pre-commit hook passes such files). */
    ignoredGiven: string[];
}

/**
 * The model files the paths name: `.joinery` files under folders (skipping the
 * folders `workspace/model-files.ts` names: hidden ones, `node_modules`, `out`),
 * files as given, `-` for standard input, and a quoted glob's matches among the model
 * files under its fixed part (`'models/**\/*.joinery'`); what an ignore pattern
 * matches is left out. Symbolic links to files are checked; links to folders are
 * not followed, so a link loop cannot hang the walk; a broken or looping link named
 * `.joinery` is kept so that it is reported, and so is a folder that cannot be
 * listed. A path that does not exist (and is no glob) means the check cannot run.
 */
export async function findModelFiles(paths: string[], cwd: string, ignores = new IgnorePatterns()): Promise<FileSelection> {
    const files = new Set<string>();
    const ignoredGiven: string[] = [];
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
            const glob = picomatch.scan(given);
            if (glob.isGlob) {
                for (const file of globMatches(given, cwd, ignores)) files.add(file);
                continue;
            }
            throw new UsageError(`cannot read '${given}': ${describeFsError(error)}`);
        }
        if (!isDirectory) {
            if (ignores.ignores(absolute)) ignoredGiven.push(given); else files.add(absolute);
            continue;
        }
        const found: string[] = [];
        walk(absolute, found, ignores);
        for (const file of found.sort()) files.add(file);
    }
    return { files: [...files], ignoredGiven };
}

/**
 * The check cannot run on nothing: a wrong path or glob must not keep a pipeline green.
 * Only files given by name that are all ignored (a pre-commit hook's) leave nothing to do.
 */
export function requireModelFiles(selection: FileSelection, paths: string[]): void {
    if (selection.files.length > 0 || selection.ignoredGiven.length > 0) return;
    const named = paths.length === 0 ? 'the current folder' : paths.map(p => `'${p}'`).join(', ');
    throw new UsageError(`no model file (*.joinery) in ${named}`);
}

/** A glob's matches: the model files under its fixed part, matched against their paths from the current folder. */
function globMatches(pattern: string, cwd: string, ignores: IgnorePatterns): string[] {
    const scan = picomatch.scan(pattern);
    const base = path.resolve(cwd, scan.base || '.');
    const found: string[] = [];
    try {
        if (!statSync(base).isDirectory()) return [];
    } catch {
        return [];
    }
    walk(base, found, ignores);
    const absolutePattern = path.isAbsolute(pattern);
    const matches = picomatch(absolutePattern ? pattern : pattern.replace(/^\.\//, ''));
    return found.filter(file => matches(absolutePattern ? file : path.relative(cwd, file).split(path.sep).join('/'))).sort();
}

function walk(folder: string, found: string[], ignores: IgnorePatterns): void {
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
        const full = path.join(folder, entry.name);
        if (decision === 'folder' && !ignores.ignores(full, true)) walk(full, found, ignores);
        else if (decision === 'model' && !ignores.ignores(full)) found.push(full);
    }
}
