import { parseArgs } from 'node:util';
import type { ArrangementModel } from '../analysis/arrangement-model.js';
import { collectFindings } from '../checking/collect.js';
import type { Finding } from '../findings/finding.js';
import { createJoineryServices, type JoineryServices } from '../joinery-module.js';
import { ruleDocsUri } from '../rules/rule-docs-location.js';
import { findRule } from '../rules/registry.js';
import { renderDot } from '../report/dot.js';
import { renderHtmlReport } from '../report/html.js';
import { buildIntegrationGraph } from '../report/integration-graph.js';
import { buildIntegrationProfile, groupOf } from '../report/integration-profile.js';
import { layOutMapSafely } from '../report/map-worker.js';
import { drawMap } from '../report/map-scene.js';
import { renderMarkdownReport } from '../report/markdown.js';
import { renderMermaid } from '../report/mermaid.js';
import { renderSvgDocument } from '../report/svg.js';
import { ignorePatterns, parseRuleOptions, readConfig } from './check.js';
import { loadWorkspace } from './load-workspace.js';
import { displayPaths } from './display-path.js';
import { UsageError } from './usage-error.js';
import { writeOutputFile } from './output-file.js';
import { findModelFiles, requireModelFiles } from './workspace-files.js';
import { JoineryFileSystem } from '../workspace/file-system.js';
import type { ModelText } from '../workspace/model-text.js';

declare const JOINERY_VERSION: string;

const FORMATS = { report: ['html', 'md'], graph: ['dot', 'mermaid', 'svg'] } as const;

/**
 * `joinery report` and `joinery graph` (CLI.md): the integration profile, or the
 * arrangement's graph, of every arrangement under the paths. Both always exit 0
 * once they have run; findings are content here, not failure.
 */
export async function runViewCommand(command: 'report' | 'graph', args: string[], readStdin: () => ModelText): Promise<number> {
    let parsed;
    try {
        parsed = parseArgs({
            args, allowPositionals: true, strict: true,
            options: {
                format: { type: 'string', short: 'f', default: FORMATS[command][0] },
                arrangement: { type: 'string' },
                rule: { type: 'string', multiple: true, default: [] },
                config: { type: 'string', short: 'c' },
                'ignore-pattern': { type: 'string', multiple: true, default: [] },
                output: { type: 'string', short: 'o' },
                help: { type: 'boolean', short: 'h', default: false }
            }
        });
    } catch (error) {
        throw new UsageError((error as Error).message.split('\n')[0]);
    }
    const { values, positionals } = parsed;
    if (values.help) {
        process.stdout.write(`Usage: joinery ${command} PATH ... [--format ${FORMATS[command].join('|')}] [--arrangement NAME] [--rule ID=LEVEL] [-c, --config FILE] [--ignore-pattern GLOB] [-o, --output FILE]\n`);
        return 0;
    }
    const format = values.format;
    if (!(FORMATS[command] as readonly string[]).includes(format)) throw new UsageError(`unknown format '${format}' for ${command}: use ${FORMATS[command].join(', ')}`);
    const cwd = process.cwd();
    const config = readConfig(values.config, cwd);
    const settings = { ...config.rules, ...parseRuleOptions(values.rule) };
    const { Joinery } = createJoineryServices(JoineryFileSystem);
    const selection = await findModelFiles(positionals, cwd, ignorePatterns(config, values['ignore-pattern'], cwd));
    requireModelFiles(selection, positionals);
    const files = selection.files;
    await loadWorkspace(Joinery, files, cwd, readStdin);
    const findings = collectFindings(Joinery, settings);
    const models = selectArrangements(Joinery, values.arrangement);
    const output = command === 'report'
        ? await report(format, models, findings, files.length, cwd)
        : await graph(format, models, findings);
    if (values.output) {
        writeOutputFile(values.output, output, cwd, files);
    } else {
        process.stdout.write(output);
    }
    return 0;
}

function selectArrangements(services: JoineryServices, name: string | undefined): ArrangementModel[] {
    const all = services.analysis.IntegrationAnalysis.allArrangementModels();
    if (name === undefined) return all;
    const chosen = all.filter(model => model.arrangement.name === name);
    if (chosen.length === 0) {
        throw new UsageError(`no arrangement named '${name}'${all.length ? ` (there are: ${all.map(m => m.arrangement.name).join(', ')})` : ''}`);
    }
    return chosen;
}

async function report(format: string, models: ArrangementModel[], findings: Finding[], fileCount: number, cwd: string): Promise<string> {
    const fileOf = displayPaths(cwd);
    const placeOf = (finding: Finding) => `${fileOf(finding.uri)}:${finding.range.start.line + 1}`;
    const profiles = models.map(model => buildIntegrationProfile(model, findings, placeOf, fileOf));
    const otherFindings = findings.filter(f => !f.arrangement).map(f => ({ ...f, type: groupOf(f.rule), place: placeOf(f) }));
    const docsUri = (rule: string) => findRule(rule) ? ruleDocsUri(rule) : undefined;
    const version = typeof JOINERY_VERSION === 'string' ? JOINERY_VERSION : 'dev';
    if (format === 'md') return renderMarkdownReport({ profiles, otherFindings, fileCount, version, docsUri });
    const arrangements = [];
    for (const [index, profile] of profiles.entries()) {
        arrangements.push({ profile, scene: drawMap(await layOutMapSafely(profile.graph), `map${index + 1}`) });
    }
    return renderHtmlReport({ arrangements, otherFindings, fileCount, version, docsUri });
}

async function graph(format: string, models: ArrangementModel[], findings: Finding[]): Promise<string> {
    if (models.length === 0) throw new UsageError('no arrangement to draw in these files');
    const graphs = models.map(model => buildIntegrationGraph(model, findings));
    if (format === 'dot') return renderDot(graphs);
    if (format === 'mermaid') return renderMermaid(graphs);
    const scenes = [];
    for (const [index, integrationGraph] of graphs.entries()) scenes.push(drawMap(await layOutMapSafely(integrationGraph), `map${index + 1}`));
    return renderSvgDocument(scenes);
}
