// The language service facade every host (LSP server, CLI, tests) uses. Pure:
// no LSP connection and no file system; hosts hand it text and settings.
import type { CodeAction, CodeLens, CompletionItem, Diagnostic, DocumentSymbol, FoldingRange, Hover, Location, Position, Range, SemanticTokens, TextEdit, WorkspaceEdit, WorkspaceSymbol } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AgentDiagnostic } from './diagnostics/reporter';
import type { AnalysisSettings } from './diagnostics/settings';
import type { FixEdit } from './features/fixes';
import type { EditSupport, FixesApplied } from './features/fixes/codeActions';
import type { CompletionOptions } from './features/completion/completion';
import type { Cancellation, FeatureContext } from './features/featureContext';
import type { SymbolOptions } from './features/navigation/documentSymbols';
import type { RenameResult } from './features/navigation/rename';
import { parseAgent } from './parse/parseAgent';
import type { AgentDocument } from './types';
import { summarize, WorkspaceIndex } from './workspace/workspaceIndex';
import type { WorkspaceContext } from './workspace/workspaceContext';

/** What the service asks of its host (the language server, the CLI, a test): the agent files it does not hold. */
export interface AgentHost {
  /** The current model of another agent file (its open buffer, else the file on disk); undefined when it cannot be read. */
  readAgent(uri: string): AgentDocument | undefined;
}

/**
 * What one document is analysed with: the settings of its resource, merged by the host
 * (passed per request: a language server reads them asynchronously, per resource).
 */
export interface DocumentSettings {
  analysis: AnalysisSettings;
  /** Trigger ids the configuration declares (`triggers`), offered as completions. */
  triggers: readonly string[];
}

const NO_HOST: AgentHost = { readAgent: () => undefined };

let analysisModules: typeof import('./analysis') | undefined;
/** The diagnostics and features, evaluated on first use (analysis.ts). */
const analysis = () => (analysisModules ??= require('./analysis') as typeof import('./analysis'));

export interface AgentService {
  /** The parsed model of this text; parsed once per uri, version and text. */
  parse(uri: string, version: number, text: string): AgentDocument;
  /** Drops the cached model of a closed document. */
  forget(uri: string): void;
  readonly index: WorkspaceIndex;
  /** Adds or refreshes a document in the workspace index. */
  indexDocument(doc: AgentDocument): void;
  removeFromIndex(uri: string): void;
  setRulesDocument(doc: AgentDocument | undefined): void;
  readonly workspace: WorkspaceContext;
  validate(doc: AgentDocument, settings: AnalysisSettings): AgentDiagnostic[];
  fixes(doc: AgentDocument, diagnostic: Diagnostic): FixEdit[];
  fixAll(doc: AgentDocument, diagnostics: Diagnostic[]): TextEdit[];
  /** fixAll with the number of fixes its edits make. */
  fixAllPlan(doc: AgentDocument, diagnostics: Diagnostic[]): { edits: TextEdit[]; fixes: number };
  completion(doc: AgentDocument, position: Position, settings: DocumentSettings, options: CompletionOptions, token: Cancellation): CompletionItem[];
  hover(doc: AgentDocument, position: Position, settings: DocumentSettings, token: Cancellation): Hover | null;
  definition(doc: AgentDocument, position: Position, settings: DocumentSettings, token: Cancellation): Location[];
  references(doc: AgentDocument, position: Position, settings: DocumentSettings, includeDeclaration: boolean, token: Cancellation): Location[];
  prepareRename(doc: AgentDocument, position: Position): { range: Range; placeholder: string } | undefined;
  rename(doc: AgentDocument, position: Position, newName: string, settings: DocumentSettings, token: Cancellation): RenameResult | undefined;
  documentSymbols(doc: AgentDocument, options: SymbolOptions, token: Cancellation): DocumentSymbol[];
  foldingRanges(doc: AgentDocument, token: Cancellation): FoldingRange[];
  semanticTokens(doc: AgentDocument, token: Cancellation): SemanticTokens;
  codeLenses(doc: AgentDocument, settings: DocumentSettings): CodeLens[];
  /** Quick fixes for the request's diagnostics and fix-all over every current diagnostic of the document. */
  codeActions(doc: AgentDocument, settings: DocumentSettings, request: { diagnostics: Diagnostic[]; only?: string[] }, support: EditSupport, token: Cancellation, fixesApplied?: FixesApplied): CodeAction[];
  /** Every safe fix of the document as one edit, with how many fixes it makes; undefined when there is none. */
  fixAllEdit(doc: AgentDocument, settings: DocumentSettings, support: EditSupport): { edit: WorkspaceEdit; fixes: number } | undefined;
  workspaceSymbols(query: string, token: Cancellation): WorkspaceSymbol[];
}

export function createAgentService(host: AgentHost = NO_HOST): AgentService {
  const cache = new Map<string, AgentDocument>();
  const index = new WorkspaceIndex();
  const workspace: WorkspaceContext = { index };
  // A pull, a code action and fix-all on one version need the same diagnostics: keep the
  // last result per document model (one model per version) until the index, the rules
  // document or the settings change.
  const validated = new WeakMap<AgentDocument, { indexVersion: number; skillsVersion?: number; rules?: AgentDocument; settings: AnalysisSettings; diagnostics: AgentDiagnostic[] }>();
  const context = (settings: DocumentSettings): FeatureContext => ({ workspace, load: (uri) => host.readAgent(uri), settings: settings.analysis, triggers: settings.triggers });
  const service: AgentService = {
    parse(uri, version, text) {
      // The text itself decides (a client may repeat or rewind a version, or open a file twice);
      // an unchanged buffer hands back the same string, so the comparison is then immediate.
      const cached = cache.get(uri);
      if (cached && cached.version === version && cached.text === text) return cached;
      const doc = parseAgent(uri, version, text);
      cache.set(uri, doc);
      return doc;
    },
    forget(uri) {
      cache.delete(uri);
    },
    index,
    indexDocument(doc) {
      index.upsert(summarize(doc));
    },
    removeFromIndex(uri) {
      index.remove(uri);
    },
    setRulesDocument(doc) {
      workspace.rulesDocument = doc;
    },
    workspace,
    validate(doc, settings) {
      const last = validated.get(doc);
      if (last && last.indexVersion === index.version && last.skillsVersion === workspace.skills?.version && last.rules === workspace.rulesDocument && last.settings === settings) return [...last.diagnostics];
      const diagnostics = analysis().validateDocument(doc, settings, workspace);
      validated.set(doc, { indexVersion: index.version, skillsVersion: workspace.skills?.version, rules: workspace.rulesDocument, settings, diagnostics });
      return [...diagnostics];
    },
    fixes: (doc, diagnostic) => analysis().fixesFor(doc, diagnostic),
    fixAll: (doc, diagnostics) => analysis().fixAllEdits(doc, diagnostics),
    fixAllPlan: (doc, diagnostics) => analysis().fixAllPlan(doc, diagnostics),
    completion: (doc, position, settings, options, token) => analysis().completion(doc, position, context(settings), options, token),
    hover: (doc, position, settings, token) => analysis().hover(doc, position, context(settings), token),
    definition: (doc, position, settings, token) => analysis().definition(doc, position, context(settings), token),
    references: (doc, position, settings, includeDeclaration, token) => analysis().references(doc, position, context(settings), includeDeclaration, token),
    prepareRename: (doc, position) => analysis().prepareRename(doc, position),
    rename: (doc, position, newName, settings, token) => analysis().renameAgent(doc, position, newName, context(settings), token),
    documentSymbols: (doc, options, token) => analysis().documentSymbols(doc, token, options),
    foldingRanges: (doc, token) => analysis().foldingRanges(doc, token),
    semanticTokens: (doc, token) => analysis().semanticTokens(doc, token),
    codeLenses: (doc, settings) => analysis().codeLenses(doc, settings.analysis),
    codeActions: (doc, settings, request, support, token, fixesApplied) => analysis().codeActions(doc, service, { ...request, allDiagnostics: service.validate(doc, settings.analysis) }, support, token, fixesApplied),
    fixAllEdit(doc, settings, support) {
      const { edits, fixes } = analysis().fixAllPlan(doc, service.validate(doc, settings.analysis));
      return edits.length ? { edit: analysis().textEdit(doc, edits, support), fixes } : undefined;
    },
    workspaceSymbols: (query, token) => analysis().workspaceSymbols(query, index, token),
  };
  return service;
}

/** Applies LSP text edits to a text. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'markdown', 0, text), edits);
}

export { parseAgent } from './parse/parseAgent';
export { DEFAULT_SETTINGS, settingsFromConfig, type AnalysisSettings } from './diagnostics/settings';
export type { AgentDocument } from './types';
export type { Cancellation } from './features/featureContext';
export { NOT_CANCELLED } from './features/featureContext';
export type { CompletionOptions } from './features/completion/completion';
export type { EditSupport } from './features/fixes/codeActions';
export { FIX_ALL_KIND } from './features/fixes/fixAllKind';
export { SEMANTIC_TOKENS_LEGEND } from './features/semanticTokensLegend';
export type { AgentDiagnostic } from './diagnostics/reporter';
