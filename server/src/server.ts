// The Agentry language server (dist/server-main.js, loaded by serverLoader.ts). The transport
// comes from the command line (`--stdio`, `--node-ipc`, `--socket=N`, `--pipe=NAME`); all
// wiring lives in lsp/startServer.
import { statSync } from 'node:fs';
import { version } from '../../package.json';
import { startServer } from './lsp/startServer';
import { createServerConnection, exitWhenFramingIsLost, transportFromArgs } from './lsp/transport';

// Answered before the transport is asked for: `agentry-language-server --version` needs none.
if (process.argv.includes('--version')) {
  process.stdout.write(`${version}\n`);
  process.exit(0);
}

const transport = transportFromArgs(process.argv.slice(2));
if (!transport) {
  process.stderr.write('agentry language server: name a transport: --stdio, --node-ipc, --socket=<port> or --pipe=<name>\n');
  process.exit(2);
}
// Standard output carries the protocol: what a library would print goes to standard error.
if (transport.stdio) console.log = console.info = console.debug = console.error;
const { connection, shutDown } = createServerConnection(transport.reader, transport.writer);
exitWhenFramingIsLost(transport, (message) => connection.console.error(message));
// The client closed the stream: nothing will ever come again (as vscode-languageserver does for streams).
transport.reader.onClose(() => process.exit(shutDown() ? 0 : 1));
process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));
// The version and this bundle's own size and time: a rebuilt server never trusts an older index cache.
const bundle = statSync(__filename, { throwIfNoEntry: false });
startServer(connection, `${version}:${bundle?.size}:${bundle?.mtimeMs}`);
