import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createJoineryServices } from '../joinery-module.js';
import { JoineryFileSystem } from '../workspace/file-system.js';
import { startJoineryLanguageServer } from './start-server.js';

// The connection picks its transport from the command line: --stdio, --node-ipc or --socket=N.
const connection = createConnection(ProposedFeatures.all);
const { shared, Joinery } = createJoineryServices({ connection, ...JoineryFileSystem });
startJoineryLanguageServer(shared, Joinery);
