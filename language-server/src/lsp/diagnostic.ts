import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { findRule } from '../rules/registry.js';
import { ruleDocsUri } from '../rules/rule-docs-location.js';
import type { Finding, Severity } from '../findings/finding.js';

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
    error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information
};

/** Whether two findings make the same diagnostic (every field `toDiagnostic` reads): a file whose findings were made again, alike, need not be sent again. */
export function sameDiagnostic(a: Finding, b: Finding): boolean {
    return a === b || (a.rule === b.rule && a.severity === b.severity && a.message === b.message && sameRange(a.range, b.range)
        && a.arrangement === b.arrangement && a.element === b.element && a.suggestion === b.suggestion
        && (a.related?.length ?? 0) === (b.related?.length ?? 0)
        && (a.related ?? []).every((r, i) => r.uri === b.related![i].uri && r.message === b.related![i].message && sameRange(r.range, b.related![i].range)));
}

function sameRange(a: Finding['range'], b: Finding['range']): boolean {
    return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** A finding as an LSP diagnostic: `code` is the rule id. */
export function toDiagnostic(finding: Finding): Diagnostic {
    const docs = findRule(finding.rule) ? ruleDocsUri(finding.rule) : undefined;
    return {
        range: finding.range,
        severity: LSP_SEVERITY[finding.severity],
        code: finding.rule,
        ...(docs ? { codeDescription: { href: docs } } : {}),
        source: 'joinery',
        message: finding.message,
        ...(finding.related?.length ? { relatedInformation: finding.related.map(r => ({ location: { uri: r.uri, range: r.range }, message: r.message })) } : {}),
        data: {
            rule: finding.rule,
            ...(finding.arrangement ? { arrangement: finding.arrangement } : {}),
            ...(finding.element ? { element: finding.element } : {}),
            ...(finding.suggestion ? { suggestion: finding.suggestion } : {})
        }
    };
}
