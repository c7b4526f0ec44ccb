import type { LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { messageText, type FindingData } from '../validation/document-validator.js';
import { compareFindings, type Finding, type Severity } from '../findings/finding.js';
import { applyRuleSettings, type RuleSettings } from './rule-settings.js';
import { separateSuppressed, type SuppressedFinding } from './suppression.js';
import { internalErrorFinding } from '../findings/internal-error.js';
import { visibleText } from '../language/visible-text.js';
import type { RulesServices } from '../rules/rule-runner.js';

/**
 * What one file's findings are made from: its document (whose suppression comments
 * apply to them) and the findings located in it, model errors first, in the order
 * they were made. Everything that decides what a file reports is here: a
 * suppression silences only findings of its own file, and rule settings and
 * sorting go finding by finding.
 */
export interface FileInput {
    document?: LangiumDocument;
    findings: Finding[];
}

/** The findings of `documents` and of the analysis, by the file they are located in; every document has an entry. */
export function inputsByFile(documents: readonly LangiumDocument[], analyse: () => Finding[]): Map<string, FileInput> {
    const files = new Map<string, FileInput>();
    for (const document of documents) {
        const findings: Finding[] = [];
        for (const diagnostic of document.diagnostics ?? []) {
            // A document not validated again keeps its diagnostics, and so its findings stay the same objects.
            let finding = fromDiagnostics.get(diagnostic);
            if (!finding) fromDiagnostics.set(diagnostic, finding = fromDiagnostic(document, diagnostic));
            findings.push(finding);
        }
        files.set(document.uri.toString(), { document, findings });
    }
    let analysed: Finding[];
    try {
        analysed = analyse();
    } catch (error) {
        // A bug in the analysis must not hide the model errors found so far, nor crash the check.
        const where = { uri: documents[0]?.uri.toString() ?? '', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
        analysed = [internalErrorFinding(where, 'the integration gaps of this workspace', error)];
    }
    for (const finding of analysed) {
        const file = files.get(finding.uri);
        if (file) file.findings.push(finding); else files.set(finding.uri, { findings: [finding] });
    }
    return files;
}

/** A project's inputs, file by file: its documents' model errors and its enabled rules' findings over the workspace model. */
export function projectInputs(services: RulesServices, settings: RuleSettings): Map<string, FileInput> {
    const runner = services.rules.RuleRunner;
    return inputsByFile(services.references.Project.documents(), () => runner.workspaceFindings(rule => settings[rule] !== 'off'));
}

/** One file's findings as reported: suppressions applied, then the rule settings, shown visibly, sorted. */
export function shownInFile(file: FileInput, settings: RuleSettings): { findings: Finding[]; suppressed: SuppressedFinding[] } {
    const { kept, suppressed } = separateSuppressed(file.findings, file.document ? [file.document] : []);
    return {
        findings: applyRuleSettings(kept, settings).map(visibleFinding).sort(compareFindings),
        suppressed: applyRuleSettings(suppressed, settings).map(visibleFinding).sort(compareFindings)
    };
}

/**
 * Every file's findings of a project, as `collectFindings` reports them, for a
 * server that asks again after every edit: a file whose findings, document and
 * settings are those of the last time is answered with the list made then (the
 * same array), so only the files an edit touched are suppressed, sorted and
 * compared again. An edit in a workspace of a thousand files touches a few.
 */
export class FindingsByFile {
    private last = new Map<string, { findings: readonly Finding[]; parse: unknown; settings: string; shown: readonly Finding[] }>();

    constructor(private readonly services: RulesServices) {}

    /** Each file's findings (a file with none may be absent). */
    collect(settings: RuleSettings): Map<string, readonly Finding[]> {
        const files = projectInputs(this.services, settings);
        const settingsKey = JSON.stringify(settings);
        const shown = new Map<string, readonly Finding[]>();
        const last: typeof this.last = new Map();
        for (const [uri, input] of files) {
            const before = this.last.get(uri);
            // A document parsed again may hold other suppression comments, whatever its findings.
            const parse = input.document?.parseResult;
            const kept = before && before.settings === settingsKey && before.parse === parse && sameObjects(before.findings, input.findings);
            const entry = kept ? before : { findings: input.findings, parse, settings: settingsKey, shown: shownInFile(input, settings).findings };
            last.set(uri, entry);
            shown.set(uri, entry.shown);
        }
        this.last = last;
        return shown;
    }
}

function sameObjects(a: readonly Finding[], b: readonly Finding[]): boolean {
    return a.length === b.length && a.every((finding, i) => finding === b[i]);
}

const fromDiagnostics = new WeakMap<Diagnostic, Finding>();

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
