import type { AstNode } from 'langium';
import type { ArrangementModel } from '../analysis/arrangement-model.js';
import type { Severity } from '../findings/finding.js';

/** Seed 001's Table 3 types, plus maturity and power (RULES.md). */
export type IntegrationType = 'structural' | 'relational' | 'institutional' | 'maturity' | 'power';

export interface RuleReport {
    /** The element that is missing something. */
    node: AstNode;
    message: string;
    /**
     * What the finding is about when its node alone does not say, because one element
     * can carry several of the rule's findings (a sector of the arrangement; both
     * systems of an unlinked pair, in a fixed order so that reordering them changes
     * nothing): its fingerprint uses this in place of the element's name. Never shown.
     */
    subject?: string;
    /** Other places that explain the finding (the intermediary, the unlinked system, …). */
    related?: Array<{ node: AstNode; message: string }>;
    /** One of the rule's `scopes`: what within the element this finding is about (a sector). */
    scope?: string;
}

/**
 * One gap rule: its identity, its documentation and its check, in one module
 * (after ESLint's rules). The check reads only the derived integration model.
 */
export interface GapRule {
    id: string;
    type: IntegrationType;
    defaultSeverity: Severity;
    /** One line, for tables and SARIF. */
    description: string;
    /** The documentation page: what, why (with the seed), how to fix. */
    docs: RuleDocs;
    /**
     * When the rule reports several things on one element (power-asymmetry: one
     * finding per sector on the arrangement), what they are: a suppression may name
     * one of them (`// joinery-ignore power-asymmetry independent: <reason>`).
     */
    scopes?: { noun: string; values: readonly string[] };
    check(model: ArrangementModel, report: (finding: RuleReport) => void): void;
}

export interface RuleDocs {
    what: string;
    why: string;
    seed: string;
    /** A source beside the seed: the statute or standard a rule checks against. */
    source?: string;
    failing: string;
    passing: string;
    fix: string;
}
