import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseBaseline, type BaselineEntry } from '../checking/baseline.js';
import { UsageError } from './usage-error.js';
import { describeFsError } from './workspace-files.js';

/**
 * The entries of `--baseline FILE`. A file that is missing, empty, truncated, some
 * other tool's JSON or of another version stops the check (exit 2): read as "no
 * baseline" it would pass every finding, or as "everything baselined" hide new ones.
 */
export function readBaseline(file: string, cwd: string): BaselineEntry[] {
    let text: string;
    try {
        text = readFileSync(path.resolve(cwd, file), 'utf-8');
    } catch (error) {
        throw new UsageError(`cannot read baseline '${file}': ${describeFsError(error)} (write one with --write-baseline ${file})`);
    }
    const entries = parseBaseline(text);
    if (typeof entries === 'string') throw new UsageError(`baseline ${file} ${entries}; write it again with --write-baseline ${file}`);
    return entries;
}
