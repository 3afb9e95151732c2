// Line patterns of the agent body that Markdown itself does not model: numbered
// rule definitions and their bullets, `Rule N` references, the declared rule
// count and the agents listed under a Cross-Agent Validation heading.
import { lineSpanOf } from '../text/lineSpan';
import type { Lines } from '../text/lineTable';
import type { AgentReference, DeclaredRuleCount, Heading, LineRange, RuleDefinition, RuleReference, Span } from '../types';

const BOLD_RULE = /^(\s*(?:[-*+]\s+)?\*\*)Rule\s+(\d{1,6})\s*[:.)\-–—]\s*(.*?)\*\*(.*)$/;
// The patterns below stay linear on hostile lines (a million `*` or spaces): no
// lazy group before an optional tail, no `\s+` before a group that can fail late.
/** The title is the rest of the line less trailing `*` and blanks (trimmed in code). */
const PIN_RULE = /^(\s*(?:📌|ðŸ“Œ)\s*\**)Rule\s+(\d{1,6})\s*[:.)\-–—]\s*(.*)$/;
/** A bullet marker followed by text; the text is the rest of the line, trimmed. */
const BULLET = /^\s*(?:[-*+]|\d+[.)])\s+(?=\S)/;
const RULE_REFERENCE = /\bRule\s+(\d{1,6})\b/g;
/** The declared count is the first such phrase with `RULES` somewhere after it on the line. */
const DECLARED_COUNT = /\bBOUND BY THE FOLLOWING\s+(\d{1,6})\b/i;
const RULES_WORD = /\bRULES\b/i;
const CROSS_AGENT_HEADING = /cross[-\s]agent\s+validation/i;

/** Whether a text can hold any rule definition, rule reference or agent reference: every one of them needs `Rule` or a Cross-Agent Validation heading. */
export function mayHoldBodyFacts(text: string): boolean {
  return text.includes('Rule') || CROSS_AGENT_HEADING.test(text);
}
const AGENT_ITEM_BOLD = /^(\s*[-*+]\s+\*\*)([A-Za-z0-9][\w.-]*)\*\*\s*:/;
const AGENT_ITEM_PLAIN = /^(\s*[-*+]\s+)([a-z0-9][a-z0-9_-]*)\s*:/;

export interface BodyScan {
  rules: RuleDefinition[];
  ruleReferences: RuleReference[];
  declaredRuleCount?: DeclaredRuleCount;
  crossAgentReferences: AgentReference[];
  crossAgentSections: LineRange[];
}

interface LineText {
  text: string;
  start: number;
}

export function scanBody(doc: Lines, text: string, firstLine: number, lastLine: number, inCode: (line: number) => boolean, headings: Heading[]): BodyScan {
  const crossAgentSections = crossAgentSectionsOf(headings, doc.lineCount - 1);
  const scan: BodyScan = { rules: [], ruleReferences: [], crossAgentReferences: [], crossAgentSections };
  const lineAt = (line: number): LineText => {
    const { start, end } = lineSpanOf(doc, text, line);
    return { text: text.slice(start, end), start };
  };
  const headingLines = new Map(headings.map((h) => [h.line, h]));
  let section = 0;
  let openRule: RuleDefinition | undefined;

  for (let line = firstLine; line <= lastLine; line++) {
    if (inCode(line)) {
      openRule = undefined;
      continue;
    }
    const heading = headingLines.get(line);
    if (heading) openRule = undefined;
    const { text: lineText, start } = lineAt(line);
    if (lineText.trim() === '') continue;
    // Cheap substring tests first: most lines mention no rule at all.
    const mentionsRule = lineText.includes('Rule');
    const definition = heading || !mentionsRule ? undefined : matchRule(lineText, start, line);
    if (definition) {
      scan.rules.push(definition);
      openRule = definition;
      collectReferences(lineText, start, scan.ruleReferences, definition.numberSpan.start);
      continue;
    }
    if (openRule) {
      const bullet = BULLET.exec(lineText);
      if (bullet) {
        const bulletText = lineText.slice(bullet[0].length).trimEnd();
        const textStart = start + bullet[0].length;
        openRule.bullets.push({ text: bulletText, span: { start: textStart, end: textStart + bulletText.length } });
        openRule.blockSpan = { start: openRule.blockSpan.start, end: start + lineText.length };
      } else openRule = undefined;
    }
    if (mentionsRule) collectReferences(lineText, start, scan.ruleReferences);
    if (!scan.declaredRuleCount && /OUND/i.test(lineText)) {
      const declared = DECLARED_COUNT.exec(lineText);
      const afterNumber = declared ? declared.index + declared[0].length : 0;
      const rulesAt = declared ? lineText.slice(afterNumber).search(RULES_WORD) : -1;
      if (declared && rulesAt >= 0) {
        const numberStart = start + afterNumber - declared[1].length;
        scan.declaredRuleCount = {
          count: Number(declared[1]),
          span: { start: start + declared.index, end: start + afterNumber + rulesAt + 'RULES'.length },
          numberSpan: { start: numberStart, end: numberStart + declared[1].length },
        };
      }
    }
    while (section < crossAgentSections.length && crossAgentSections[section].endLine < line) section++;
    if (!heading && section < crossAgentSections.length && crossAgentSections[section].startLine <= line) {
      const item = AGENT_ITEM_BOLD.exec(lineText) ?? AGENT_ITEM_PLAIN.exec(lineText);
      if (item) {
        const nameStart = start + item[1].length;
        scan.crossAgentReferences.push({ name: item[2], span: { start: nameStart, end: nameStart + item[2].length } });
      }
    }
  }
  return scan;
}

/**
 * The lines under each Cross-Agent Validation heading: a heading of the same or a
 * higher level ends the section, and a deeper one (another Cross-Agent heading
 * aside, which takes over) does not.
 */
function crossAgentSectionsOf(headings: readonly Heading[], lastLine: number): LineRange[] {
  const sections: LineRange[] = [];
  let level = 0;
  for (const heading of headings) {
    if (CROSS_AGENT_HEADING.test(heading.text)) {
      if (!level) sections.push({ startLine: heading.line + 1, endLine: lastLine });
      level = heading.level;
    } else if (level && heading.level <= level) {
      level = 0;
      sections[sections.length - 1].endLine = heading.line;
    }
  }
  return sections;
}

function matchRule(lineText: string, start: number, line: number): RuleDefinition | undefined {
  const bold = BOLD_RULE.exec(lineText);
  const match = bold ?? PIN_RULE.exec(lineText);
  if (!match) return undefined;
  const numberStart = start + lineText.indexOf(match[2], match[1].length);
  const title = (bold ? match[3] || match[4] : trimTrailingStars(match[3])).trim();
  const span: Span = { start, end: start + lineText.length };
  return {
    number: Number(match[2]),
    title,
    span,
    numberSpan: { start: numberStart, end: numberStart + match[2].length },
    line,
    bullets: [],
    blockSpan: { ...span },
    style: bold ? 'bold' : 'pin',
  };
}

function collectReferences(lineText: string, start: number, into: RuleReference[], skipNumberAt?: number): void {
  RULE_REFERENCE.lastIndex = 0;
  for (let m = RULE_REFERENCE.exec(lineText); m; m = RULE_REFERENCE.exec(lineText)) {
    const numberStart = start + m.index + m[0].length - m[1].length;
    if (numberStart === skipNumberAt) continue;
    into.push({
      number: Number(m[1]),
      span: { start: start + m.index, end: start + m.index + m[0].length },
      numberSpan: { start: numberStart, end: numberStart + m[1].length },
    });
  }
}

/** The text less trailing `*` and whitespace, by a scan (a regex would be quadratic on a run of `*`). */
function trimTrailingStars(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === '*' || /\s/.test(text[end - 1]))) end--;
  return text.slice(0, end);
}
