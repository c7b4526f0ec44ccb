import { statSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { JoineryFileSystem } from '../workspace/file-system.js';
import { openedAndClosed } from '../checking/fingerprint.js';
import { createJoineryServices } from '../joinery-module.js';
import type { Finding } from '../findings/finding.js';
import { findRule } from '../rules/registry.js';
import { ruleDocsWebUri } from '../rules/rule-docs-location.js';
import { ignorePatterns, parseRuleOptions, readConfig } from './config-file.js';
import { checkedFindings } from './projects.js';
import { useColor } from './color.js';
import { displayPaths } from './display-path.js';
import { formatDiffJson, formatDiffMarkdown, formatDiffStylish, type DiffFinding, type DiffResult } from './formats/diff-formats.js';
import { writeOutputFile } from './output-file.js';
import { UsageError } from './usage-error.js';
import { describeFsError, findModelFiles } from './workspace-files.js';

const FORMATS: Record<string, (result: DiffResult) => string> = { stylish: formatDiffStylish, json: formatDiffJson, md: formatDiffMarkdown };

const USAGE = 'Usage: joinery diff OLD NEW [-f stylish|json|md] [--rule ID=LEVEL] [-c, --config FILE] [--ignore-pattern GLOB] [-o, --output FILE] [--docs-url URL] [--color|--no-color]';

interface Side {
    folder: string;
    files: string[];
    findings: Finding[];
}

/**
 * `joinery diff OLD NEW`: the findings a change opens and closes, matched by
 * fingerprint between two folders (a pull request's base and head, say), each
 * checked as its own workspace with its own joinery.json. Exits 1 when NEW opens an error.
 */
export async function runDiff(args: string[], cwd: string): Promise<number> {
    let parsed;
    try {
        parsed = parseArgs({
            args, allowPositionals: true, strict: true, tokens: true,
            options: {
                format: { type: 'string', short: 'f', default: 'stylish' },
                rule: { type: 'string', multiple: true, default: [] },
                config: { type: 'string', short: 'c' },
                'ignore-pattern': { type: 'string', multiple: true, default: [] },
                output: { type: 'string', short: 'o' },
                'docs-url': { type: 'string' },
                color: { type: 'boolean' },
                'no-color': { type: 'boolean' },
                help: { type: 'boolean', short: 'h', default: false }
            }
        });
    } catch (error) {
        throw new UsageError((error as Error).message.split('\n')[0]);
    }
    const { values, positionals, tokens } = parsed;
    if (values.help) {
        process.stdout.write(`${USAGE}\n`);
        return 0;
    }
    const format = FORMATS[values.format];
    if (!format) throw new UsageError(`unknown format '${values.format}' for diff: use ${Object.keys(FORMATS).join(', ')}`);
    if (positionals.length !== 2) throw new UsageError(`diff compares two folders: joinery diff OLD NEW (got ${positionals.length} ${positionals.length === 1 ? 'path' : 'paths'})`);
    const docsUrl = values['docs-url'];
    if (docsUrl !== undefined && !/^https:\/\/\S+$/.test(docsUrl)) throw new UsageError(`--docs-url must be an https:// address, got '${docsUrl}'`);
    const rules = parseRuleOptions(values.rule);
    const config = values.config === undefined ? undefined : path.resolve(cwd, values.config);
    const sides: Side[] = [];
    for (const given of positionals) sides.push(await checkSide(given, cwd, config, rules, values['ignore-pattern']));
    const [before, after] = sides;
    if (before.files.length === 0 && after.files.length === 0) throw new UsageError(`neither '${positionals[0]}' nor '${positionals[1]}' has a model file (*.joinery): nothing to compare`);

    const withFile = (side: Side) => {
        const fileOf = displayPaths(side.folder);
        return (finding: Finding): DiffFinding => ({ finding, file: fileOf(finding.uri) });
    };
    const change = openedAndClosed(before.findings, after.findings);
    const opened = change.opened.map(withFile(after));
    const closed = change.closed.map(withFile(before));
    const lastColor = tokens.filter(token => token.kind === 'option' && (token.name === 'color' || token.name === 'no-color')).pop();
    const colorFlag = lastColor?.kind === 'option' ? lastColor.name === 'color' : undefined;
    const result: DiffResult = {
        old: { folder: positionals[0], files: before.files.length },
        new: { folder: positionals[1], files: after.files.length },
        opened, closed, unchanged: after.findings.length - opened.length,
        notes: comparisonNotes(before, after, positionals),
        docsUri: rule => findRule(rule) ? ruleDocsWebUri(rule, docsUrl) : undefined,
        color: useColor(colorFlag, values.output !== undefined, process.env, process.stdout.isTTY === true)
    };
    const output = format(result);
    if (values.output) writeOutputFile(values.output, output, cwd, [...before.files, ...after.files]);
    else process.stdout.write(output);
    return opened.some(({ finding }) => finding.severity === 'error') ? 1 : 0;
}

/** One side: every model under the folder, with the folder's own joinery.json unless --config names one. */
async function checkSide(given: string, cwd: string, configFile: string | undefined, rules: ReturnType<typeof parseRuleOptions>, patterns: string[]): Promise<Side> {
    const folder = path.resolve(cwd, given);
    try {
        if (!statSync(folder).isDirectory()) throw new UsageError(`'${given}' is not a folder: diff compares two folders`);
    } catch (error) {
        if (error instanceof UsageError) throw error;
        throw new UsageError(`cannot read '${given}': ${describeFsError(error)}`);
    }
    const config = readConfig(configFile, folder);
    const { files } = await findModelFiles(['.'], folder, ignorePatterns(config, patterns, folder));
    const { Joinery } = createJoineryServices(JoineryFileSystem);
    const checked = files.length === 0 ? { findings: [], files: [] }
        : await checkedFindings(Joinery, files, folder, () => ({ text: '' }), { rootConfig: config, rules, configGiven: configFile !== undefined, paths: ['.'] });
    return { folder, files: checked.files, findings: checked.findings };
}

function comparisonNotes(before: Side, after: Side, given: string[]): string[] {
    if (before.files.length === 0) return [`${given[0]} has no model file: every finding of ${given[1]} is opened.`];
    if (after.files.length === 0) return [`${given[1]} has no model file: every finding of ${given[0]} is closed.`];
    const relative = (side: Side) => new Set(side.files.map(file => path.relative(side.folder, file)));
    const beforeFiles = relative(before);
    if (![...relative(after)].some(file => beforeFiles.has(file))) {
        return [`${given[0]} and ${given[1]} have no model file in common (by path within each folder): are these two versions of one repository? Findings are matched by fingerprint all the same.`];
    }
    return [];
}
