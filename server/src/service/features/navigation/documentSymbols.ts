// The outline: the frontmatter with its keys, then the sections nested by
// heading level, with each rule under the section that holds it. Where the
// editor's own Markdown support lists the headings already (VS Code), only
// what it lacks: the frontmatter and the rules.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { openingFenceSpan } from '../../diagnostics/frontmatterChecks';
import { spanToRange } from '../../text/spans';
import type { AgentDocument, Frontmatter, RuleDefinition } from '../../types';
import type { Cancellation } from '../featureContext';
import { sectionsOf } from '../sections';
import { lineSpan, shorten } from '../../text/spans';

export interface SymbolOptions {
  /** List the headings as sections (default); false: the frontmatter and the rules only. */
  headings: boolean;
}

export function documentSymbols(doc: AgentDocument, token: Cancellation, options: SymbolOptions = { headings: true }): DocumentSymbol[] {
  const roots: DocumentSymbol[] = [];
  if (doc.frontmatter) roots.push(frontmatterSymbol(doc, doc.frontmatter));
  if (!options.headings) return [...roots, ...doc.rules.map((rule) => ruleSymbol(doc, rule))];
  const open: { level: number; symbol: DocumentSymbol; endLine: number }[] = [];
  const sections = sectionsOf(doc);
  let ruleIndex = 0;
  for (let i = 0; i < sections.length; i++) {
    if (token.isCancellationRequested) return [];
    const { heading, endLine } = sections[i];
    while (open.length && open[open.length - 1].level >= heading.level) open.pop();
    const range = { start: spanToRange(doc, heading.span).start, end: spanToRange(doc, lineSpan(doc, endLine)).end };
    const symbol: DocumentSymbol = { name: heading.text || '(untitled)', kind: SymbolKind.String, range, selectionRange: spanToRange(doc, heading.textSpan), children: [] };
    (open.length ? open[open.length - 1].symbol.children! : roots).push(symbol);
    open.push({ level: heading.level, symbol, endLine });
    const nextHeadingLine = sections[i + 1]?.heading.line ?? Infinity;
    for (; ruleIndex < doc.rules.length && doc.rules[ruleIndex].line < nextHeadingLine; ruleIndex++) {
      const rule = doc.rules[ruleIndex];
      if (rule.line < heading.line) continue;
      symbol.children!.push(ruleSymbol(doc, rule));
    }
  }
  for (const rule of doc.rules.filter((r) => !doc.headings.some((h) => h.line < r.line))) roots.push(ruleSymbol(doc, rule));
  return roots;
}

function ruleSymbol(doc: AgentDocument, rule: RuleDefinition): DocumentSymbol {
  return {
    name: `Rule ${rule.number}${rule.title ? `: ${rule.title}` : ''}`,
    detail: `${rule.bullets.length} bullet${rule.bullets.length === 1 ? '' : 's'}`,
    kind: SymbolKind.Constant,
    range: spanToRange(doc, rule.blockSpan),
    selectionRange: spanToRange(doc, rule.numberSpan),
  };
}

function frontmatterSymbol(doc: AgentDocument, fm: Frontmatter): DocumentSymbol {
  const range = spanToRange(doc, fm.span);
  return {
    name: 'Frontmatter',
    kind: SymbolKind.Namespace,
    range,
    selectionRange: spanToRange(doc, openingFenceSpan(fm)),
    children: fm.fields.map((field) => ({
      name: field.key,
      detail: typeof field.value === 'string' ? shorten(field.value, 60) : undefined,
      kind: SymbolKind.Property,
      range: spanToRange(doc, field.entrySpan),
      selectionRange: spanToRange(doc, field.keySpan),
    })),
  };
}
