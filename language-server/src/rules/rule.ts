import type { AstNode } from 'langium';
import type { ArrangementModel } from '../analysis/arrangement-model.js';
import type { Severity } from '../findings/finding.js';

/** Seed 001's Table 3 types, plus maturity and power (RULES.md). */
export type IntegrationType = 'structural' | 'relational' | 'institutional' | 'maturity' | 'power';

export interface RuleReport {
    /** The element that is missing something. */
    node: AstNode;
    message: string;
    /** Other places that explain the finding (the intermediary, the unlinked system, …). */
    related?: Array<{ node: AstNode; message: string }>;
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
