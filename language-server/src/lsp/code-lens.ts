import { DocumentState, GrammarUtils, type LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import type { ArrangementModel } from '../analysis/arrangement-model.js';
import type { Finding } from '../findings/finding.js';
import { isArrangement, type Model } from '../generated/ast.js';
import type { JoineryServices } from './joinery-services.js';
import { findRule } from '../rules/registry.js';
import type { IntegrationType } from '../rules/rule.js';
import { SHOW_INTEGRATION_MAP_COMMAND } from './client-commands.js';
import { complianceLenses } from './compliance-lens.js';

/** The editor command the lens runs; the VS Code client implements it (extension/). */
export const CHECK_WORKSPACE_COMMAND = 'joinery.checkWorkspace';

/** Seed 001's Table 3 types, always shown; maturity and power follow when they have gaps. */
const TABLE_3: IntegrationType[] = ['structural', 'relational', 'institutional'];
const OTHER_TYPES: IntegrationType[] = ['maturity', 'power'];

/**
 * A lens over each arrangement with its integration profile in one line:
 * "supports stage 4 · claims 5 · 3 structural, 1 relational, 2 institutional gaps".
 * The counts are of the findings the server publishes (with the editor's rule
 * settings and suppressions), by each rule's integration type. A client with the
 * map command gets a second lens beside it that opens the arrangement's map.
 */
export class ArrangementCodeLensProvider implements CodeLensProvider {
    private readonly services: JoineryServices;

    constructor(services: JoineryServices) {
        this.services = services;
        this.refreshOnChange();
    }

    provideCodeLens(document: LangiumDocument, _params: CodeLensParams): CodeLens[] {
        const arrangements = (document.parseResult.value as Model).declarations?.filter(isArrangement) ?? [];
        if (arrangements.length === 0) return [];
        // Findings come from every file: the server waits until the whole workspace is checked (server/start-server.ts).
        const findings = this.services.findings.PublishedFindings.current();
        const analysis = this.services.analysis.IntegrationAnalysis;
        return arrangements.flatMap(arrangement => {
            const at = GrammarUtils.findNodeForProperty(arrangement.$cstNode, 'name') ?? arrangement.$cstNode;
            if (!at || !arrangement.name) return [];
            const model = analysis.arrangementModel(arrangement);
            const summary = profileLine(model, findings.filter(f => f.arrangement === arrangement.name));
            const lenses: CodeLens[] = [{ range: at.range, command: { title: summary, command: CHECK_WORKSPACE_COMMAND } }];
            if (this.services.lsp.ClientCommands.has(SHOW_INTEGRATION_MAP_COMMAND)) {
                lenses.push({ range: at.range, command: { title: 'Show integration map', command: SHOW_INTEGRATION_MAP_COMMAND, arguments: [document.uri.toString(), arrangement.name] } });
            }
            return [...lenses, ...complianceLenses(model, CHECK_WORKSPACE_COMMAND)];
        });
    }

    /** Asks the editor to fetch lenses again when another file or a rule setting changes the counts. */
    private refreshOnChange(): void {
        const connection = this.services.shared.lsp.Connection;
        const refresh = () => {
            if (this.services.lsp.ClientCommands.refreshesCodeLenses) void connection?.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
        };
        this.services.shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, refresh);
        this.services.findings.EditorRuleSettings.onDidChange(refresh);
    }
}

/** "supports stage 3 · claims 6b · 2 structural, 0 relational, 1 institutional gaps · 1 maturity gap". */
export function profileLine(model: ArrangementModel, findings: readonly Finding[]): string {
    const counts = new Map<IntegrationType, number>();
    let modelErrors = 0;
    for (const finding of findings) {
        const type = findRule(finding.rule)?.type;
        if (type) counts.set(type, (counts.get(type) ?? 0) + 1);
        else if (finding.severity === 'error') modelErrors++;
    }
    const { supportedStage, claimed } = model.stageSupport;
    const parts = [`supports stage ${supportedStage}`, claimed ? `claims ${claimed}` : 'claims no stage'];
    const gaps = TABLE_3.map(type => `${counts.get(type) ?? 0} ${type}`);
    parts.push(`${gaps.join(', ')} gaps`);
    for (const type of OTHER_TYPES) {
        const count = counts.get(type) ?? 0;
        if (count) parts.push(`${count} ${type} ${count === 1 ? 'gap' : 'gaps'}`);
    }
    if (modelErrors) parts.push(`${modelErrors} model ${modelErrors === 1 ? 'error' : 'errors'}`);
    return parts.join(' · ');
}
