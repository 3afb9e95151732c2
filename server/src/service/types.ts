// The document model every feature reads. Spans are UTF-16 offsets into the
// full document text (the same units TextDocument uses), end exclusive.
import type { TextDocument } from 'vscode-languageserver-textdocument';

export interface Span {
  start: number;
  end: number;
}

/** One element of a list-like value: a tool in `tools:` or a trigger id. */
export interface ValueItem {
  text: string;
  span: Span;
}

export interface FrontmatterField {
  key: string;
  keySpan: Span;
  /** Span of the value as written (empty span right after the colon when absent). */
  valueSpan: Span;
  /** Value as Claude Code reads it (after lenient recovery when needed). */
  value: unknown;
  /** Items of a comma-separated string or a YAML sequence, with their spans. */
  items: ValueItem[];
  /** Set when strict YAML rejects the value and Claude Code reads it only through its lenient retry. */
  lenient?: { reason: string };
  /** Set when strict YAML reads the value, but Claude Code's retry (needed for another line) rewrote it and reads it otherwise. */
  retried?: { strictValue: unknown };
  /** Set when not even a lenient reading recovers the value; `value` is then undefined. */
  unreadable?: boolean;
  /** The whole entry: key line plus any nested lines. */
  entrySpan: Span;
}

export interface FrontmatterProblem {
  message: string;
  span: Span;
}

export interface Frontmatter {
  /** From the opening `---` to the end of the closing `---` line. */
  span: Span;
  /** The YAML text between the delimiters. */
  contentSpan: Span;
  closed: boolean;
  /** Text after the opening `---` on its line, such as `js` in `---js`. */
  language: string;
  fields: FrontmatterField[];
  /** Why Claude Code cannot read the frontmatter (it then drops the agent); empty when it can. */
  errors: FrontmatterProblem[];
  /** How Claude Code reads the YAML: strictly, through its lenient retry, or not at all. */
  mode: 'strict' | 'retry' | 'unreadable';
  /** Where Claude Code ends the frontmatter when that `---` is not a line of its own (inside a value, indented). */
  earlyClose?: { at: number };
  /** Top-level keys that occur more than once (the last one wins). */
  duplicateKeys: FrontmatterField[];
}

export interface Heading {
  level: number;
  text: string;
  /** The whole heading line. */
  span: Span;
  /** The heading text without the `#` marks. */
  textSpan: Span;
  line: number;
}

export interface RuleBullet {
  text: string;
  span: Span;
}

export interface RuleDefinition {
  number: number;
  title: string;
  /** The `**Rule N: Title**` line. */
  span: Span;
  numberSpan: Span;
  line: number;
  bullets: RuleBullet[];
  /** From the definition line to the end of its last bullet (or the line). */
  blockSpan: Span;
  style: 'bold' | 'pin';
}

export interface RuleReference {
  number: number;
  /** `Rule 18` */
  span: Span;
  numberSpan: Span;
}

export interface DeclaredRuleCount {
  count: number;
  span: Span;
  numberSpan: Span;
}

export interface AgentReference {
  name: string;
  span: Span;
}

/** A run of lines, both ends included (a code region, the lines under a heading). */
export interface LineRange {
  startLine: number;
  endLine: number;
}

export interface AgentDocument {
  uri: string;
  version: number;
  text: string;
  textDocument: TextDocument;
  /** Offset right after a UTF-8 BOM, 0 without one. */
  bomLength: number;
  frontmatter?: Frontmatter;
  bodyStart: number;
  bodyStartLine: number;
  headings: Heading[];
  rules: RuleDefinition[];
  ruleReferences: RuleReference[];
  declaredRuleCount?: DeclaredRuleCount;
  crossAgentReferences: AgentReference[];
  /** Agent names inside `Agent(a, b)` entries of `tools:` and `disallowedTools:`. */
  agentToolReferences: AgentReference[];
  /**
   * Lines under each Cross-Agent Validation heading, in document order: from the line after
   * it up to and including the line of the heading that ends it, or the last line.
   */
  crossAgentSections: LineRange[];
  codeRegions: LineRange[];
  /** Set when the document is too large to analyse fully. */
  truncated?: { limit: number };
  lineEnding: '\n' | '\r\n' | '\r';
}

export function fieldOf(doc: Pick<AgentDocument, 'frontmatter'>, key: string): FrontmatterField | undefined {
  const fields = doc.frontmatter?.fields;
  if (!fields) return undefined;
  for (let i = fields.length - 1; i >= 0; i--) if (fields[i].key === key) return fields[i];
  return undefined;
}
