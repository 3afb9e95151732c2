// Every quick fix, and "fix all": the safe fixes of all diagnostics at once.
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { AgentDocument } from '../../types';
import { addMissingKey } from './addMissingKey';
import { alignNameWithFile } from './alignNameWithFile';
import { closeTag } from './closeTag';
import { createAgent } from './createAgent';
import { fixEmptyHooks } from './fixEmptyHooks';
import { fixRuleNumbering } from './fixRuleNumbering';
import { insertFrontmatter } from './insertFrontmatter';
import { insertMissingSection } from './insertMissingSection';
import type { FixEdit, QuickFix } from './quickFix';
import { quoteLenientValue } from './quoteLenientValue';
import { removeDuplicateItem } from './removeDuplicateItem';
import { renameAllowedTools } from './renameAllowedTools';
import { resolveToolOverlap } from './resolveToolOverlap';
import { repairMojibake } from './repairMojibake';
import { replaceLegacyTool } from './replaceLegacyTool';
import { replaceWithSuggestion } from './replaceWithSuggestion';

export type { FixEdit } from './quickFix';

export const QUICK_FIXES: readonly QuickFix[] = [
  quoteLenientValue,
  replaceWithSuggestion,
  replaceLegacyTool,
  removeDuplicateItem,
  alignNameWithFile,
  addMissingKey,
  repairMojibake,
  fixRuleNumbering,
  insertMissingSection,
  fixEmptyHooks,
  insertFrontmatter,
  renameAllowedTools,
  closeTag,
  resolveToolOverlap,
  createAgent,
];

export function fixesFor(doc: AgentDocument, diagnostic: Diagnostic): FixEdit[] {
  const fixes: FixEdit[] = [];
  for (const fix of QUICK_FIXES) {
    if (fix.codes.includes(diagnostic.code as never)) fixes.push(...fix.provide(doc, diagnostic));
  }
  return fixes;
}

/** The auto-safe edits for all diagnostics, without overlaps, sorted by position. */
export function fixAllEdits(doc: AgentDocument, diagnostics: Diagnostic[]): TextEdit[] {
  return fixAllPlan(doc, diagnostics).edits;
}

/** fixAllEdits, and how many fixes those edits make (a fix may take several edits). */
export function fixAllPlan(doc: AgentDocument, diagnostics: Diagnostic[]): { edits: TextEdit[]; fixes: number } {
  const candidates: { start: number; end: number; edit: TextEdit; fix: number }[] = [];
  for (const [index, diagnostic] of diagnostics.entries()) {
    const fix = fixesFor(doc, diagnostic).find((f) => f.auto && !f.rename && !f.create);
    if (!fix) continue;
    for (const edit of fix.edits) {
      candidates.push({ start: doc.textDocument.offsetAt(edit.range.start), end: doc.textDocument.offsetAt(edit.range.end), edit, fix: index });
    }
  }
  candidates.sort((a, b) => a.start - b.start || a.end - b.end);
  const chosen: TextEdit[] = [];
  const applied = new Set<number>();
  let lastEnd = -1;
  let lastStart = -1;
  for (const c of candidates) {
    if (c.start < lastEnd || (c.start === lastStart && c.start === c.end)) continue;
    chosen.push(c.edit);
    applied.add(c.fix);
    lastEnd = c.end;
    lastStart = c.start;
  }
  return { edits: chosen, fixes: applied.size };
}
