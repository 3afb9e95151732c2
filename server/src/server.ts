// The Agentry language server. The transport comes from the command line
// (`--stdio`, `--node-ipc`, `--socket=N`); all wiring lives in lsp/startServer.
import { statSync } from 'node:fs';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { version } from '../../package.json';
import { startServer } from './lsp/startServer';

// Without a transport argument createConnection throws, so --version is answered first.
if (process.argv.includes('--version')) {
  process.stdout.write(`${version}\n`);
  process.exit(0);
}

const connection = createConnection(ProposedFeatures.all);
process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));
// The version and this bundle's own size and time: a rebuilt server never trusts an older index cache.
const bundle = statSync(__filename, { throwIfNoEntry: false });
startServer(connection, `${version}:${bundle?.size}:${bundle?.mtimeMs}`);
