import type * as Sarif from 'sarif';
import { GAP_RULES, MODEL_ERROR_RULES } from '../../rules/registry.js';
import { readmeUri, ruleDocsUri } from '../../rules/rule-docs-location.js';
import type { Severity } from '../../findings/finding.js';
import { SUPPRESSION_WITHOUT_REASON, UNUSED_SUPPRESSION } from '../../checking/suppression.js';
import type { CheckResult } from './report-input.js';

declare const JOINERY_VERSION: string;

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', info: 'note' };

/** Rules that are not gap rules still get a table entry, so every result's ruleId is described. */
const OTHER_RULES: Array<{ id: string; description: string; severity: Severity }> = [
    { id: MODEL_ERROR_RULES[0], description: 'The text is not a valid Joinery model.', severity: 'error' },
    { id: MODEL_ERROR_RULES[1], description: 'A name does not resolve to a declaration.', severity: 'error' },
    { id: MODEL_ERROR_RULES[2], description: 'The model breaks a rule of the language (LANGUAGE.md, "Semantic validation").', severity: 'error' },
    { id: UNUSED_SUPPRESSION, description: 'A joinery-ignore comment silences nothing.', severity: 'warning' },
    { id: SUPPRESSION_WITHOUT_REASON, description: 'A joinery-ignore comment gives no reason.', severity: 'warning' }
];

/** SARIF 2.1.0 for GitHub code scanning: one rule per registry entry, one result per finding. */
export function formatSarif(result: CheckResult): string {
    const rules: Sarif.ReportingDescriptor[] = [
        ...GAP_RULES.map(rule => ({
            id: rule.id,
            shortDescription: { text: rule.description },
            fullDescription: { text: rule.docs.what },
            helpUri: ruleDocsUri(rule.id),
            help: { text: rule.docs.fix },
            defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
            properties: { tags: ['joinery', rule.type] }
        })),
        ...OTHER_RULES.map(rule => ({
            id: rule.id,
            shortDescription: { text: rule.description },
            defaultConfiguration: { level: LEVEL[rule.severity] },
            properties: { tags: ['joinery'] }
        }))
    ];
    const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
    const results: Sarif.Result[] = result.findings.map(finding => ({
        ruleId: finding.rule,
        ...(ruleIndex.has(finding.rule) ? { ruleIndex: ruleIndex.get(finding.rule) } : {}),
        level: LEVEL[finding.severity],
        message: { text: finding.message },
        locations: [{
            physicalLocation: {
                artifactLocation: { uri: result.displayPath(finding.uri) },
                region: {
                    startLine: finding.range.start.line + 1, startColumn: finding.range.start.character + 1,
                    endLine: finding.range.end.line + 1, endColumn: finding.range.end.character + 1
                }
            },
            ...(finding.element ? { logicalLocations: [{ name: finding.element, ...(finding.arrangement && finding.arrangement !== finding.element ? { fullyQualifiedName: `${finding.arrangement}.${finding.element}` } : {}) }] } : {})
        }],
        ...(finding.related?.length ? {
            relatedLocations: finding.related.map((related, id) => ({
                id,
                message: { text: related.message },
                physicalLocation: {
                    artifactLocation: { uri: result.displayPath(related.uri) },
                    region: { startLine: related.range.start.line + 1, startColumn: related.range.start.character + 1 }
                }
            }))
        } : {})
    }));
    const log: Sarif.Log = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{
            tool: {
                driver: {
                    name: 'joinery',
                    version: typeof JOINERY_VERSION === 'string' ? JOINERY_VERSION : '0.0.0',
                    informationUri: readmeUri(),
                    rules
                }
            },
            columnKind: 'utf16CodeUnits',
            results
        }]
    };
    return JSON.stringify(log, null, 2) + '\n';
}
