import type { LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { isArrangement, type Model } from '../generated/ast.js';
import { messageText, type FindingData } from '../validation/document-validator.js';
import { compareFindings, type Finding, type Severity } from '../findings/finding.js';
import { applyRuleSettings, type RuleSettings } from './rule-settings.js';
import { separateSuppressed, type SuppressedFinding } from './suppression.js';
import { internalErrorFinding } from '../findings/internal-error.js';
import { visibleText } from '../language/visible-text.js';
import type { RulesServices } from '../rules/rule-runner.js';

/**
 * Every finding of the workspace: each document's model errors plus the
 * workspace-wide analysis. The CLI prints exactly this list and the server
 * publishes exactly this list, so the two always agree.
 */
export function collectFindings(services: RulesServices, settings: RuleSettings = {}): Finding[] {
    return collectFindingsAndAccepted(services, settings).findings;
}

/**
 * `collectFindings`, and beside it the findings that suppression comments
 * silenced (with the rule settings applied to them too): the accepted risks a
 * report lists.
 */
export function collectFindingsAndAccepted(services: RulesServices, settings: RuleSettings = {}): { findings: Finding[]; suppressed: SuppressedFinding[] } {
    const documents = services.shared.workspace.LangiumDocuments.all.toArray();
    const runner = services.rules.RuleRunner;
    return findingsOf(documents, settings, () => runner.workspaceFindings(rule => settings[rule] !== 'off'));
}

/**
 * The findings located in some documents that hold only arrangements, exactly as
 * `collectFindings` reports them there: a gap is reported on the arrangement's own
 * elements or on top-level actors, so these documents' findings come from their
 * own arrangements. The server answers an edit with these first.
 */
export function collectDocumentFindings(services: RulesServices, documents: LangiumDocument[], settings: RuleSettings = {}): Finding[] {
    const runner = services.rules.RuleRunner;
    const uris = new Set(documents.map(document => document.uri.toString()));
    const arrangements = documents.flatMap(document => (document.parseResult.value as Model).declarations?.filter(isArrangement) ?? []);
    return findingsOf(documents, settings, () => [
        ...runner.workspaceModelErrors().filter(finding => uris.has(finding.uri)),
        ...runner.arrangementFindings(arrangements, rule => settings[rule] !== 'off')
    ]).findings;
}

/** Whether a document declares arrangements and nothing else at top level. */
export function holdsOnlyArrangements(document: LangiumDocument): boolean {
    return ((document.parseResult.value as Model).declarations ?? []).every(isArrangement);
}

function findingsOf(documents: LangiumDocument[], settings: RuleSettings, analyse: () => Finding[]): { findings: Finding[]; suppressed: SuppressedFinding[] } {
    const findings: Finding[] = [];
    for (const document of documents) {
        for (const diagnostic of document.diagnostics ?? []) findings.push(fromDiagnostic(document, diagnostic));
    }
    try {
        for (const finding of analyse()) findings.push(finding);
    } catch (error) {
        // A bug in the analysis must not hide the model errors found so far, nor crash the check.
        const where = { uri: documents[0]?.uri.toString() ?? '', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
        findings.push(internalErrorFinding(where, 'the integration gaps of this workspace', error));
    }
    const { kept, suppressed } = separateSuppressed(findings, documents);
    return {
        findings: applyRuleSettings(kept, settings).map(visibleFinding).sort(compareFindings),
        suppressed: applyRuleSettings(suppressed, settings).map(visibleFinding).sort(compareFindings)
    };
}

/** Model text in messages (titles, names) shown as it reads: controls and bidi controls visibly, in every output. */
function visibleFinding<F extends Finding>(finding: F): F {
    const message = visibleText(finding.message);
    const related = finding.related?.map(r => {
        const shown = visibleText(r.message);
        return shown === r.message ? r : { ...r, message: shown };
    });
    if (message === finding.message && (!related || related.every((r, i) => r === finding.related![i]))) return finding;
    return { ...finding, message, ...(related ? { related } : {}) };
}

function fromDiagnostic(document: LangiumDocument, diagnostic: Diagnostic): Finding {
    const data = (diagnostic.data ?? {}) as Partial<FindingData>;
    return {
        uri: document.uri.toString(),
        range: diagnostic.range,
        severity: toSeverity(diagnostic.severity),
        rule: data.rule ?? String(diagnostic.code ?? 'semantic'),
        message: messageText(diagnostic.message),
        ...(data.arrangement ? { arrangement: data.arrangement } : {}),
        ...(data.element ? { element: data.element } : {}),
        ...(data.suggestion ? { suggestion: data.suggestion } : {})
    };
}

function toSeverity(severity: number | undefined): Severity {
    return severity === 2 ? 'warning' : severity === 3 || severity === 4 ? 'info' : 'error';
}
