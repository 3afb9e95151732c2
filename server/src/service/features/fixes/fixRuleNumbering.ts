// Makes the declared rule count and the rule numbers agree: declare the count
// of rules present when they are numbered 1..N, otherwise renumber them 1..N in
// document order (updating this file's references and the declared count).
import type { TextEdit } from 'vscode-languageserver-types';
import type { AgentDocument } from '../../types';
import { once, replaceSpan, type FixEdit, type QuickFix } from './quickFix';

export const fixRuleNumbering: QuickFix = {
  codes: ['rule-count-mismatch', 'rule-order', 'duplicate-rule'],
  // The same fixes whichever diagnostic asks: computed once per document.
  provide: (doc) => once(doc, 'ruleNumbering', () => ruleNumberingFixes(doc)),
};

function ruleNumberingFixes(doc: AgentDocument): FixEdit[] {
  const count = doc.rules.length;
  if (count === 0) return [];
  const inOrder = doc.rules.every((r, i) => r.number === i + 1);
  const fixes: FixEdit[] = [];
  const declared = doc.declaredRuleCount;
  if (inOrder && declared && declared.count !== count) {
    fixes.push({ title: `Declare ${count} rules`, edits: [replaceSpan(doc, declared.numberSpan, String(count))], auto: true, preferred: true });
  }
  if (!inOrder) fixes.push({ title: `Renumber the rules 1–${count}`, edits: renumberEdits(doc), auto: false, preferred: true });
  return fixes;
}

function renumberEdits(doc: AgentDocument): TextEdit[] {
  const renumbered = new Map<number, number | null>();
  doc.rules.forEach((rule, i) => {
    renumbered.set(rule.number, renumbered.has(rule.number) ? null : i + 1);
  });
  const edits: TextEdit[] = [];
  doc.rules.forEach((rule, i) => {
    if (rule.number !== i + 1) edits.push(replaceSpan(doc, rule.numberSpan, String(i + 1)));
  });
  for (const ref of doc.ruleReferences) {
    const target = renumbered.get(ref.number);
    if (target && target !== ref.number) edits.push(replaceSpan(doc, ref.numberSpan, String(target)));
  }
  if (doc.declaredRuleCount && doc.declaredRuleCount.count !== doc.rules.length) {
    edits.push(replaceSpan(doc, doc.declaredRuleCount.numberSpan, String(doc.rules.length)));
  }
  return edits;
}
