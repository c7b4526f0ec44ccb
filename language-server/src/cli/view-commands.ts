import { parseArgs } from 'node:util';
import { AstUtils } from 'langium';
import type { ArrangementModel } from '../analysis/arrangement-model.js';
import { withFingerprints } from '../checking/fingerprint.js';
import type { SuppressedFinding } from '../checking/suppression.js';
import type { Finding } from '../findings/finding.js';
import type { RuleSettings } from '../checking/rule-settings.js';
import { createJoineryServices } from '../joinery-module.js';
import { ruleDocsUri } from '../rules/rule-docs-location.js';
import { findRule } from '../rules/registry.js';
import { renderDot } from '../report/dot.js';
import { changeSince } from '../report/compare.js';
import { renderHtmlReport } from '../report/html.js';
import { buildIntegrationGraph } from '../report/integration-graph.js';
import { buildIntegrationProfile, groupOf, type IntegrationProfile } from '../report/integration-profile.js';
import { layOutMapSafely } from '../report/map-worker.js';
import { drawMapViews } from '../report/map-print.js';
import { drawMap } from '../report/map-scene.js';
import { renderMarkdownReport } from '../report/markdown.js';
import { renderMermaid } from '../report/mermaid.js';
import { renderSvgDocument } from '../report/svg.js';
import { ignorePatterns, parseRuleOptions, readConfig } from './config-file.js';
import type { IgnorePatterns } from './ignore-patterns.js';
import { loadProjects, projectFindings, projectPaths, type CheckedProject, type ProjectOptions } from './projects.js';
import { displayPaths } from './display-path.js';
import { readBaseline } from './baseline-file.js';
import { sourceFactsOf } from './model-source.js';
import { findChromium, printPdf } from './pdf.js';
import { UsageError } from './usage-error.js';
import { writeOutputFile } from './output-file.js';
import { findModelFiles, requireModelFiles } from './workspace-files.js';
import { JoineryFileSystem } from '../workspace/file-system.js';
import type { ModelText } from '../workspace/model-text.js';

declare const JOINERY_VERSION: string;

const FORMATS = { report: ['html', 'md', 'pdf'], graph: ['dot', 'mermaid', 'svg'] } as const;

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
                // report only: the earlier model to compare with, and the browser that prints a PDF
                compare: { type: 'string' },
                browser: { type: 'string' },
                baseline: { type: 'string' },
                help: { type: 'boolean', short: 'h', default: false }
            }
        });
    } catch (error) {
        throw new UsageError((error as Error).message.split('\n')[0]);
    }
    const { values, positionals } = parsed;
    if (values.help) {
        const reportOnly = command === 'report' ? ' [--compare OLD] [--baseline FILE] [--browser PATH]' : '';
        process.stdout.write(`Usage: joinery ${command} PATH ... [--format ${FORMATS[command].join('|')}] [--arrangement NAME] [--rule ID=LEVEL] [-c, --config FILE] [--ignore-pattern GLOB] [-o, --output FILE]${reportOnly}\n`);
        return 0;
    }
    const format = values.format;
    if (!(FORMATS[command] as readonly string[]).includes(format)) throw new UsageError(`unknown format '${format}' for ${command}: use ${FORMATS[command].join(', ')}`);
    const reportOnly = (['compare', 'browser', 'baseline'] as const).find(option => values[option] !== undefined);
    if (command === 'graph' && reportOnly) throw new UsageError(`--${reportOnly} is an option of 'joinery report'`);
    if (values.browser !== undefined && format !== 'pdf') throw new UsageError('--browser is for --format pdf');
    if (values.compare !== undefined && format === 'md') throw new UsageError('--compare draws the comparison in the HTML and PDF reports: use --format html or pdf');
    if (values.baseline !== undefined && format === 'md') throw new UsageError('--baseline lists the baselined findings among the accepted risks of the HTML and PDF reports: use --format html or pdf');
    // Find the browser before the work, so that a missing one fails at once.
    const chromium = format === 'pdf' ? findChromium(values.browser, process.env) : undefined;
    const cwd = process.cwd();
    const baseline = values.baseline === undefined ? undefined : { file: values.baseline, known: new Set(readBaseline(values.baseline, cwd).map(entry => entry.fingerprint)) };
    const config = readConfig(values.config, cwd);
    const rules = parseRuleOptions(values.rule);
    const settings = { ...config.rules, ...rules };
    const ignores = ignorePatterns(config, values['ignore-pattern'], cwd);
    const { Joinery } = createJoineryServices(JoineryFileSystem);
    const selection = await findModelFiles(positionals, cwd, ignores);
    requireModelFiles(selection, positionals);
    const projectOptions = { rootConfig: config, rules, configGiven: values.config !== undefined, paths: positionals };
    const { projects, files } = await loadProjects(Joinery, selection.files, cwd, readStdin, projectOptions);
    const { findings, suppressed, baselined } = fingerprinted(projects, baseline?.known);
    const models = selectArrangements(projects, values.arrangement);
    const output = command === 'graph' ? await graph(format, models, findings)
        : format === 'md' ? reportMarkdown(models, findings, files.length, cwd)
            : await reportHtml({ models, findings, suppressed, baselined, baseline, settings, projectOptions, ignores, fileCount: files.length, cwd, compare: values.compare, pdf: chromium });
    if (values.output) {
        writeOutputFile(values.output, output, cwd, files);
    } else {
        process.stdout.write(output);
    }
    return 0;
}

/** Every project's arrangements, or the one named. */
function selectArrangements(projects: readonly CheckedProject[], name: string | undefined): ArrangementModel[] {
    const all = projects.flatMap(project => project.services.analysis.IntegrationAnalysis.allArrangementModels());
    if (name === undefined) return all;
    const chosen = all.filter(model => model.arrangement.name === name);
    if (chosen.length === 0) {
        throw new UsageError(`no arrangement named '${name}'${all.length ? ` (there are: ${all.map(m => m.arrangement.name).join(', ')})` : ''}`);
    }
    return chosen;
}

const docsUri = (rule: string) => findRule(rule) ? ruleDocsUri(rule) : undefined;
const version = () => typeof JOINERY_VERSION === 'string' ? JOINERY_VERSION : 'dev';

function reportMarkdown(models: ArrangementModel[], findings: Finding[], fileCount: number, cwd: string): string {
    const fileOf = displayPaths(cwd);
    const placeOf = (finding: Finding) => `${fileOf(finding.uri)}:${finding.range.start.line + 1}`;
    const profiles = models.map(model => buildIntegrationProfile(model, findings, placeOf, fileOf));
    const otherFindings = findings.filter(f => !f.arrangement).map(f => ({ ...f, type: groupOf(f.rule), place: placeOf(f) }));
    return renderMarkdownReport({ profiles, otherFindings, fileCount, version: version(), docsUri });
}

interface HtmlReportRun {
    models: ArrangementModel[];
    findings: Finding[];
    suppressed: SuppressedFinding[];
    /** Findings `--baseline FILE` records as known: accepted risks, not open findings. */
    baselined: Finding[];
    baseline?: Baseline;
    settings: RuleSettings;
    /** How the projects were read, read again so for `--compare OLD`. */
    projectOptions: ProjectOptions;
    /** The files the workspace skips, skipped in `--compare OLD` too. */
    ignores: IgnorePatterns;
    fileCount: number;
    cwd: string;
    /** `--compare OLD`: the earlier model's paths. */
    compare?: string;
    /** The Chromium that prints the PDF, for `--format pdf`. */
    pdf?: string;
}

async function reportHtml(run: HtmlReportRun): Promise<string | Buffer> {
    const { models, findings, suppressed, baselined, settings, cwd } = run;
    const accepted = { suppressed, rulesOff: rulesOffIn(settings), baselined, ...(run.baseline ? { baselineFile: run.baseline.file } : {}) };
    const fileOf = displayPaths(cwd);
    const placeOf = (finding: Finding) => `${fileOf(finding.uri)}:${finding.range.start.line + 1}`;
    const profiles = models.map(model => buildIntegrationProfile(model, findings, placeOf, fileOf, accepted));
    const earlier = run.compare === undefined ? undefined : await earlierProfiles(run.compare, run.projectOptions, run.ignores, run.baseline, cwd);
    const otherFindings = findings.filter(f => !f.arrangement).map(f => ({ ...f, type: groupOf(f.rule), place: placeOf(f) }));
    const sourceOf = sourceFactsOf();
    const arrangements = [];
    for (const [index, profile] of profiles.entries()) {
        const source = sourceOf(AstUtils.getDocument(models[index].arrangement).uri.toString());
        arrangements.push({
            profile, maps: await drawMapViews(profile.views, `map${index + 1}`),
            ...(source ? { source } : {}),
            ...(earlier ? { change: changeSince(profile, earlier.get(profile.name)) } : {})
        });
    }
    const html = renderHtmlReport({
        arrangements, otherFindings, fileCount: run.fileCount, version: version(), made: new Date().toISOString().slice(0, 10),
        ...(run.compare !== undefined ? { baseline: run.compare } : {}), docsUri
    });
    return run.pdf ? printPdf(html, run.pdf) : html;
}

/** The profiles of the earlier model (`--compare OLD`), checked with the same settings, by arrangement name. */
async function earlierProfiles(paths: string, options: ProjectOptions, ignores: IgnorePatterns, baseline: Baseline | undefined, cwd: string): Promise<Map<string, IntegrationProfile>> {
    const { Joinery } = createJoineryServices(JoineryFileSystem);
    const selection = await findModelFiles([paths], cwd, ignores);
    requireModelFiles(selection, [paths]);
    const { projects } = await loadProjects(Joinery, selection.files, cwd, () => { throw new UsageError('--compare reads files, not standard input'); }, { ...options, paths: [paths] });
    // The same baseline holds back the same known findings then, so that they are neither opened nor closed.
    const { findings, suppressed, baselined } = fingerprinted(projects, baseline?.known);
    const fileOf = displayPaths(cwd);
    const placeOf = (finding: Finding) => `${fileOf(finding.uri)}:${finding.range.start.line + 1}`;
    const accepted = { suppressed, rulesOff: rulesOffIn({ ...options.rootConfig.rules, ...options.rules }), baselined };
    return new Map(selectArrangements(projects, undefined)
        .map(model => [model.arrangement.name, buildIntegrationProfile(model, findings, placeOf, fileOf, accepted)]));
}

/** `--baseline FILE`: its name, and the fingerprints it records. */
interface Baseline {
    file: string;
    known: ReadonlySet<string>;
}

/**
 * The workspace's findings, fingerprinted as `joinery check` and `diff` give them
 * (for --compare and --baseline), less those the baseline knows; and the accepted
 * ones: suppressed, and baselined.
 */
function fingerprinted(projects: readonly CheckedProject[], known: ReadonlySet<string> = new Set()): { findings: Finding[]; suppressed: SuppressedFinding[]; baselined: Finding[] } {
    const collected = projectFindings(projects);
    const all = projects.length === 0 ? [] : withFingerprints(projects[0].services.shared, collected.findings, projectPaths(projects));
    const isKnown = (finding: Finding) => finding.fingerprint !== undefined && known.has(finding.fingerprint);
    return { findings: all.filter(finding => !isKnown(finding)), suppressed: collected.suppressed, baselined: all.filter(isKnown) };
}

function rulesOffIn(settings: RuleSettings): Set<string> {
    return new Set(Object.entries(settings).filter(([, level]) => level === 'off').map(([rule]) => rule));
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
