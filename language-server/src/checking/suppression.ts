import { AstUtils, CstUtils, MultiMap, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import type { Range } from 'vscode-languageserver';
import { isModel } from '../generated/ast.js';
import { findRule, MODEL_ERROR_RULES } from '../rules/registry.js';
import { findingAt, type Finding } from '../findings/finding.js';

export const UNUSED_SUPPRESSION = 'unused-suppression';
export const SUPPRESSION_WITHOUT_REASON = 'suppression-without-reason';

/**
 * `// joinery-ignore rule-a, rule-b: the reason` on the line before an element. A
 * rule with scopes may be followed by the ones to silence: `power-asymmetry independent`.
 */
const DIRECTIVE = /^\/\/\s*joinery-ignore\b\s*([^:]*)(?::(.*))?$/;

/** A gap-rule finding that a suppression comment silenced: an accepted risk, with the reason given for it. */
export interface SuppressedFinding extends Finding {
    suppression: { reason: string; uri: string; range: Range };
}

interface Suppression {
    comment: CstNode;
    /** The element it silences rules for. */
    element: AstNode;
    rules: string[];
    /** Per rule, the scopes it silences (a sector); a rule without any here is silenced whole. */
    scopes: Map<string, string[]>;
    reason: string;
    /** What it silenced: rule ids, and `rule scope` for scoped rules. */
    used: Set<string>;
}

/**
 * Drops the gap-rule findings that a suppression comment silences and reports the
 * suppressions that give no reason or silence nothing (RULES.md). Model errors are
 * never suppressed. Linear in comments plus findings.
 */
export function applySuppressions(findings: Finding[], documents: Iterable<LangiumDocument>): Finding[] {
    return separateSuppressed(findings, documents).kept;
}

/**
 * As `applySuppressions`, keeping what was silenced: the report lists those
 * findings as accepted risks, with the reason and where the suppression stands.
 */
export function separateSuppressed(findings: Finding[], documents: Iterable<LangiumDocument>): { kept: Finding[]; suppressed: SuppressedFinding[] } {
    const byUri = new Map<string, LangiumDocument>();
    const suppressions = new MultiMap<AstNode, Suppression>();
    const dangling: Finding[] = [];
    for (const document of documents) {
        byUri.set(document.uri.toString(), document);
        const found = suppressionsIn(document);
        for (const suppression of found.attached) suppressions.add(suppression.element, suppression);
        for (const comment of found.dangling) dangling.push(danglingFinding(document, comment));
    }
    const suppressed: SuppressedFinding[] = [];
    if (suppressions.size === 0 && dangling.length === 0) return { kept: findings, suppressed };

    const kept = findings.filter(finding => {
        if ((MODEL_ERROR_RULES as readonly string[]).includes(finding.rule)) return true;
        const element = elementAt(byUri.get(finding.uri), finding);
        const silencing = element && suppressions.get(element).find(s => silences(s, finding));
        if (!silencing) return true;
        silencing.used.add(finding.rule);
        if (finding.scope !== undefined) silencing.used.add(`${finding.rule} ${finding.scope}`);
        suppressed.push({ ...finding, suppression: { reason: silencing.reason, uri: AstUtils.getDocument(silencing.element).uri.toString(), range: silencing.comment.range } });
        return false;
    });

    for (const suppression of suppressions.values()) for (const problem of problemsOf(suppression)) kept.push(problem);
    for (const finding of dangling) kept.push(finding);
    return { kept, suppressed };
}

function danglingFinding(document: LangiumDocument, comment: CstNode): Finding {
    const around = findingAt(comment.astNode, { rule: UNUSED_SUPPRESSION, severity: 'warning', message: '' });
    return {
        ...around,
        uri: document.uri.toString(),
        range: comment.range,
        message: 'This joinery-ignore silences nothing: it must stand on the line directly before the element it is for'
    };
}

function problemsOf(suppression: Suppression): Finding[] {
    const node = suppression.element;
    const problems: Finding[] = [];
    const at = (rule: string, message: string) => {
        const finding = findingAt(node, { rule, severity: 'warning', message });
        return { ...finding, range: suppression.comment.range };
    };
    if (suppression.rules.length === 0) {
        problems.push(at(UNUSED_SUPPRESSION, 'This joinery-ignore names no rule: write `// joinery-ignore <rule-id>: <reason>`'));
    }
    if (!suppression.reason) {
        problems.push(at(SUPPRESSION_WITHOUT_REASON, `This joinery-ignore gives no reason: say why the gap is acceptable after a colon (\`// joinery-ignore ${suppression.rules[0] ?? '<rule-id>'}: <reason>\`)`));
    }
    const name = (node as { name?: string }).name ?? 'this element';
    for (const rule of suppression.rules) {
        const scopes = suppression.scopes.get(rule);
        if (scopes) {
            const noun = findRule(rule)?.scopes?.noun ?? 'scope';
            for (const scope of scopes) {
                if (suppression.used.has(`${rule} ${scope}`)) continue;
                problems.push(at(UNUSED_SUPPRESSION, `This joinery-ignore silences nothing for the ${scope} ${noun}: ${rule} reports nothing on ${name} for it; remove it`));
            }
            continue;
        }
        if (suppression.used.has(rule)) continue;
        problems.push(at(UNUSED_SUPPRESSION, findRule(rule)
            ? `This joinery-ignore silences nothing: ${rule} reports nothing on ${name}; remove it`
            : `This joinery-ignore names '${rule}', which is not a gap rule`));
    }
    return problems;
}

function silences(suppression: Suppression, finding: Finding): boolean {
    if (!suppression.rules.includes(finding.rule)) return false;
    const scopes = suppression.scopes.get(finding.rule);
    return !scopes || (finding.scope !== undefined && scopes.includes(finding.scope));
}

/**
 * The rules a directive names and, after a rule that has scopes, the scopes named
 * for it (`power-asymmetry independent, third`). A word that is neither is kept as a
 * rule id, which problemsOf reports as not a gap rule.
 */
function parseRules(list: string): { rules: string[]; scopes: Map<string, string[]> } {
    const rules: string[] = [];
    const scopes = new Map<string, string[]>();
    let scoped: { rule: string; values: readonly string[] } | undefined;
    for (const word of list.split(/[\s,]+/).filter(Boolean)) {
        if (scoped && scoped.values.includes(word) && !findRule(word)) {
            const list = scopes.get(scoped.rule);
            if (list) { if (!list.includes(word)) list.push(word); } else scopes.set(scoped.rule, [word]);
            continue;
        }
        if (!rules.includes(word)) rules.push(word);
        const values = findRule(word)?.scopes?.values;
        scoped = values ? { rule: word, values } : undefined;
    }
    return { rules, scopes };
}

/** The suppression comments of a document, each tied to the declaration on the next line. */
function suppressionsIn(document: LangiumDocument): { attached: Suppression[]; dangling: CstNode[] } {
    const root = document.parseResult.value.$cstNode;
    const dangling: CstNode[] = [];
    // Most files have no directive; walking every token of them on each edit is wasted.
    if (!root || !document.textDocument.getText().includes('joinery-ignore')) return { attached: [], dangling };
    const found: Suppression[] = [];
    let pending: Array<{ comment: CstNode; rules: string[]; scopes: Map<string, string[]>; reason: string }> = [];
    let lastLine = -2;
    for (const leaf of CstUtils.flattenCst(root)) {
        if (leaf.hidden) {
            const match = DIRECTIVE.exec(leaf.text.trim());
            // Directives stack on consecutive lines; anything else between breaks the run.
            if (pending.length > 0 && leaf.range.start.line !== lastLine + 1) {
                for (const p of pending) dangling.push(p.comment);
                pending = [];
            }
            if (match) {
                pending.push({ comment: leaf, ...parseRules(match[1]), reason: (match[2] ?? '').trim() });
            }
            lastLine = leaf.range.end.line;
            continue;
        }
        if (pending.length > 0) {
            const element = leaf.range.start.line === lastLine + 1 ? declarationStartingAt(leaf) : undefined;
            if (element) for (const p of pending) found.push({ ...p, element, used: new Set() });
            else for (const p of pending) dangling.push(p.comment);
        }
        pending = [];
        lastLine = leaf.range.end.line;
    }
    for (const p of pending) dangling.push(p.comment);
    return { attached: found, dangling };
}

/** The named declaration whose text begins with this token (its keyword). */
function declarationStartingAt(leaf: CstNode): AstNode | undefined {
    for (let node: AstNode | undefined = leaf.astNode; node && !isModel(node); node = node.$container) {
        if (node.$cstNode?.offset === leaf.offset && typeof (node as { name?: unknown }).name === 'string') return node;
        if (node.$cstNode && node.$cstNode.offset < leaf.offset) return undefined;
    }
    return undefined;
}

/** The declaration a gap-rule finding is about: the named node around its start (a suppression before it silences the finding). */
export function elementAt(document: LangiumDocument | undefined, finding: Finding): AstNode | undefined {
    const root = document?.parseResult.value.$cstNode;
    if (!document || !root) return undefined;
    const leaf = CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(finding.range.start));
    for (let node = leaf?.astNode; node && !isModel(node); node = node.$container) {
        if (typeof (node as { name?: unknown }).name === 'string') return node;
    }
    return undefined;
}
