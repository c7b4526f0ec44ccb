/** A reason the check cannot run at all (CLI.md: exit code 2, one line on standard error). */
export class UsageError extends Error { }
