/**
 * Where the rule documentation pages (`docs/rules/<id>.md`) are, as a URI base the
 * program sets when it starts: beside the bundle on disk for the CLI and the Node
 * server (rule-docs-on-disk.ts), whatever the client says in a browser. Without a
 * base, findings carry no documentation link. No Node API here: the browser
 * server shares this file.
 */
let docsBase: string | undefined;
let readme: string | undefined;
const docsUris = new Map<string, string>();

/** `base` is the folder URI that holds `rules/<id>.md`'s folder `rules` (…/docs); `readmeUri` the package's README. */
export function setRuleDocsBase(base: string | undefined, readmeUri?: string): void {
    docsBase = base?.replace(/\/+$/, '');
    readme = readmeUri;
    docsUris.clear();
}

export function ruleDocsUri(ruleId: string): string | undefined {
    if (docsBase === undefined) return undefined;
    // Asked once per diagnostic on every publish: the URI is built once per rule.
    let uri = docsUris.get(ruleId);
    if (uri === undefined) {
        uri = `${docsBase}/rules/${encodeURIComponent(ruleId)}.md`;
        docsUris.set(ruleId, uri);
    }
    return uri;
}

export function readmeUri(): string | undefined {
    return readme;
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
