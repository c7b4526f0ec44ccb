import { groupBy } from './group-by-file.js';
import type { CheckResult } from './report-input.js';

/**
 * JUnit XML, which most CI systems show as test results: one test suite per model
 * file checked, one failing test case per finding (`failure` with the severity as its
 * type), and one passing test case for a file without findings.
 */
export function formatJunit(result: CheckResult): string {
    const byFile = groupBy(result.findings, finding => result.rootedPath(finding.uri).path);
    for (const uri of result.fileUris) {
        const file = result.rootedPath(uri).path;
        if (!byFile.has(file)) byFile.set(file, []);
    }
    const suites: string[] = [];
    for (const [file, findings] of [...byFile].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)) {
        const cases = findings.map(finding => {
            const place = `${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
            const element = finding.element ? ` ${finding.arrangement && finding.arrangement !== finding.element ? `${finding.arrangement}.` : ''}${finding.element}` : '';
            return `    <testcase classname="${xml(file)}" name="${xml(`${finding.rule}${element} (${place})`)}" file="${xml(file)}" line="${finding.range.start.line + 1}" time="0">\n`
                + `      <failure type="${finding.severity}" message="${xml(finding.message)}">${xml(`${file}:${place} ${finding.severity} ${finding.message} (${finding.rule})`)}</failure>\n`
                + '    </testcase>';
        });
        if (cases.length === 0) cases.push(`    <testcase classname="${xml(file)}" name="no findings" file="${xml(file)}" time="0"/>`);
        suites.push(suite(file, findings.length, cases));
    }
    const failures = result.findings.length;
    const tests = [...byFile.values()].reduce((sum, findings) => sum + Math.max(1, findings.length), 0);
    return '<?xml version="1.0" encoding="UTF-8"?>\n'
        + `<testsuites name="joinery" tests="${tests}" failures="${failures}" errors="0" time="0">\n`
        + suites.join('\n') + (suites.length ? '\n' : '')
        + '</testsuites>\n';
}

function suite(name: string, failures: number, cases: string[]): string {
    return `  <testsuite name="${xml(name)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0" time="0">\n${cases.join('\n')}\n  </testsuite>`;
}

/** Text in an XML attribute or element: markup escaped, and the characters XML 1.0 cannot hold at all dropped. */
function xml(text: string): string {
    return text
        // eslint-disable-next-line no-control-regex -- XML 1.0 forbids these characters, even as references
        .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
        .replace(/[&<>"']/g, char => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char]!)
        .replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
