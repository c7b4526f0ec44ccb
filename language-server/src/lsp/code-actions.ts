import type { LangiumDocument } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type Range } from 'vscode-languageserver';
import type { IntegrationAnalysis } from '../analysis/integration-analysis.js';
import { toDiagnostic } from './diagnostic.js';
import type { Finding } from '../findings/finding.js';
import type { JoineryServices } from './joinery-services.js';
import { replaceToken, workspaceEdit } from './model-edits.js';
import { QUICK_FIXES, type QuickFix } from './quick-fixes.js';
import { OPEN_RULE_DOCUMENTATION_COMMAND } from './client-commands.js';
import { suppressionEdit } from './suppression-actions.js';
import { findRule } from '../rules/registry.js';

/**
 * Quick fixes for the findings under the cursor: those of RULES.md (quick-fixes.ts)
 * and "did you mean" for unresolved names, each naming the file it edits when that
 * is another; then, for a gap rule, "Suppress <rule> for <element>…" and (for a
 * client that has the command) "Open documentation for <rule>". The findings are the server's own,
 * the same list it publishes, so a fix never acts on a stale diagnostic; each
 * action is tied to the client's matching diagnostic when the client sent one.
 */
export class JoineryCodeActionProvider implements CodeActionProvider {
    private readonly services: JoineryServices;
    private readonly analysis: IntegrationAnalysis;

    constructor(services: JoineryServices) {
        this.services = services;
        this.analysis = services.analysis.IntegrationAnalysis;
    }

    // Findings come from every file: the server answers once the whole workspace is validated (server/start-server.ts).
    getCodeActions(document: LangiumDocument, params: CodeActionParams): CodeAction[] {
        const only = params.context.only;
        if (only && !only.some(kind => CodeActionKind.QuickFix.startsWith(kind))) return [];
        const uri = document.uri.toString();
        const findings = this.services.findings.PublishedFindings.current()
            .filter(finding => finding.uri === uri && overlaps(finding.range, params.range));
        const sent = params.context.diagnostics;
        const actions: CodeAction[] = [];
        for (const finding of findings) {
            // When the client says which diagnostics it asks about, answer for those only.
            const matching = sent.find(d => d.code === finding.rule && d.message === finding.message && sameStart(d.range, finding.range) && sameOwner(d, finding));
            if (sent.length > 0 && !matching) continue;
            const diagnostic = matching ?? toDiagnostic(finding);
            for (const fix of this.fixesFor(finding, document)) {
                actions.push({
                    title: fix.title + elsewhere(fix, uri),
                    kind: CodeActionKind.QuickFix,
                    diagnostics: [diagnostic],
                    isPreferred: fix.preferred ?? false,
                    edit: workspaceEdit(fix.edits)
                });
            }
            const suppression = suppressionEdit(finding, document);
            if (suppression) {
                actions.push({ title: suppression.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: workspaceEdit([suppression.edit]) });
            }
            if (findRule(finding.rule) && this.services.lsp.ClientCommands.has(OPEN_RULE_DOCUMENTATION_COMMAND)) {
                actions.push({
                    title: `Open documentation for ${finding.rule}`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic],
                    command: { title: `Open documentation for ${finding.rule}`, command: OPEN_RULE_DOCUMENTATION_COMMAND, arguments: [finding.rule] }
                });
            }
        }
        return actions;
    }

    private fixesFor(finding: Finding, document: LangiumDocument): QuickFix[] {
        // Unresolved names, and profile or role ids that no profile defines.
        if (finding.rule === 'reference' || (finding.rule === 'semantic' && finding.suggestion)) return didYouMean(finding, document);
        const fixes = QUICK_FIXES[finding.rule] as (typeof QUICK_FIXES)[string] | undefined;
        const model = fixes && this.analysis.allArrangementModels().find(m => m.arrangement.name === finding.arrangement);
        return model ? fixes(finding, model) : [];
    }
}

/** " (in north.joinery)" when a fix writes to a file other than the one it is asked in, so the analyst knows where it wrote. */
function elsewhere(fix: QuickFix, uri: string): string {
    const others = [...new Set(fix.edits.map(edit => edit.uri).filter(other => other !== uri))];
    return others.length ? ` (in ${others.map(fileName).join(', ')})` : '';
}

function fileName(uri: string): string {
    return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

/** Replaces an unresolved name by the nearest declared one. */
function didYouMean(finding: Finding, document: LangiumDocument): QuickFix[] {
    const root = document.parseResult.value;
    if (!finding.suggestion || !root.$cstNode) return [];
    const token = { offset: document.textDocument.offsetAt(finding.range.start), end: document.textDocument.offsetAt(finding.range.end) };
    return [{ title: `Change to '${finding.suggestion}'`, edits: [replaceToken(root, token, finding.suggestion)], preferred: true }];
}

/**
 * Whether the diagnostic is this finding's, not a twin's: an actor in two
 * arrangements of the same title gets one finding per arrangement, alike in all
 * but the arrangement the diagnostic's data names. A client that drops the data
 * is answered for each.
 */
function sameOwner(diagnostic: Diagnostic, finding: Finding): boolean {
    const data = diagnostic.data as { arrangement?: unknown; element?: unknown } | undefined;
    if (!data || typeof data !== 'object') return true;
    return data.arrangement === finding.arrangement && data.element === finding.element;
}

function overlaps(a: Range, b: Range): boolean {
    return !(before(a.end, b.start) || before(b.end, a.start));
}

function before(p: Range['start'], q: Range['start']): boolean {
    return p.line < q.line || (p.line === q.line && p.character < q.character);
}

function sameStart(a: Diagnostic['range'], b: Range): boolean {
    return a.start.line === b.start.line && a.start.character === b.start.character;
}
