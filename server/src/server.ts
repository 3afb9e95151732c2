// The Agentry language server. The transport comes from the command line
// (`--stdio`, `--node-ipc`, `--socket=N`, `--pipe=NAME`); all wiring lives in lsp/startServer.
import { statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { version } from '../../package.json';
import { startServer } from './lsp/startServer';
import { createServerConnection, exitWhenFramingIsLost, transportFromArgs } from './lsp/transport';

// Answered before the transport is asked for: `agentry-language-server --version` needs none.
if (process.argv.includes('--version')) {
  process.stdout.write(`${version}\n`);
  process.exit(0);
}

// V8 grows the young generation up to 16 MB semi-spaces while a large folder is indexed:
// parsing makes short-lived garbage fast, and the grown space stays in RSS. Kept at its
// initial size, 10,000 agents index in about 5% more time at ~30 MB less peak RSS. (The other
// heap flags only take effect on the command line, which the server does not own.)
setFlagsFromString('--semi-space-growth-factor=1');

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
