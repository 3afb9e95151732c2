// What the fuzz properties run on one text, asserting the invariants as they go:
// parse, validate, every fix of every diagnostic, fix-all, and every language
// feature at given positions. Each returns a plain outcome so that running it
// twice on the same input can be compared for determinism.
import assert from 'node:assert/strict';
import type { CompletionItem, DocumentSymbol, Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { createAgentService, DEFAULT_SETTINGS, type AgentDocument, type AgentService } from '../../server/src/service';
import { codeActions } from '../../server/src/service/features/fixes/codeActions';
import { completion } from '../../server/src/service/features/completion/completion';
import { definition } from '../../server/src/service/features/navigation/definition';
import { documentSymbols } from '../../server/src/service/features/navigation/documentSymbols';
import { NOT_CANCELLED, type FeatureContext } from '../../server/src/service/features/featureContext';
import { foldingRanges } from '../../server/src/service/features/navigation/foldingRanges';
import { hover } from '../../server/src/service/features/hover/hover';
import { references } from '../../server/src/service/features/navigation/references';
import { prepareRename, renameAgent } from '../../server/src/service/features/navigation/rename';
import { workspaceSymbols } from '../../server/src/service/features/navigation/workspaceSymbols';
import { agentUri, seed } from '../support/fixtures';
import { applyChecked, applyFix, assertDiagnosticsInside, checkedSpans, assertFixHelps, assertNoNewErrors, comparableModel, Lines, reanalyse, yamlUnreadable, type FixOutcome } from '../support/invariants';

export const FUZZ_URI = agentUri('fuzzed-agent');

/** A small workspace around the fuzzed file: two other agents and a rules document. */
interface Workspace {
  service: AgentService;
  ctx: FeatureContext;
  doc: AgentDocument;
  /** Line tables of every document a result may point into. */
  lines: Map<string, Lines>;
}

let neighbours: AgentDocument[] | undefined;

function workspaceWith(text: string): Workspace {
  const service = createAgentService();
  // The other two are parsed once: a parsed document is a value no feature changes.
  neighbours ??= [
    ['other-agent', '004'],
    ['rules-agent', '003'],
  ].map(([name, prefix]) => createAgentService().parse(agentUri(name), 0, seed(prefix).text));
  const docs = new Map<string, AgentDocument>();
  for (const other of neighbours) {
    service.indexDocument(other);
    docs.set(other.uri, other);
  }
  service.setRulesDocument(docs.get(agentUri('rules-agent')));
  const doc = service.parse(FUZZ_URI, 0, text);
  service.indexDocument(doc);
  docs.set(doc.uri, doc);
  const lines = new Map([...docs].map(([uri, d]) => [uri, new Lines(d.text)]));
  const ctx: FeatureContext = { workspace: service.workspace, load: (uri) => docs.get(uri), settings: { ...DEFAULT_SETTINGS, triggers: ['code_review_needed'] } };
  return { service, ctx, doc, lines };
}

export interface CoreOutcome {
  model: unknown;
  diagnostics: unknown[];
  fixes: { diagnostic: number; title: string; auto: boolean; edits: TextEdit[]; rename?: unknown; after: unknown[] }[];
  fixAll: TextEdit[];
  afterFixAll: unknown[];
}

/**
 * Parse, validate, each fix on its own and fix-all; every result re-parsed and
 * re-validated (`quick`: the edits only checked, nothing parsed again).
 */
export function exerciseCore(text: string, quick = false): CoreOutcome {
  const { service, doc, lines } = workspaceWith(text);
  const own = lines.get(doc.uri)!;
  const diagnostics = service.validate(doc);
  assertDiagnosticsInside(own, doc.uri, diagnostics, 'fuzzed');
  const outcome: CoreOutcome = { model: comparableModel(doc), diagnostics, fixes: [], fixAll: [], afterFixAll: [] };
  const applied = new Map<object, FixOutcome>();
  diagnostics.forEach((diagnostic, i) => {
    for (const fix of service.fixes(doc, diagnostic)) {
      // A fix every diagnostic of a kind shares (repair all, renumber) is applied once.
      const what = `fix of ${diagnostic.code}`;
      if (quick) checkedSpans(own, fix.edits, what);
      else if (!applied.has(fix)) applied.set(fix, applyFix(doc, fix, what, own));
      const after = applied.get(fix);
      if (after) assertFixHelps(diagnostics, diagnostic, after, what);
      outcome.fixes.push({ diagnostic: i, title: fix.title, auto: fix.auto, edits: fix.edits, rename: fix.rename, after: after?.diagnostics.map((d) => d.code) ?? [] });
    }
  });
  outcome.fixAll = service.fixAll(doc, diagnostics);
  if (quick) {
    checkedSpans(own, outcome.fixAll, 'fix all');
    return outcome;
  }
  const fixed = applyChecked(own, outcome.fixAll, 'fix all');
  const afterFixAll = reanalyse(doc.uri, fixed, 'after fix all').diagnostics;
  if (!yamlUnreadable(diagnostics)) assertNoNewErrors(diagnostics, afterFixAll, 'fix all');
  outcome.afterFixAll = afterFixAll.map((d) => d.code);
  return outcome;
}

/** Raw positions mapped into the document (line and character wrapped), plus one past its end. */
export function positionsIn(text: string, raw: [number, number][]): Position[] {
  const lines = new Lines(text);
  const inside = raw.map(([l, c]) => {
    const line = l % lines.starts.length;
    return { line, character: c % (lines.lengthOf(line) + 1) };
  });
  return [...inside, { line: lines.starts.length + 3, character: 1_000_000 }];
}

function assertRangeIn(ws: Workspace, uri: string, range: Range, what: string): void {
  const lines = ws.lines.get(uri);
  assert.ok(lines, `${what}: points into an unknown document ${uri}`);
  lines.assertInside(range, what);
}

function assertEditApplies(ws: Workspace, edit: WorkspaceEdit, what: string): void {
  const perUri: [string, TextEdit[]][] = Object.entries(edit.changes ?? {});
  for (const change of edit.documentChanges ?? []) if ('edits' in change) perUri.push([change.textDocument.uri, change.edits as TextEdit[]]);
  for (const [uri, edits] of perUri) {
    const lines = ws.lines.get(uri);
    assert.ok(lines, `${what}: edits an unknown document ${uri}`);
    reanalyse(uri, applyChecked(lines, edits, what), `${what} applied`);
  }
}

function assertSymbolsInside(ws: Workspace, symbols: DocumentSymbol[], what: string): void {
  for (const symbol of symbols) {
    assertRangeIn(ws, ws.doc.uri, symbol.range, `${what} ${symbol.name}`);
    assertRangeIn(ws, ws.doc.uri, symbol.selectionRange, `${what} ${symbol.name} selection`);
    const lines = ws.lines.get(ws.doc.uri)!;
    const [start, end] = [lines.offset(symbol.range.start), lines.offset(symbol.range.end)];
    const [selStart, selEnd] = [lines.offset(symbol.selectionRange.start), lines.offset(symbol.selectionRange.end)];
    assert.ok(start <= selStart && selEnd <= end, `${what} ${symbol.name}: selection range outside its range`);
    assertSymbolsInside(ws, symbol.children ?? [], what);
  }
}

function assertCompletionApplies(ws: Workspace, item: CompletionItem, what: string): void {
  const edits: TextEdit[] = [...(item.additionalTextEdits ?? [])];
  const main = item.textEdit;
  if (main) edits.push('range' in main ? main : { range: main.replace, newText: main.newText });
  if (edits.length) reanalyse(ws.doc.uri, applyChecked(ws.lines.get(ws.doc.uri)!, edits, `${what} "${item.label}"`), `${what} "${item.label}" applied`);
}

/** Every language feature at each position; results must lie inside their documents. */
export function exerciseFeatures(text: string, positions: Position[], newName: string): unknown[] {
  const ws = workspaceWith(text);
  const { service, ctx, doc } = ws;
  const token = NOT_CANCELLED;
  const results: unknown[] = [];
  const symbols = documentSymbols(doc, token);
  assertSymbolsInside(ws, symbols, 'symbol');
  const lineCount = ws.lines.get(doc.uri)!.starts.length;
  const folds = foldingRanges(doc, token);
  for (const f of folds) assert.ok(f.startLine >= 0 && f.startLine <= f.endLine && f.endLine < lineCount, `folding range ${f.startLine}-${f.endLine} of ${lineCount} lines`);
  const diagnostics = service.validate(doc);
  const support = { documentChanges: true, renameFiles: true };
  const actions = codeActions(doc, service, { diagnostics, allDiagnostics: diagnostics }, support, token);
  for (const action of actions.slice(0, 10)) if (action.edit) assertEditApplies(ws, action.edit, `code action "${action.title}"`);
  const symbolsFound = workspaceSymbols(newName.slice(0, 3), service.index, token);
  for (const s of symbolsFound) if ('range' in s.location) assertRangeIn(ws, s.location.uri, s.location.range, 'workspace symbol');
  results.push(symbols, folds, actions, symbolsFound);

  for (const position of positions) {
    const where = `at ${position.line}:${position.character}`;
    for (const snippets of [true, false]) {
      const items = completion(doc, position, ctx, { snippets }, token);
      items.slice(0, 3).forEach((item) => assertCompletionApplies(ws, item, `completion ${where}`));
      for (const item of items) {
        const edit = item.textEdit;
        if (edit) assertRangeIn(ws, doc.uri, 'range' in edit ? edit.range : edit.replace, `completion ${where}`);
        for (const extra of item.additionalTextEdits ?? []) assertRangeIn(ws, doc.uri, extra.range, `completion ${where} additional edit`);
      }
      results.push(items);
    }
    const found = hover(doc, position, ctx, token);
    if (found?.range) assertRangeIn(ws, doc.uri, found.range, `hover ${where}`);
    const locations = [...definition(doc, position, ctx, token), ...references(doc, position, ctx, true, token), ...references(doc, position, ctx, false, token)];
    for (const location of locations) assertRangeIn(ws, location.uri, location.range, `location ${where}`);
    const prepared = prepareRename(doc, position);
    if (prepared) assertRangeIn(ws, doc.uri, prepared.range, `prepare rename ${where}`);
    const renamed = renameAgent(doc, position, newName, ctx, token);
    if (renamed && 'edit' in renamed) assertEditApplies(ws, renamed.edit, `rename ${where}`);
    results.push(found, locations, prepared, renamed);
  }
  return results;
}
