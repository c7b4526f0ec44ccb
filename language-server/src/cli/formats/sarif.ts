import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { Finding, Severity } from '../../findings/finding.js';
import { publishedHomepage } from '../../rules/rule-docs-location.js';
import type { CheckResult } from './report-input.js';
import { allRuleHelp } from './rule-help.js';

declare const JOINERY_VERSION: string;

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', info: 'note' };
const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** GitHub code scanning takes at most this many results per run. */
export const MAX_SARIF_RESULTS = 25_000;
/** The key of each result's fingerprint (checking/fingerprint.ts) in `partialFingerprints`. */
export const FINGERPRINT_KEY = 'joineryFinding/v1';
const SRCROOT = '%SRCROOT%';

/**
 * SARIF 2.1.0 for GitHub code scanning: every rule described (help as text and
 * Markdown; `helpUri` only to an https page), one result per finding with its
 * fingerprint, located relative to `%SRCROOT%` (the `--root` folder) by a
 * percent-encoded URI. Past code scanning's 25,000 results the most severe are
 * kept and a notification says how many were left out.
 */
export function formatSarif(result: CheckResult): string {
    const rules: Sarif.ReportingDescriptor[] = allRuleHelp().map(rule => {
        const helpUri = result.docsUri(rule.id);
        return {
            id: rule.id,
            shortDescription: { text: rule.description },
            ...(rule.what ? { fullDescription: { text: rule.what } } : {}),
            ...(helpUri ? { helpUri } : {}),
            help: { text: rule.text, markdown: rule.markdown },
            defaultConfiguration: { level: LEVEL[rule.severity] },
            properties: { tags: rule.tags }
        };
    });
    const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
    const kept = mostSevere(result.findings, MAX_SARIF_RESULTS);
    const location = (uri: string): Sarif.ArtifactLocation => {
        const rooted = result.rootedPath(uri);
        if (rooted.inRoot) return { uri: rooted.path.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
        return { uri: rooted.path.startsWith('/') ? pathToFileURL(rooted.path).href : encodeURIComponent(rooted.path) };
    };
    const results: Sarif.Result[] = kept.map(finding => ({
        ruleId: finding.rule,
        ...(ruleIndex.has(finding.rule) ? { ruleIndex: ruleIndex.get(finding.rule) } : {}),
        level: LEVEL[finding.severity],
        message: { text: finding.message },
        locations: [{
            physicalLocation: {
                artifactLocation: location(finding.uri),
                region: {
                    startLine: finding.range.start.line + 1, startColumn: finding.range.start.character + 1,
                    endLine: finding.range.end.line + 1, endColumn: finding.range.end.character + 1
                }
            },
            ...(finding.element ? { logicalLocations: [{ name: finding.element, ...(finding.arrangement && finding.arrangement !== finding.element ? { fullyQualifiedName: `${finding.arrangement}.${finding.element}` } : {}) }] } : {})
        }],
        ...(finding.fingerprint ? { partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint } } : {}),
        ...(finding.related?.length ? {
            relatedLocations: finding.related.map((related, id) => ({
                id,
                message: { text: related.message },
                physicalLocation: {
                    artifactLocation: location(related.uri),
                    region: { startLine: related.range.start.line + 1, startColumn: related.range.start.character + 1 }
                }
            }))
        } : {})
    }));
    const left = result.findings.length - kept.length;
    const homepage = publishedHomepage();
    const log: Sarif.Log = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{
            tool: {
                driver: {
                    name: 'joinery',
                    version: typeof JOINERY_VERSION === 'string' ? JOINERY_VERSION : '0.0.0',
                    ...(homepage ? { informationUri: homepage } : {}),
                    rules
                }
            },
            originalUriBaseIds: { [SRCROOT]: { uri: folderUri(result.root) } },
            invocations: [{
                executionSuccessful: true,
                ...(left > 0 ? {
                    toolExecutionNotifications: [{
                        level: 'warning',
                        message: { text: `${left} of ${result.findings.length} results left out: code scanning takes at most ${MAX_SARIF_RESULTS.toLocaleString('en')} per run; the most severe are kept.` }
                    }]
                } : {})
            }],
            columnKind: 'utf16CodeUnits',
            results
        }]
    };
    return JSON.stringify(log, null, 2) + '\n';
}

/** The first `limit` findings by severity, in their original order. */
function mostSevere(findings: Finding[], limit: number): Finding[] {
    if (findings.length <= limit) return findings;
    const chosen = new Set(findings.map((finding, index) => ({ finding, index }))
        .sort((a, b) => SEVERITY_ORDER[a.finding.severity] - SEVERITY_ORDER[b.finding.severity] || a.index - b.index)
        .slice(0, limit).map(entry => entry.finding));
    return findings.filter(finding => chosen.has(finding));
}

/** SARIF wants a base URI to end in '/'. */
function folderUri(folder: string): string {
    const href = pathToFileURL(folder).href;
    return href.endsWith('/') ? href : `${href}/`;
}
