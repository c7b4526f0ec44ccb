import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Where a rule's documentation page lives: `docs/rules/<id>.md` of this package,
 * found beside the bundle that runs (out/ in a checkout, the extension's folder
 * in a .vsix). The link works offline, in any editor that opens file URIs.
 */
export function ruleDocsUri(ruleId: string): string {
    // Asked once per diagnostic on every publish: the URL is built once per rule.
    let uri = docsUris.get(ruleId);
    if (uri === undefined) {
        uri = pathToFileURL(path.join(packageRoot(), 'docs', 'rules', `${ruleId}.md`)).href;
        docsUris.set(ruleId, uri);
    }
    return uri;
}

const docsUris = new Map<string, string>();

export function readmeUri(): string {
    return pathToFileURL(path.join(packageRoot(), 'README.md')).href;
}

let root: string | undefined;

/**
 * The nearest folder with a package.json and the rule docs above the running code:
 * the checkout, or the installed extension (extension/ in a checkout has no docs).
 */
function packageRoot(): string {
    if (root === undefined) {
        let folder = typeof __dirname === 'string' ? __dirname : process.cwd();
        const isRoot = (candidate: string) => existsSync(path.join(candidate, 'package.json')) && existsSync(path.join(candidate, 'docs', 'rules'));
        while (!isRoot(folder) && path.dirname(folder) !== folder) folder = path.dirname(folder);
        root = folder;
    }
    return root;
}

declare const JOINERY_DOCS_URL: string;
declare const JOINERY_HOMEPAGE: string;

/**
 * The rule pages on the web for this version (from the package's repository, set
 * when the bundles are built), or undefined when run from source. Output that
 * leaves the machine (SARIF, a pull-request comment) links here, never to a local path.
 */
export function publishedDocsBase(): string | undefined {
    return typeof JOINERY_DOCS_URL === 'string' ? JOINERY_DOCS_URL : undefined;
}

export function publishedHomepage(): string | undefined {
    return typeof JOINERY_HOMEPAGE === 'string' && JOINERY_HOMEPAGE.startsWith('https://') ? JOINERY_HOMEPAGE : undefined;
}

/** A rule's page under an https base (`--docs-url`, else the published docs), or undefined. */
export function ruleDocsWebUri(ruleId: string, base = publishedDocsBase()): string | undefined {
    if (!base || !base.startsWith('https://')) return undefined;
    return `${base.endsWith('/') ? base : `${base}/`}${encodeURIComponent(ruleId)}.md`;
}
