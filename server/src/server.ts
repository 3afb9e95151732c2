// The Agentry language server. The transport comes from the command line
// (`--stdio`, `--node-ipc`, `--socket=N`); all wiring lives in lsp/startServer.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/startServer';

const connection = createConnection(ProposedFeatures.all);
process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));
startServer(connection);
