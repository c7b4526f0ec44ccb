import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createJoineryServices } from '../joinery-module.js';
import { JoineryFileSystem } from '../workspace/file-system.js';
import { startJoineryLanguageServer } from './start-server.js';
import { useRuleDocsOnDisk } from '../rules/rule-docs-on-disk.js';
import { layOutMapSafely } from '../report/map-worker.js';
import { HeapAfterStartUp } from './heap-after-start-up.js';

// The connection picks its transport from the command line: --stdio, --node-ipc or --socket=N.
useRuleDocsOnDisk();
const connection = createConnection(ProposedFeatures.all);
const { shared } = createJoineryServices({ connection, ...JoineryFileSystem });
startJoineryLanguageServer(shared, layOutMapSafely, new HeapAfterStartUp());
