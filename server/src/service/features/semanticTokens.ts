// Colours for agent constructs as semantic tokens: the server knows which files are
// agents, so only they get them (a TextMate injection would colour every Markdown
// file). Standard token types, so every theme colours them.
import type { SemanticTokens } from 'vscode-languageserver-types';
import { enumValues, isKnownKey } from '../schema/frontmatterSchema';
import { isKnownModel } from '../schema/models';
import { baseToolName, parseMcpTool, resolveTool, retiredToolOf } from '../schema/tools';
import type { AgentDocument, Span } from '../types';
import type { Cancellation } from './featureContext';
import { TOKEN_MODIFIERS, TOKEN_TYPES, type TokenModifier, type TokenType } from './semanticTokensLegend';

interface Token {
  span: Span;
  type: TokenType;
  modifiers?: TokenModifier[];
}

const TOOL_KEYS = new Set(['tools', 'disallowedTools']);
const EXAMPLE_TAG = /<\/?example>/g;

function frontmatterTokens(doc: AgentDocument, add: (token: Token) => void): void {
  for (const field of doc.frontmatter?.fields ?? []) {
    if (!isKnownKey(field.key)) continue;
    add({ span: field.keySpan, type: 'property' });
    if (TOOL_KEYS.has(field.key)) {
      for (const item of field.items) {
        const name = baseToolName(item.text);
        const span = { start: item.span.start, end: item.span.start + name.length };
        if (resolveTool(name)) add({ span, type: 'function', modifiers: ['defaultLibrary'] });
        else if (retiredToolOf(name)) add({ span, type: 'function', modifiers: ['deprecated'] });
        else if (parseMcpTool(name)) add({ span, type: 'function' });
      }
    } else if (field.key === 'proactive_triggers') {
      for (const item of field.items) add({ span: item.span, type: 'enumMember' });
    } else if (typeof field.value === 'string' && (field.key === 'model' ? isKnownModel(field.value) : enumValues(field.key)?.includes(field.value))) {
      add({ span: field.valueSpan, type: 'enumMember', modifiers: ['defaultLibrary'] });
    } else if (field.key === 'description') {
      const value = doc.text.slice(field.valueSpan.start, field.valueSpan.end);
      for (const tag of value.matchAll(EXAMPLE_TAG)) add({ span: { start: field.valueSpan.start + tag.index, end: field.valueSpan.start + tag.index + tag[0].length }, type: 'keyword' });
    }
  }
}

function bodyTokens(doc: AgentDocument, add: (token: Token) => void): void {
  for (const rule of doc.rules) add({ span: rule.span, type: 'function', modifiers: ['declaration'] });
  for (const reference of doc.ruleReferences) add({ span: reference.span, type: 'function' });
  const count = doc.declaredRuleCount;
  if (count) {
    add({ span: { start: count.span.start, end: count.numberSpan.start }, type: 'keyword' });
    add({ span: count.numberSpan, type: 'number' });
    add({ span: { start: count.numberSpan.end, end: count.span.end }, type: 'keyword' });
  }
  for (const reference of doc.crossAgentReferences) add({ span: reference.span, type: 'type' });
}

/** The document's tokens, encoded as LSP wants them: sorted, relative, one line each, none overlapping. */
export function semanticTokens(doc: AgentDocument, token: Cancellation): SemanticTokens {
  const tokens: Token[] = [];
  const add = (t: Token) => {
    if (t.span.end > t.span.start) tokens.push(t);
  };
  frontmatterTokens(doc, add);
  bodyTokens(doc, add);
  if (token.isCancellationRequested) return { data: [] };
  tokens.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const data: number[] = [];
  let lastLine = 0;
  let lastChar = 0;
  let coveredTo = 0;
  for (const t of tokens) {
    if (t.span.start < coveredTo) continue;
    const start = doc.textDocument.positionAt(t.span.start);
    const end = doc.textDocument.positionAt(t.span.end);
    // A token that wraps (a rule title over two lines) is left uncoloured rather than split.
    if (end.line !== start.line) continue;
    coveredTo = t.span.end;
    const modifiers = (t.modifiers ?? []).reduce((bits, m) => bits | (1 << TOKEN_MODIFIERS.indexOf(m)), 0);
    data.push(start.line - lastLine, start.line === lastLine ? start.character - lastChar : start.character, end.character - start.character, TOKEN_TYPES.indexOf(t.type), modifiers);
    lastLine = start.line;
    lastChar = start.character;
  }
  return { data };
}
