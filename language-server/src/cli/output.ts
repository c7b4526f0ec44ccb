import { realpathSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describeFsError } from '../workspace/model-text.js';
import { UsageError } from './usage-error.js';

/**
 * `--output FILE`: the report written to FILE, unless FILE is one of the models
 * being read (issue 19: `--output model.joinery` overwrote the model with its own
 * report). Then nothing is written and the run stops with exit code 2.
 */
export function writeOutputFile(file: string, text: string, inputs: readonly string[], cwd = process.cwd()): void {
    const target = canonical(path.resolve(cwd, file));
    if (inputs.some(input => canonical(input) === target)) {
        throw new UsageError(`--output '${file}' is one of the models being checked; it was not overwritten: write the report to another file`);
    }
    try {
        writeFileSync(file, text);
    } catch (error) {
        throw new UsageError(`cannot write '${file}': ${describeFsError(error)}`);
    }
}

/** The real path, through links; the path itself when it does not exist (yet). */
function canonical(file: string): string {
    try {
        return realpathSync(file);
    } catch {
        return file;
    }
}

/**
 * Standard output that cannot take the report: a reader that went away (`| head`)
 * ends the run quietly; a full disk or any other failure is one line on standard
 * error and exit code 2, never a stack trace.
 */
export function guardStandardOutput(): void {
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
        const reason = error.code === 'ENOSPC' ? 'no space left on device' : describeFsError(error);
        try {
            process.stderr.write(`joinery: cannot write the output: ${reason}\n`);
        } finally {
            process.exit(2);
        }
    });
}
