import type { LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { isActor, isArrangement, type Arrangement, type Model } from '../generated/ast.js';
import { messageText, type FindingData } from '../validation/document-validator.js';
import { sortFindings, type Finding, type Severity } from '../findings/finding.js';
import { applyRuleSettings, type RuleSettings } from './rule-settings.js';
import { separateSuppressed, type SuppressedFinding } from './suppression.js';
import { internalErrorFinding } from '../findings/internal-error.js';
import { visibleText } from '../language/visible-text.js';
import type { RulesServices } from '../rules/rule-runner.js';

/**
 * Every finding of the workspace (of the project these services serve: see
 * `collectProjectFindings` for every project): each document's model errors
 * plus the workspace-wide analysis. The CLI prints exactly this list and the
 * server publishes exactly this list, so the two always agree.
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
    const documents = services.references.Project.documents();
    const runner = services.rules.RuleRunner;
    return findingsOf(documents, settings, () => runner.workspaceFindings(rule => settings[rule] !== 'off'));
}

/**
 * The findings located in some documents, exactly as `collectFindings` reports
 * them there, read from the arrangements whose findings can land in them (see
 * `arrangementsReportingIn`). The server answers an edit with these first.
 */
export function collectDocumentFindings(services: RulesServices, documents: LangiumDocument[], arrangements: readonly Arrangement[], settings: RuleSettings = {}): Finding[] {
    const runner = services.rules.RuleRunner;
    const uris = new Set(documents.map(document => document.uri.toString()));
    return findingsOf(documents, settings, () => [
        ...runner.workspaceModelErrors(),
        ...runner.arrangementFindings(arrangements, rule => settings[rule] !== 'off')
    ].filter(finding => uris.has(finding.uri))).findings;
}

/**
 * The arrangements whose gaps can be reported in these documents: a gap is
 * reported on an arrangement's own elements or on the top-level actors it
 * involves, and an actor no arrangement involves is reported with the one it is
 * filed with. For a file of one partnership's own actors that is its own
 * arrangement; for a file of actors every partnership shares, all of them.
 */
export function arrangementsReportingIn(services: RulesServices, documents: LangiumDocument[]): Arrangement[] {
    const involvement = services.analysis.IntegrationAnalysis.workspaceModel().involvement;
    const arrangements = new Set<Arrangement>();
    for (const document of documents) {
        for (const declaration of (document.parseResult.value as Model).declarations ?? []) {
            if (isArrangement(declaration)) arrangements.add(declaration);
            if (!isActor(declaration)) continue;
            for (const arrangement of involvement.arrangementsOf(declaration)) arrangements.add(arrangement);
            const filed = involvement.filedWith(declaration);
            if (filed) arrangements.add(filed);
        }
    }
    return [...arrangements];
}

/**
 * Several projects' findings as one sorted list. A model belongs to one project,
 * but a profile file two projects name is read by both: its findings are kept once.
 */
export function mergeProjectFindings<F extends Finding>(lists: readonly F[][]): F[] {
    if (lists.length === 1) return lists[0];
    const seen = new Set<string>();
    const merged: F[] = [];
    for (const list of lists) {
        for (const finding of list) {
            const key = JSON.stringify([finding.uri, finding.range, finding.rule, finding.message]);
            if (seen.has(key)) continue;
            seen.add(key);
            merged.push(finding);
        }
    }
    return sortFindings(merged);
}

const fromDiagnostics = new WeakMap<Diagnostic, Finding>();

function findingsOf(documents: LangiumDocument[], settings: RuleSettings, analyse: () => Finding[]): { findings: Finding[]; suppressed: SuppressedFinding[] } {
    const findings: Finding[] = [];
    for (const document of documents) {
        for (const diagnostic of document.diagnostics ?? []) {
            // A document not validated again keeps its diagnostics, and so its findings stay the same objects.
            let finding = fromDiagnostics.get(diagnostic);
            if (!finding) fromDiagnostics.set(diagnostic, finding = fromDiagnostic(document, diagnostic));
            findings.push(finding);
        }
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
        findings: sortFindings(applyRuleSettings(kept, settings).map(visibleFinding)),
        suppressed: sortFindings(applyRuleSettings(suppressed, settings).map(visibleFinding))
    };
}

/** Findings kept from one build to the next are the same objects, and so are shown alike. */
const shownFindings = new WeakMap<Finding, Finding>();

/** Model text in messages (titles, names) shown as it reads: controls and bidi controls visibly, in every output. */
function visibleFinding<F extends Finding>(finding: F): F {
    let shown = shownFindings.get(finding);
    if (!shown) shownFindings.set(finding, shown = showVisibly(finding));
    return shown as F;
}

function showVisibly<F extends Finding>(finding: F): F {
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
