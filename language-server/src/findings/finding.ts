import { AstUtils, GrammarUtils, type AstNode } from 'langium';
import type { Range } from 'vscode-languageserver';
import { isArrangement } from '../generated/ast.js';
import { enclosingNamed } from '../validation/document-validator.js';
import { nameNode } from '../parser/declaration-syntax.js';

export type Severity = 'error' | 'warning' | 'info';

export interface RelatedLocation {
    uri: string;
    range: Range;
    message: string;
}

/**
 * One thing wrong with the model: a model error (`syntax`, `reference`, `semantic`)
 * or a gap rule's finding. The CLI formats these; the server turns them into
 * diagnostics. Both get them from the same `collectFindings`.
 */
export interface Finding {
    uri: string;
    range: Range;
    severity: Severity;
    rule: string;
    message: string;
    /** The arrangement the finding belongs to (absent for top-level model errors). */
    arrangement?: string;
    /** The element reported on: the arrangement's name for whole-arrangement findings. */
    element?: string;
    related?: RelatedLocation[];
    /** A did-you-mean name for unresolved references. */
    suggestion?: string;
    /** What it is about when its element alone does not say (a gap rule's `RuleReport.subject`). */
    subject?: string;
    /** Its stable identity across edits (checking/fingerprint.ts), once the whole workspace's findings are known. */
    fingerprint?: string;
    /** What within its element it is about, when a rule reports several things there (power-asymmetry: the sector). */
    scope?: string;
}

/** `Arrangement.Element` for an element of an arrangement, the name alone for a top-level declaration. */
export function qualifiedName(node: AstNode): string {
    const name = (node as { name?: unknown }).name;
    const arrangement = isArrangement(node) ? undefined : AstUtils.getContainerOfType(node, isArrangement)?.name;
    return arrangement ? `${arrangement}.${String(name)}` : String(name);
}

/** Two elements in a fixed order, for a finding about the pair whichever of them it is shown on. */
export function pairSubject(a: AstNode, b: AstNode): string {
    return [qualifiedName(a), qualifiedName(b)].sort().join(' ~ ');
}

/** Where a finding about `node` is shown: its name when it has one, else the whole declaration. */
export function locate(node: AstNode, property?: string): { uri: string; range: Range } {
    const document = AstUtils.getDocument(node);
    const cst = (property ? GrammarUtils.findNodeForProperty(node.$cstNode, property) : undefined)
        ?? nameNode(node)
        ?? node.$cstNode;
    const range = cst?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return { uri: document.uri.toString(), range };
}

export function related(node: AstNode, message: string): RelatedLocation {
    const { uri, range } = locate(node);
    return { uri, range, message };
}

/**
 * A finding located at `node`, attributed to its arrangement and innermost named
 * element. Built field by field, not by spreading: a large workspace makes tens of
 * thousands of them.
 */
export function findingAt(node: AstNode, fields: { rule: string; severity: Severity; message: string; property?: string; arrangement?: string }): Finding {
    const arrangement = fields.arrangement ?? AstUtils.getContainerOfType(node, isArrangement)?.name;
    const element = enclosingNamed(node);
    const { uri, range } = locate(node, fields.property);
    const finding: Finding = { uri, range, severity: fields.severity, rule: fields.rule, message: fields.message };
    if (arrangement) finding.arrangement = arrangement;
    if (element) finding.element = element;
    return finding;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Sorted by file, then position (CLI.md), then rule, so output is stable. */
export function compareFindings(a: Finding, b: Finding): number {
    return compare(a.uri, b.uri)
        || a.range.start.line - b.range.start.line
        || a.range.start.character - b.range.start.character
        || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]
        || compare(a.rule, b.rule)
        || compare(a.arrangement ?? '', b.arrangement ?? '')
        || compare(a.message, b.message);
}

/**
 * `findings.sort(compareFindings)`, file by file: findings are grouped by file
 * first (the first thing compareFindings compares), so that a sort compares
 * findings of one file, not the long URIs of thousands of files.
 */
export function sortFindings<F extends Finding>(findings: readonly F[]): F[] {
    const byFile = new Map<string, F[]>();
    for (const finding of findings) {
        const list = byFile.get(finding.uri);
        if (list) list.push(finding); else byFile.set(finding.uri, [finding]);
    }
    const sorted: F[] = [];
    for (const uri of [...byFile.keys()].sort(compare)) for (const finding of byFile.get(uri)!.sort(compareFindings)) sorted.push(finding);
    return sorted;
}

function compare(a: string, b: string): number {
    // Mostly the same file's URI, the very same string: equal without reading it.
    return a === b ? 0 : a < b ? -1 : a > b ? 1 : 0;
}
