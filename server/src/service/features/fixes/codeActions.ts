// Code actions: a quick fix for each fix the core offers on the diagnostics of
// the request, and `source.fixAll.agentry` with every safe fix at once.
import { CodeActionKind, type CodeAction, type Command, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE } from '../../diagnostics/reporter';
import type { WorkspaceIndex } from '../../workspace/workspaceIndex';
import { disableForLine } from './disableForLine';
import type { FixEdit } from './quickFix';
import type { AgentDocument } from '../../types';
import type { Cancellation } from '../featureContext';
import { FIX_ALL_KIND } from './fixAllKind';

export interface EditSupport {
  /** The client takes `documentChanges` (versioned edits). */
  documentChanges: boolean;
  /** The client can rename files in a workspace edit. */
  renameFiles: boolean;
  /** The client can create files in a workspace edit. */
  createFiles?: boolean;
}

export interface CodeActionRequest {
  /** The diagnostics of the request's context. */
  diagnostics: Diagnostic[];
  /** Every current diagnostic of the document, for fix-all. */
  allDiagnostics: Diagnostic[];
  only?: string[];
}

/** Where the fixes come from: the service's fixes of one diagnostic and its fix-all. */
export interface FixSource {
  fixes(doc: AgentDocument, diagnostic: Diagnostic): FixEdit[];
  /** The safe edits of fix-all, and how many fixes they make. */
  fixAllPlan(doc: AgentDocument, diagnostics: Diagnostic[]): { edits: TextEdit[]; fixes: number };
  /** The agent files of the workspace: a new agent is never created over one. */
  readonly index: Pick<WorkspaceIndex, 'get'>;
}

/** The command a fix-all action runs once applied, with its count of fixes (none: no command). */
export type FixesApplied = (fixes: number) => Command;

export function codeActions(doc: AgentDocument, service: FixSource, request: CodeActionRequest, support: EditSupport, token: Cancellation, fixesApplied?: FixesApplied): CodeAction[] {
  const actions: CodeAction[] = [];
  if (wanted(CodeActionKind.QuickFix, request.only)) {
    for (const diagnostic of request.diagnostics) {
      if (token.isCancellationRequested) return [];
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      for (const fix of service.fixes(doc, diagnostic)) {
        if (fix.create && service.index.get(fix.create.uri)) continue;
        const edit = fixEdit(doc, fix, support);
        if (!edit) continue;
        actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.preferred || undefined, edit });
      }
      const disable = disableForLine(doc, diagnostic);
      if (disable) actions.push({ title: disable.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: textEdit(doc, disable.edits, support) });
    }
  }
  if (wanted(FIX_ALL_KIND, request.only)) {
    const { edits, fixes } = service.fixAllPlan(doc, request.allDiagnostics);
    if (edits.length) actions.push({ title: 'Fix all auto-fixable Agentry problems', kind: FIX_ALL_KIND, edit: textEdit(doc, edits, support), command: fixesApplied?.(fixes) });
  }
  return actions;
}

/** Whether a kind is asked for: no filter, the kind itself, or a parent kind of it. */
function wanted(kind: string, only: string[] | undefined): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

export function textEdit(doc: AgentDocument, edits: TextEdit[], support: EditSupport): WorkspaceEdit {
  if (!support.documentChanges) return { changes: { [doc.uri]: edits } };
  return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] };
}

function fixEdit(doc: AgentDocument, fix: FixEdit, support: EditSupport): WorkspaceEdit | undefined {
  if (fix.create) return createEdit(fix.create, support);
  if (!fix.rename) return textEdit(doc, fix.edits, support);
  if (!support.renameFiles || !support.documentChanges) return undefined;
  const documentChanges: NonNullable<WorkspaceEdit['documentChanges']> = [];
  if (fix.edits.length) documentChanges.push({ textDocument: { uri: doc.uri, version: doc.version }, edits: fix.edits });
  documentChanges.push({ kind: 'rename', oldUri: fix.rename.oldUri, newUri: fix.rename.newUri, options: { overwrite: false, ignoreIfExists: false } });
  return { documentChanges };
}

/** A new file with its text: CreateFile fails rather than touch a file that exists (no overwrite, not ignored), so the insert never lands in one. */
function createEdit(create: NonNullable<FixEdit['create']>, support: EditSupport): WorkspaceEdit | undefined {
  // Resource operations exist only in documentChanges: a client that lists `create` takes them
  // (Neovim 0.7 lists it without declaring documentChanges).
  if (!support.createFiles) return undefined;
  const start = { line: 0, character: 0 };
  return {
    documentChanges: [
      { kind: 'create', uri: create.uri, options: { overwrite: false, ignoreIfExists: false } },
      { textDocument: { uri: create.uri, version: null }, edits: [{ range: { start, end: start }, newText: create.text }] },
    ],
  };
}
