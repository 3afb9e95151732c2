// The language service facade every host (LSP server, CLI, tests) uses. Pure:
// no LSP connection and no file system; hosts hand it text and settings.
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { validateDocument } from './diagnostics/validate';
import type { AgentDiagnostic } from './diagnostics/reporter';
import type { AnalysisSettings } from './diagnostics/settings';
import { fixAllEdits, fixAllPlan, fixesFor, type FixEdit } from './features/fixes';
import { parseAgent } from './parse/parseAgent';
import type { AgentDocument } from './types';
import { summarize, WorkspaceIndex } from './workspace/workspaceIndex';
import type { WorkspaceContext } from './workspace/workspaceContext';

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
}

export function createAgentService(): AgentService {
  const cache = new Map<string, AgentDocument>();
  const index = new WorkspaceIndex();
  const workspace: WorkspaceContext = { index };
  // A pull, a code action and fix-all on one version need the same diagnostics: keep the
  // last result per document model (one model per version) until the index, the rules
  // document or the settings change.
  const validated = new WeakMap<AgentDocument, { indexVersion: number; skillsVersion?: number; rules?: AgentDocument; settings: AnalysisSettings; diagnostics: AgentDiagnostic[] }>();
  return {
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
      const diagnostics = validateDocument(doc, settings, workspace);
      validated.set(doc, { indexVersion: index.version, skillsVersion: workspace.skills?.version, rules: workspace.rulesDocument, settings, diagnostics });
      return [...diagnostics];
    },
    fixes: fixesFor,
    fixAll: fixAllEdits,
    fixAllPlan,
  };
}

/** Applies LSP text edits to a text. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'markdown', 0, text), edits);
}

export { parseAgent } from './parse/parseAgent';
export { DEFAULT_SETTINGS, settingsFromConfig, type AnalysisSettings } from './diagnostics/settings';
export type { AgentDocument } from './types';
export type { AgentDiagnostic } from './diagnostics/reporter';
