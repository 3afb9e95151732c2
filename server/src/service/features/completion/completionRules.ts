// Completion of rule numbers after `Rule ` in the body, each showing the rule's
// title (from this file, the rules document, then other agents); and, on an
// empty line after a rule block, a `**Rule N: …**` block with the next free number.
import type { CompletionItem } from 'vscode-languageserver-types';
import type { AgentDocument, RuleDefinition, Span } from '../../types';
import { completionItem, CompletionItemKind, rank, type CompletionOptions } from './completionItems';
import type { FeatureContext } from '../featureContext';
import { origin, ruleText } from '../hover/hoverRules';
import type { ResolvedRule } from '../ruleResolution';
import { lineOf, lineSpan } from '../../text/spans';

const REFERENCE_TYPED = /\bRule\s+(\d*)$/;
const DEFINITION_TYPED = /^\s*(?:[-*+]\s+)?\*\*Rule\s+(\d*)$/;
const BLOCK_START_TYPED = /^\s*\**$/;

interface KnownRule {
  resolved: ResolvedRule;
  definition?: RuleDefinition;
}

/** Every rule number known to this document, first source wins. */
function knownRules(doc: AgentDocument, ctx: FeatureContext): KnownRule[] {
  const known = new Map<number, KnownRule>();
  const addDefinitions = (uri: string, rules: RuleDefinition[], from: ResolvedRule['origin']) => {
    for (const rule of rules) {
      if (!known.has(rule.number)) known.set(rule.number, { resolved: { number: rule.number, title: rule.title, uri, line: rule.line, origin: from }, definition: rule });
    }
  };
  addDefinitions(doc.uri, doc.rules, 'file');
  const rulesDocument = ctx.workspace.rulesDocument;
  if (rulesDocument) addDefinitions(rulesDocument.uri, rulesDocument.rules, 'rules');
  const agents = [...ctx.workspace.index.all()].filter((a) => a.uri !== doc.uri).sort((a, b) => a.uri.localeCompare(b.uri));
  for (const agent of agents) {
    for (const rule of agent.rules) {
      if (!known.has(rule.number)) known.set(rule.number, { resolved: { number: rule.number, title: rule.title, uri: agent.uri, line: rule.line, origin: 'agent' } });
    }
  }
  return [...known.values()].sort((a, b) => a.resolved.number - b.resolved.number);
}

/** The smallest number after `after` that this document does not define. */
export function nextFreeRuleNumber(doc: AgentDocument, after: number): number {
  const defined = new Set(doc.rules.map((r) => r.number));
  let n = after + 1;
  while (defined.has(n)) n++;
  return n;
}

/** The last rule (in document order) defined above `line`. */
function ruleBefore(doc: AgentDocument, line: number): RuleDefinition | undefined {
  for (let i = doc.rules.length - 1; i >= 0; i--) if (doc.rules[i].line < line) return doc.rules[i];
  return undefined;
}

export function ruleCompletions(doc: AgentDocument, offset: number, ctx: FeatureContext, options: CompletionOptions): CompletionItem[] {
  const cursorLine = lineOf(doc, offset);
  const line = lineSpan(doc, cursorLine);
  const before = doc.text.slice(line.start, offset);
  const typed = REFERENCE_TYPED.exec(before);
  if (!typed) return ruleBlockCompletion(doc, line, cursorLine, options);
  let end = offset;
  while (/\d/.test(doc.text[end] ?? '')) end++;
  const span = { start: offset - typed[1].length, end };
  if (DEFINITION_TYPED.test(before)) {
    const previous = ruleBefore(doc, cursorLine);
    const n = nextFreeRuleNumber(doc, previous?.number ?? 0);
    return [completionItem(doc, span, { label: String(n), kind: CompletionItemKind.Constant, detail: 'next free rule number', preselect: true }, options)];
  }
  return knownRules(doc, ctx).map(({ resolved, definition }, i) =>
    completionItem(
      doc,
      span,
      {
        label: String(resolved.number),
        kind: CompletionItemKind.Reference,
        detail: resolved.title,
        documentation: `${ruleText(definition ?? resolved)}\n\n${origin(resolved, doc, ctx)}`,
        sortText: rank(i),
      },
      options,
    ),
  );
}

/** On an empty line right after a rule block: the next rule's block. */
function ruleBlockCompletion(doc: AgentDocument, line: Span, cursorLine: number, options: CompletionOptions): CompletionItem[] {
  if (!BLOCK_START_TYPED.test(doc.text.slice(line.start, line.end))) return [];
  const previous = ruleBefore(doc, cursorLine);
  if (!previous) return [];
  const blockEndLine = lineOf(doc, previous.blockSpan.end);
  const between = doc.text.slice(previous.blockSpan.end, line.start);
  if (blockEndLine >= cursorLine || between.trim() !== '') return [];
  const n = nextFreeRuleNumber(doc, previous.number);
  const eol = doc.lineEnding;
  return [
    completionItem(
      doc,
      line,
      {
        label: `**Rule ${n}: …**`,
        kind: CompletionItemKind.Snippet,
        detail: `next rule (${n})`,
        snippet: `**Rule ${n}: \${1:Title}**${eol}- \${2:Requirement}`,
        text: `**Rule ${n}: Title**${eol}- `,
        filterText: `**Rule ${n}`,
        documentation: `Adds Rule ${n}, the next free number after Rule ${previous.number}.`,
        preselect: true,
      },
      options,
    ),
  ];
}
