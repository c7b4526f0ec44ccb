import { DefaultFuzzyMatcher } from 'langium/lsp';

const DOT = '.'.charCodeAt(0);

/**
 * Langium's fuzzy matching, with the `.` of `North.IJB` as a word boundary, so
 * that searching workspace symbols (or filtering completions) for `IJB` finds
 * the forum of every arrangement.
 */
export class QualifiedNameFuzzyMatcher extends DefaultFuzzyMatcher {
    protected override isWordTransition(previous: number, current: number): boolean {
        return previous === DOT || super.isWordTransition(previous, current);
    }
}
