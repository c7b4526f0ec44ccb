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
