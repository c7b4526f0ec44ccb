/// <reference lib="webworker" />
// The language server in a web worker (the playground, VS Code in a browser): the
// same services and handlers as the Node server (main.ts), over the worker's
// messages. No Node API on this path: the bundle is built for platform 'browser'.
import { EmptyFileSystem } from 'langium';
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { createJoineryServices } from '../joinery-module.js';
import { layOutMapHere } from '../report/map-layout.js';
import { setRuleDocsBase } from '../rules/rule-docs-location.js';
import { startJoineryLanguageServer } from './start-server.js';

/** What a browser client may say in `initializationOptions`. */
export interface BrowserServerOptions {
    /** The URI of the folder holding `rules/<id>.md` (the web extension's own docs/); without it findings carry no link. */
    ruleDocsBase?: string;
}

const worker = self as unknown as DedicatedWorkerGlobalScope;
const connection = createConnection(new BrowserMessageReader(worker), new BrowserMessageWriter(worker));
// Only the documents the client opens are the workspace: there is no disk to read.
const { shared } = createJoineryServices({ connection, ...EmptyFileSystem });
shared.lsp.LanguageServer.onInitialize(params => {
    const options = params.initializationOptions as BrowserServerOptions | undefined;
    setRuleDocsBase(typeof options?.ruleDocsBase === 'string' ? options.ruleDocsBase : undefined);
});
// The map is laid out on this worker, off the page's thread (bounded in size; no nested worker).
startJoineryLanguageServer(shared, layOutMapHere);
