import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { setRuleDocsBase } from './rule-docs-location.js';

/**
 * Points rule links at `docs/rules/<id>.md` of this package, found beside the
 * bundle that runs (out/ in a checkout, the extension's folder in a .vsix). The
 * link works offline, in any editor that opens file URIs. Node only: the CLI and
 * the Node server call it as they start.
 */
export function useRuleDocsOnDisk(): void {
    const root = packageRoot();
    setRuleDocsBase(pathToFileURL(path.join(root, 'docs')).href, pathToFileURL(path.join(root, 'README.md')).href);
}

/**
 * The nearest folder with a package.json and the rule docs above the running code:
 * the checkout, or the installed extension (extension/ in a checkout has no docs).
 */
function packageRoot(): string {
    let folder = typeof __dirname === 'string' ? __dirname : process.cwd();
    const isRoot = (candidate: string) => existsSync(path.join(candidate, 'package.json')) && existsSync(path.join(candidate, 'docs', 'rules'));
    while (!isRoot(folder) && path.dirname(folder) !== folder) folder = path.dirname(folder);
    return folder;
}
