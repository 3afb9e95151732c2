// The server's connection: its transport from the command line (`--stdio`, `--node-ipc`,
// `--socket=N`, `--pipe=NAME`, as vscode-languageserver reads them), and the LSP
// lifecycle rules the library leaves to servers. Built here rather than by
// createConnection's own argument parsing, to reach the reader's errors and the socket.
import { createConnection as createSocket } from 'node:net';
import {
  createConnection,
  createServerPipeTransport,
  ErrorCodes,
  IPCMessageReader,
  IPCMessageWriter,
  Message,
  ProposedFeatures,
  SocketMessageReader,
  SocketMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type Connection,
  type DataCallback,
  type MessageReader,
  type MessageWriter,
  type RequestMessage,
  type ResponseMessage,
} from './languageServer';

export interface Transport {
  reader: MessageReader;
  writer: MessageWriter;
  /** Standard output carries the protocol: nothing else may write to it. */
  stdio: boolean;
}

/** The transport named by the command line; undefined when it names none. */
export function transportFromArgs(argv: string[]): Transport | undefined {
  const option = (name: string) => {
    const i = argv.findIndex((a) => a === name || a.startsWith(`${name}=`));
    return i < 0 ? undefined : argv[i].includes('=') ? argv[i].slice(name.length + 1) : argv[i + 1];
  };
  if (argv.includes('--stdio')) return { reader: new StreamMessageReader(process.stdin), writer: new StreamMessageWriter(process.stdout), stdio: true };
  if (argv.includes('--node-ipc')) return { reader: new IPCMessageReader(process), writer: new IPCMessageWriter(process), stdio: false };
  const port = Number(option('--socket'));
  if (Number.isInteger(port) && port > 0) {
    const socket = createSocket(port, '127.0.0.1');
    // Without it, a response written as header and body waits for the client's delayed
    // ACK of the first part (Nagle's algorithm): about 40 ms a response on Linux.
    socket.setNoDelay(true);
    return { reader: new SocketMessageReader(socket), writer: new SocketMessageWriter(socket), stdio: false };
  }
  const pipe = option('--pipe');
  if (pipe) {
    const [reader, writer] = createServerPipeTransport(pipe);
    return { reader, writer, stdio: false };
  }
  return undefined;
}

/** What the server answers for requests before `initialize` and after `shutdown`. */
export const NOT_INITIALIZED = { code: ErrorCodes.ServerNotInitialized, message: 'The server is not initialized yet: send initialize first.' };
export const SHUT_DOWN = { code: ErrorCodes.InvalidRequest, message: 'The server is shutting down: only exit is accepted.' };

/**
 * A connection on `reader` and `writer` that keeps the LSP lifecycle: a request before
 * `initialize` is answered with ServerNotInitialized (−32002) and a notification then is
 * dropped (but `exit`); a second `initialize`, and any request after `shutdown`, get
 * InvalidRequest. Responses to the server's own requests always pass.
 */
export function createServerConnection(reader: MessageReader, writer: MessageWriter): { connection: Connection; shutDown: () => boolean } {
  let state: 'new' | 'initialized' | 'shut down' = 'new';
  const refuse = (request: RequestMessage, error: { code: number; message: string }) => void writer.write({ jsonrpc: '2.0', id: request.id, error } as ResponseMessage);
  const gated: MessageReader = {
    onError: reader.onError,
    onClose: reader.onClose,
    onPartialMessage: reader.onPartialMessage,
    dispose: () => reader.dispose(),
    listen: (callback: DataCallback) =>
      reader.listen((message) => {
        if (Message.isRequest(message)) {
          if (state === 'shut down') return refuse(message, SHUT_DOWN);
          if (message.method === 'initialize') {
            if (state === 'initialized') return refuse(message, { code: ErrorCodes.InvalidRequest, message: 'initialize was already received.' });
            state = 'initialized';
          } else if (state === 'new') return refuse(message, NOT_INITIALIZED);
          if (message.method === 'shutdown') state = 'shut down';
        } else if (Message.isNotification(message) && state === 'new' && message.method !== 'exit') return;
        callback(message);
      }),
  };
  return { connection: createConnection(ProposedFeatures.all, gated, writer), shutDown: () => state === 'shut down' };
}

/**
 * A frame without a usable Content-Length loses the stream: vscode-jsonrpc's reader has
 * consumed that header and reads the body as the next header, failing on every later
 * frame too, so the server would live on without ever answering again. Say so, and end
 * the process: the client restarts it. A body that is not JSON keeps the framing: logged only.
 */
export function exitWhenFramingIsLost(transport: Transport, log: (message: string) => void, exit: (code: number) => void = process.exit): void {
  transport.reader.onError((error) => {
    if (!/Content-Length/i.test(error.message)) {
      log(`Ignored a message that could not be read: ${error.message}`);
      return;
    }
    const message = `Agentry language server: exiting, the protocol stream is out of step (${error.message.split('\n')[0]}); the client can restart the server.`;
    process.stderr.write(`${message}\n`);
    transport.writer
      .write({ jsonrpc: '2.0', method: 'window/logMessage', params: { type: 1, message } } as Message)
      .catch(() => undefined)
      .finally(() => exit(1));
  });
}
