import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { findRule } from '../rules/registry.js';
import { ruleDocsUri } from '../rules/rule-docs-location.js';
import type { Finding, Severity } from '../findings/finding.js';

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
    error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information
};

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
