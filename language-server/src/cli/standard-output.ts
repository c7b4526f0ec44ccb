import { describeFsError } from '../workspace/model-text.js';

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
