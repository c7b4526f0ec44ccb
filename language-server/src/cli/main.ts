import { createJoineryServices } from '../joinery-module.js';
import { JoineryFileSystem } from '../workspace/file-system.js';
import { readModelStream } from '../workspace/model-text.js';
import { runCheck } from './check.js';
import { parseCheckArgs } from './check-options.js';
import { useColor } from './color.js';
import { runDiff } from './diff.js';
import { writeOutputFile } from './output-file.js';
import { printConfig } from './print-config.js';
import { UsageError } from './usage-error.js';
import { guardStandardOutput } from './standard-output.js';
import { runViewCommand } from './view-commands.js';
import { useRuleDocsOnDisk } from '../rules/rule-docs-on-disk.js';

const USAGE = `Usage: joinery check [PATH ...] [options]

Checks every .joinery file under the given files, folders and quoted globs
('models/**/*.joinery'; default: the current folder) as one workspace, each
project in it (a folder holding a joinery.json) on its own. '-' reads one model
from standard input.

Options:
  -f, --format FORMAT            stylish (default), json, sarif, github, gitlab or junit
  --rule ID=off|info|warning|error   override a rule's severity (repeatable)
  -c, --config FILE              a joinery.json other than ./joinery.json
  --ignore-pattern GLOB          skip matching files and folders (repeatable; also
                                 "ignores" in joinery.json)
  --workspace DIR                load every model under DIR so that names resolve,
                                 but report only on the PATHs given (pre-commit)
  --baseline FILE                report and count only findings not in FILE
  --write-baseline FILE          record every current finding in FILE (again: prunes)
  --cache                        keep each project's findings in .joinerycache and
                                 check again only projects whose files, settings
                                 or profiles changed (or the tool did)
  --cache-location FILE          the cache file (default ./.joinerycache)
  --max-warnings N               exit 1 when there are more than N warnings
  --quiet                        report errors only (warnings still count for --max-warnings)
  -o, --output FILE              write the report to FILE (folders are created)
  --root DIR                     paths in sarif, github, gitlab and junit output are
                                 relative to DIR (default $GITHUB_WORKSPACE,
                                 $CI_PROJECT_DIR, else the current folder)
  --docs-url URL                 an https base for rule pages in SARIF (default:
                                 the package's repository)
  --color, --no-color            force colour on or off (also NO_COLOR, FORCE_COLOR)
  --print-config FILE            print the settings that apply to FILE, as JSON
  -h, --help, --version

Exit codes: 0 no errors; 1 errors, or more warnings than --max-warnings; 2 the
check could not run (bad path, option, config or baseline; no model file found).

       joinery diff OLD NEW [-f stylish|json|md] [--rule ID=LEVEL] [-c FILE] [-o FILE]
       joinery report PATH ... [-f html|md|pdf] [--arrangement NAME] [-o FILE]
                      [--compare OLD] [--baseline FILE] [--browser PATH]
       joinery graph PATH ... [-f dot|mermaid|svg] [--arrangement NAME] [-o FILE]

'diff' lists the findings that NEW opens and closes against OLD (two folders, such
as a pull request's base and head), matched by fingerprint; it exits 1 when NEW
opens an error. 'report' writes each arrangement's integration profile (voice, votes
and money; the maturity profile; findings and accepted risks; stage ladder, power
map, maps) as a page that prints as an A4 board paper; -f pdf prints it through
Chromium (on PATH, or --browser PATH, or JOINERY_CHROMIUM); --compare OLD adds what
changed since the model at OLD; --baseline FILE lists the findings FILE records
among the accepted risks. 'graph' writes the graph for other tools. They take
--rule and --config as 'check' does.`;

declare const JOINERY_VERSION: string;

async function main(argv: string[]): Promise<number> {
    const [command, ...rest] = argv;
    if (command === '--version' || command === '-v') return print(`${typeof JOINERY_VERSION === 'string' ? JOINERY_VERSION : 'dev'}\n`);
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') return print(`${USAGE}\n`);
    if (command === 'report' || command === 'graph') return runViewCommand(command, rest, () => readModelStream(0));
    if (command === 'diff') return runDiff(rest, process.cwd());
    if (command !== 'check') throw new UsageError(`unknown command '${command}' (try 'joinery --help')`);
    const options = parseCheckArgs(rest);
    if (options.help) return print(`${USAGE}\n`);
    const cwd = process.cwd();
    if (options.printConfig !== undefined) return print(printConfig(options.printConfig, options, cwd));
    const color = useColor(options.color, options.output !== undefined, process.env, process.stdout.isTTY === true);
    const { Joinery } = createJoineryServices(JoineryFileSystem);
    const outcome = await runCheck(Joinery, options, color, cwd, () => readModelStream(0));
    if (options.output) writeOutputFile(options.output, outcome.output, cwd, outcome.models);
    else process.stdout.write(outcome.output);
    for (const note of outcome.notes) process.stderr.write(`${note}\n`);
    return outcome.exitCode;
}

function print(text: string): number {
    process.stdout.write(text);
    return 0;
}

// `joinery check | head` stops quietly; a full disk is one line, not a stack trace.
guardStandardOutput();

useRuleDocsOnDisk();
main(process.argv.slice(2)).then(
    code => { process.exitCode = code; },
    error => {
        // A usage problem or anything unexpected: one line, never a stack trace.
        const message = error instanceof UsageError ? error.message : `internal error: ${error instanceof Error ? error.message : String(error)}`;
        process.stderr.write(`joinery: ${message}\n`);
        process.exitCode = 2;
    }
);
