import type { LangiumDocument } from 'langium';
import { isActor, isArrangement, type Arrangement, type Model } from '../generated/ast.js';
import { sortFindings, type Finding } from '../findings/finding.js';
import type { RuleSettings } from './rule-settings.js';
import type { SuppressedFinding } from './suppression.js';
import type { RulesServices } from '../rules/rule-runner.js';
import { inputsByFile, projectInputs, shownInFile, type FileInput } from './file-findings.js';

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
    return findingsOf(projectInputs(services, settings), settings);
}

/**
 * The findings located in some documents, exactly as `collectFindings` reports
 * them there, read from the arrangements whose findings can land in them (see
 * `arrangementsReportingIn`). The server answers an edit with these first.
 */
export function collectDocumentFindings(services: RulesServices, documents: LangiumDocument[], arrangements: readonly Arrangement[], settings: RuleSettings = {}): Finding[] {
    const runner = services.rules.RuleRunner;
    const uris = new Set(documents.map(document => document.uri.toString()));
    return findingsOf(inputsByFile(documents, () => [
        ...runner.workspaceModelErrors(),
        ...runner.arrangementFindings(arrangements, rule => settings[rule] !== 'off')
    ].filter(finding => uris.has(finding.uri))), settings).findings;
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

/**
 * The findings file by file (`file-findings.ts`), in the order of `sortFindings`:
 * files by URI, then each file's own order. A file's findings depend on that file
 * alone, so the CLI's one pass and the server's file-by-file answers agree.
 */
function findingsOf(files: ReadonlyMap<string, FileInput>, settings: RuleSettings): { findings: Finding[]; suppressed: SuppressedFinding[] } {
    const findings: Finding[] = [];
    const suppressed: SuppressedFinding[] = [];
    for (const uri of [...files.keys()].sort()) {
        const shown = shownInFile(files.get(uri)!, settings);
        for (const finding of shown.findings) findings.push(finding);
        for (const finding of shown.suppressed) suppressed.push(finding);
    }
    return { findings, suppressed };
}
