import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { createJoineryServices } from '../joinery-module.js';
import { startJoineryLanguageServer } from './start-server.js';
import { useRuleDocsOnDisk } from '../rules/rule-docs-on-disk.js';

// The connection picks its transport from the command line: --stdio, --node-ipc or --socket=N.
useRuleDocsOnDisk();
const connection = createConnection(ProposedFeatures.all);
const { shared, Joinery } = createJoineryServices({ connection, ...NodeFileSystem });
startJoineryLanguageServer(shared, Joinery);
