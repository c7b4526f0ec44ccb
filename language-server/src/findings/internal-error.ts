import type { Finding } from './finding.js';

/**
 * A bug in Joinery met while checking, reported as a finding (the words "internal
 * error" mark it) so that the rest of the check still runs and nothing crashes.
 * The fuzz harness (test/fuzz) treats any such finding as a failure.
 */
export function internalErrorFinding(where: { uri: string; range: Finding['range'] }, what: string, error: unknown, rule = 'semantic'): Finding {
    const reason = error instanceof Error ? error.message : String(error);
    return {
        ...where, rule, severity: 'error',
        message: `Joinery could not check ${what} (internal error: ${reason.split('\n')[0]}); the rest was checked. Please report this with the model.`
    };
}
