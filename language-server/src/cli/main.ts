import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { NodeFileSystem } from 'langium/node';
import { createJoineryServices } from '../joinery-module.js';
import { runCheck } from './check.js';
import { UsageError } from './usage-error.js';
import { runViewCommand } from './view-commands.js';

const USAGE = `Usage: joinery check [PATH ...] [options]

Checks every .joinery file under the given files and folders (default: the current
folder) as one workspace. '-' reads one model from standard input.

Options:
  --format stylish|json|sarif|github   output format (default stylish)
  --rule ID=off|info|warning|error   override a rule's severity (repeatable)
  --config FILE                  a joinery.json other than ./joinery.json
  --max-warnings N               exit 1 when there are more than N warnings
  --quiet                        report errors only
  --output FILE                  write the report to FILE
  --no-color                     plain text
  -h, --help, --version

       joinery report PATH ... [--format html|md|pdf] [--arrangement NAME] [--output FILE]
                      [--compare OLD] [--browser PATH]
       joinery graph PATH ... [--format dot|mermaid|svg] [--arrangement NAME] [--output FILE]

'report' writes each arrangement's integration profile (voice, votes and money; the
maturity profile; findings and accepted risks; stage ladder, power map, maps) as a
page that prints as an A4 board paper; --format pdf prints it through Chromium (on
PATH, or --browser PATH, or JOINERY_CHROMIUM); --compare OLD adds what changed since
the model at OLD. 'graph' writes the graph for other tools. Both take --rule and
--config as 'check' does.`;

declare const JOINERY_VERSION: string;

async function main(argv: string[]): Promise<number> {
    const [command, ...rest] = argv;
    if (command === '--version' || command === '-v') return print(`${typeof JOINERY_VERSION === 'string' ? JOINERY_VERSION : 'dev'}\n`);
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') return print(`${USAGE}\n`);
    if (command === 'report' || command === 'graph') return runViewCommand(command, rest, () => readFileSync(0));
    if (command !== 'check') throw new UsageError(`unknown command '${command}' (try 'joinery --help')`);
    let parsed;
    try {
        parsed = parseArgs({
            args: rest, allowPositionals: true, strict: true,
            options: {
                format: { type: 'string', default: 'stylish' },
                rule: { type: 'string', multiple: true, default: [] },
                config: { type: 'string' },
                'max-warnings': { type: 'string' },
                quiet: { type: 'boolean', default: false },
                output: { type: 'string' },
                'no-color': { type: 'boolean', default: false },
                help: { type: 'boolean', short: 'h', default: false }
            }
        });
    } catch (error) {
        throw new UsageError((error as Error).message.split('\n')[0]);
    }
    const { values, positionals } = parsed;
    if (values.help) return print(`${USAGE}\n`);
    const maxWarnings = values['max-warnings'];
    if (maxWarnings !== undefined && !/^\d+$/.test(maxWarnings)) throw new UsageError(`--max-warnings takes a whole number, got '${maxWarnings}'`);
    const color = !values['no-color'] && !values.output && !process.env.NO_COLOR && process.stdout.isTTY === true;
    const { Joinery } = createJoineryServices(NodeFileSystem);
    const outcome = await runCheck(Joinery, {
        paths: positionals, format: values.format, rules: values.rule, config: values.config,
        maxWarnings: maxWarnings === undefined ? undefined : Number(maxWarnings), quiet: values.quiet, color
    }, process.cwd(), () => readFileSync(0));
    if (values.output) {
        try {
            writeFileSync(values.output, outcome.output);
        } catch (error) {
            throw new UsageError(`cannot write '${values.output}': ${(error as { code?: string }).code ?? error}`);
        }
    } else {
        process.stdout.write(outcome.output);
    }
    return outcome.exitCode;
}

function print(text: string): number {
    process.stdout.write(text);
    return 0;
}

// `joinery check | head`: the reader went away; stop quietly rather than print a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
});

main(process.argv.slice(2)).then(
    code => { process.exitCode = code; },
    error => {
        // A usage problem or anything unexpected: one line, never a stack trace.
        const message = error instanceof UsageError ? error.message : `internal error: ${error instanceof Error ? error.message : String(error)}`;
        process.stderr.write(`joinery: ${message}\n`);
        process.exitCode = 2;
    }
);
