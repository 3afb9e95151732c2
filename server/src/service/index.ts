// The language service facade every host (LSP server, CLI, tests) uses. Pure:
// no LSP connection and no file system; hosts hand it texts, and answer for other
// files and for settings through AgentHost.
import type { CodeAction, CodeLens, CompletionItem, Diagnostic, DocumentSymbol, FoldingRange, Hover, Location, Position, Range, SemanticTokens, TextEdit, WorkspaceEdit, WorkspaceSymbol } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AgentDiagnostic } from './diagnostics/reporter';
import { DEFAULT_SETTINGS, type Settings } from './config/settings';
import type { FixEdit } from './features/fixes';
import type { EditSupport, FixesApplied } from './features/fixes/codeActions';
import type { CompletionOptions } from './features/completion/completion';
import type { Cancellation, FeatureContext } from './features/featureContext';
import type { SymbolOptions } from './features/navigation/documentSymbols';
import type { RenameResult } from './features/navigation/rename';
import { parseAgent } from './parse/parseAgent';
import type { AgentDocument } from './types';
import { summarize, WorkspaceIndex } from './workspace/workspaceIndex';
import { Revision } from './workspace/revision';
import { SkillIndex, type SkillSummary } from './skills/skillIndex';
import type { WorkspaceContext } from './workspace/workspaceContext';

let analysisModules: typeof import('./analysis') | undefined;
/** The diagnostics and features, evaluated on first use (analysis.ts). */
const analysis = () => (analysisModules ??= require('./analysis') as typeof import('./analysis'));

/** What the service asks of its host (the language server, the CLI, a test): the agent files it does not hold, and settings. */
export interface AgentHost {
  /** The current model of another agent file (its open buffer, else the file on disk); undefined when it cannot be read. */
  readAgent(uri: string): AgentDocument | undefined;
  /** The settings of the document at `uri`, resolved by the host (the same object until they change). */
  settings(uri: string): Settings;
  /** The workspace revision, which the host bumps when settings change and the service when anything else other files read does. */
  readonly revision: Revision;
}

/** A host with no other files, whose documents all have the same settings. */
export function fixedHost(settings: Settings = DEFAULT_SETTINGS): AgentHost {
  return { readAgent: () => undefined, settings: () => settings, revision: new Revision() };
}

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
  /** Replaces the skills agents can name; undefined: skills are not checked. */
  setSkills(skills: Iterable<SkillSummary> | undefined): void;
  readonly workspace: WorkspaceContext;
  validate(doc: AgentDocument): AgentDiagnostic[];
  fixes(doc: AgentDocument, diagnostic: Diagnostic): FixEdit[];
  fixAll(doc: AgentDocument, diagnostics: Diagnostic[]): TextEdit[];
  /** fixAll with the number of fixes its edits make. */
  fixAllPlan(doc: AgentDocument, diagnostics: Diagnostic[]): { edits: TextEdit[]; fixes: number };
  completion(doc: AgentDocument, position: Position, options: CompletionOptions, token: Cancellation): CompletionItem[];
  hover(doc: AgentDocument, position: Position, token: Cancellation): Hover | null;
  definition(doc: AgentDocument, position: Position, token: Cancellation): Location[];
  references(doc: AgentDocument, position: Position, includeDeclaration: boolean, token: Cancellation): Location[];
  prepareRename(doc: AgentDocument, position: Position): { range: Range; placeholder: string } | undefined;
  rename(doc: AgentDocument, position: Position, newName: string, token: Cancellation): RenameResult | undefined;
  documentSymbols(doc: AgentDocument, options: SymbolOptions, token: Cancellation): DocumentSymbol[];
  foldingRanges(doc: AgentDocument, token: Cancellation): FoldingRange[];
  semanticTokens(doc: AgentDocument, token: Cancellation): SemanticTokens;
  codeLenses(doc: AgentDocument): CodeLens[];
  /** Quick fixes for the request's diagnostics and fix-all over every current diagnostic of the document. */
  codeActions(doc: AgentDocument, request: { diagnostics: Diagnostic[]; only?: string[] }, support: EditSupport, token: Cancellation, fixesApplied?: FixesApplied): CodeAction[];
  /** Every safe fix of the document as one edit, with how many fixes it makes; undefined when there is none. */
  fixAllEdit(doc: AgentDocument, support: EditSupport): { edit: WorkspaceEdit; fixes: number } | undefined;
  workspaceSymbols(query: string, token: Cancellation): WorkspaceSymbol[];
}

export function createAgentService(host: AgentHost = fixedHost()): AgentService {
  const cache = new Map<string, AgentDocument>();
  const { revision } = host;
  const index = new WorkspaceIndex(revision);
  const workspace: { -readonly [K in keyof WorkspaceContext]: WorkspaceContext[K] } = { index, revision };
  // A pull, a code action and fix-all on one version need the same diagnostics: keep the
  // last result per document model (one model per version) until the workspace revision
  // or the document's settings change.
  const validated = new WeakMap<AgentDocument, { revision: number; settings: Settings; diagnostics: AgentDiagnostic[] }>();
  const context = (doc: AgentDocument): FeatureContext => ({ workspace, load: (uri) => host.readAgent(uri), settings: host.settings(doc.uri) });
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
      revision.bump();
    },
    setSkills(skills) {
      workspace.skills = skills && new SkillIndex(skills, revision);
      revision.bump();
    },
    workspace,
    validate(doc) {
      const settings = host.settings(doc.uri);
      const last = validated.get(doc);
      if (last && last.revision === revision.current && last.settings === settings) return [...last.diagnostics];
      const diagnostics = analysis().validateDocument(doc, settings, workspace);
      validated.set(doc, { revision: revision.current, settings, diagnostics });
      return [...diagnostics];
    },
    fixes: (doc, diagnostic) => analysis().fixesFor(doc, diagnostic),
    fixAll: (doc, diagnostics) => analysis().fixAllEdits(doc, diagnostics),
    fixAllPlan: (doc, diagnostics) => analysis().fixAllPlan(doc, diagnostics),
    completion: (doc, position, options, token) => analysis().completion(doc, position, context(doc), options, token),
    hover: (doc, position, token) => analysis().hover(doc, position, context(doc), token),
    definition: (doc, position, token) => analysis().definition(doc, position, context(doc), token),
    references: (doc, position, includeDeclaration, token) => analysis().references(doc, position, context(doc), includeDeclaration, token),
    prepareRename: (doc, position) => analysis().prepareRename(doc, position),
    rename: (doc, position, newName, token) => analysis().renameAgent(doc, position, newName, context(doc), token),
    documentSymbols: (doc, options, token) => analysis().documentSymbols(doc, token, options),
    foldingRanges: (doc, token) => analysis().foldingRanges(doc, token),
    semanticTokens: (doc, token) => analysis().semanticTokens(doc, token),
    codeLenses: (doc) => analysis().codeLenses(doc, host.settings(doc.uri)),
    codeActions: (doc, request, support, token, fixesApplied) => analysis().codeActions(doc, service, { ...request, allDiagnostics: service.validate(doc) }, support, token, fixesApplied),
    fixAllEdit(doc, support) {
      const { edits, fixes } = analysis().fixAllPlan(doc, service.validate(doc));
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
export { DEFAULT_SETTINGS, resolveSettings, type AnalysisSettings, type Settings } from './config/settings';
export type { AgentDocument } from './types';
export type { Cancellation } from './features/featureContext';
export { NOT_CANCELLED } from './features/featureContext';
export type { CompletionOptions } from './features/completion/completion';
export type { EditSupport } from './features/fixes/codeActions';
export { FIX_ALL_KIND } from './features/fixes/fixAllKind';
export { SEMANTIC_TOKENS_LEGEND } from './features/semanticTokensLegend';
export type { AgentDiagnostic } from './diagnostics/reporter';
