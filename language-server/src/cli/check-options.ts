import { parseArgs } from 'node:util';
import { UsageError } from './usage-error.js';
import { DEFAULT_CACHE_FILE } from './check-cache.js';

/** Everything `joinery check` was asked, checked for sense before any file is read. */
export interface CheckOptions {
    paths: string[];
    format: string;
    rules: string[];
    config?: string;
    maxWarnings?: number;
    quiet: boolean;
    output?: string;
    /** `--color` or `--no-color`, whichever came last; undefined when neither was given. */
    color?: boolean;
    ignorePatterns: string[];
    workspace?: string;
    baseline?: string;
    writeBaseline?: string;
    root?: string;
    docsUrl?: string;
    printConfig?: string;
    /** `--cache`: the cache file (`--cache-location`, else .joinerycache). */
    cache?: string;
    help: boolean;
}

export function parseCheckArgs(args: string[]): CheckOptions {
    let parsed;
    try {
        parsed = parseArgs({
            args, allowPositionals: true, strict: true, tokens: true,
            options: {
                format: { type: 'string', short: 'f', default: 'stylish' },
                rule: { type: 'string', multiple: true, default: [] },
                config: { type: 'string', short: 'c' },
                'max-warnings': { type: 'string' },
                quiet: { type: 'boolean', default: false },
                output: { type: 'string', short: 'o' },
                color: { type: 'boolean' },
                'no-color': { type: 'boolean' },
                'ignore-pattern': { type: 'string', multiple: true, default: [] },
                workspace: { type: 'string' },
                baseline: { type: 'string' },
                'write-baseline': { type: 'string' },
                root: { type: 'string' },
                'docs-url': { type: 'string' },
                'print-config': { type: 'string' },
                cache: { type: 'boolean', default: false },
                'cache-location': { type: 'string' },
                help: { type: 'boolean', short: 'h', default: false }
            }
        });
    } catch (error) {
        throw new UsageError((error as Error).message.split('\n')[0]);
    }
    const { values, positionals, tokens } = parsed;
    const maxWarnings = values['max-warnings'];
    if (maxWarnings !== undefined && !/^\d+$/.test(maxWarnings)) throw new UsageError(`--max-warnings takes a whole number, got '${maxWarnings}'`);
    if (values.baseline && values['write-baseline'] && values.baseline !== values['write-baseline']) {
        throw new UsageError('--baseline and --write-baseline name different files: give one (--write-baseline also reports against what it writes)');
    }
    const docsUrl = values['docs-url'];
    if (docsUrl !== undefined && !/^https:\/\/[^\s]+$/.test(docsUrl)) throw new UsageError(`--docs-url must be an https:// address, got '${docsUrl}'`);
    if (values['cache-location'] !== undefined && !values.cache) throw new UsageError('--cache-location names the file of --cache: give --cache too');
    const lastColor = tokens.filter(token => token.kind === 'option' && (token.name === 'color' || token.name === 'no-color')).pop();
    return {
        paths: positionals, format: values.format, rules: values.rule, config: values.config,
        maxWarnings: maxWarnings === undefined ? undefined : Number(maxWarnings), quiet: values.quiet,
        output: values.output, color: lastColor && lastColor.kind === 'option' ? lastColor.name === 'color' : undefined,
        ignorePatterns: values['ignore-pattern'], workspace: values.workspace,
        baseline: values['write-baseline'] ?? values.baseline, writeBaseline: values['write-baseline'],
        root: values.root, docsUrl, printConfig: values['print-config'],
        ...(values.cache ? { cache: values['cache-location'] ?? DEFAULT_CACHE_FILE } : {}), help: values.help
    };
}
