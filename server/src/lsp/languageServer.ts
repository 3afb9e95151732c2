// vscode-languageserver/node as the server's files import it: its values from here, its types
// too. The library is CommonJS, and the bundle gives each ES module that imports a value of it
// its own copy of the library's 321 exports, built at start-up (bench/README.md, the third round).
export type * from 'vscode-languageserver/node';
export {
  createConnection,
  createServerPipeTransport,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  ErrorCodes,
  FileChangeType,
  IPCMessageReader,
  IPCMessageWriter,
  LSPErrorCodes,
  Message,
  MessageType,
  ProposedFeatures,
  ResponseError,
  ShowMessageNotification,
  SocketMessageReader,
  SocketMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentSyncKind,
  TextDocuments,
  WatchKind,
} from 'vscode-languageserver/node';
