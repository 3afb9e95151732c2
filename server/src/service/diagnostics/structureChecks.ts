// Body structure: the declared rule count against the rules defined, rule
// numbering, rules without bullets, heading levels and required sections.
import type { AgentDocument, Heading, RuleDefinition } from '../types';
import { ENFORCEMENT_SECTIONS } from '../config/config';
import { openingFenceSpan } from './frontmatterChecks';
import type { Report } from './reporter';
import { spanToRange } from '../text/spans';
import type { AnalysisSettings } from '../config/settings';

export function checkStructure(doc: AgentDocument, settings: AnalysisSettings, report: Report): void {
  checkRuleCount(doc, report);
  checkRuleNumbering(doc, report);
  for (const rule of doc.rules) {
    if (rule.bullets.length === 0) report('rule-without-bullets', rule.span, `Rule ${rule.number} has no bullet points under it.`);
  }
  checkHeadingLevels(doc.headings, report);
  checkSections(doc, settings, report);
}

function checkRuleCount(doc: AgentDocument, report: Report): void {
  const declared = doc.declaredRuleCount;
  if (!declared) return;
  const defined = new Set(doc.rules.map((r) => r.number));
  const missing: number[] = [];
  for (let n = 1; n <= declared.count; n++) if (!defined.has(n)) missing.push(n);
  const extra = [...defined].filter((n) => n > declared.count);
  if (missing.length === 0 && extra.length === 0 && defined.size === declared.count) return;
  const parts = [`Declares ${declared.count} rules but defines ${defined.size}`];
  if (missing.length) parts.push(`missing ${formatNumbers(missing)}`);
  if (extra.length) parts.push(`beyond the count: ${formatNumbers(extra)}`);
  const related = doc.rules.filter((r) => r.number > declared.count).map((r) => ({ uri: doc.uri, range: spanToRange(doc, r.span), message: `Rule ${r.number} is beyond the declared ${declared.count}` }));
  report('rule-count-mismatch', declared.numberSpan, `${parts.join('; ')}.`, { data: { defined: defined.size }, related });
}

function checkRuleNumbering(doc: AgentDocument, report: Report): void {
  const seen = new Map<number, RuleDefinition>();
  let previous: RuleDefinition | undefined;
  for (const rule of doc.rules) {
    const first = seen.get(rule.number);
    if (first) {
      report('duplicate-rule', rule.numberSpan, `Rule ${rule.number} is defined more than once.`, {
        related: [{ uri: doc.uri, range: spanToRange(doc, first.span), message: `Rule ${rule.number} is first defined here` }],
      });
    } else if (previous && rule.number < previous.number) {
      report('rule-order', rule.numberSpan, `Rule ${rule.number} comes after Rule ${previous.number}; rules are out of order.`, {
        related: [{ uri: doc.uri, range: spanToRange(doc, previous.span), message: `Rule ${previous.number} is defined here` }],
      });
    }
    if (!first) seen.set(rule.number, rule);
    if (!previous || rule.number > previous.number) previous = rule;
  }
}

function checkHeadingLevels(headings: Heading[], report: Report): void {
  let previous = 0;
  for (const heading of headings) {
    if (previous && heading.level > previous + 1) {
      report('heading-skip', heading.span, `Heading level jumps from ${'#'.repeat(previous)} to ${'#'.repeat(heading.level)}.`);
    }
    previous = heading.level;
  }
}

/** The heading of the enforcement block (`RULE ENFORCEMENT`), if the body has one. */
function enforcementHeading(doc: AgentDocument): Heading | undefined {
  return doc.headings.find((h) => /RULE ENFORCEMENT/i.test(h.text));
}

/** The enforcement block: a declared rule count or a rule-enforcement heading. */
export function hasEnforcementBlock(doc: AgentDocument, enforcement = enforcementHeading(doc)): boolean {
  return doc.declaredRuleCount !== undefined || enforcement !== undefined;
}

export function requiredSectionsOf(doc: AgentDocument, settings: AnalysisSettings, enforcement = enforcementHeading(doc)): string[] {
  if (settings.requiredSections) return settings.requiredSections;
  return hasEnforcementBlock(doc, enforcement) ? ENFORCEMENT_SECTIONS : [];
}

function checkSections(doc: AgentDocument, settings: AnalysisSettings, report: Report): void {
  const enforcement = enforcementHeading(doc);
  const required = requiredSectionsOf(doc, settings, enforcement);
  if (required.length === 0 || !doc.frontmatter) return;
  const titles = doc.headings.map((h) => normalizeTitle(h.text));
  const anchor = enforcement?.textSpan ?? openingFenceSpan(doc.frontmatter);
  for (const section of required) {
    const wanted = normalizeTitle(section);
    if (titles.some((t) => t.includes(wanted))) continue;
    report('missing-section', anchor, `Missing required section "${section}".`, { data: { section } });
  }
}

function normalizeTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function formatNumbers(numbers: number[]): string {
  const ranges: string[] = [];
  for (let i = 0; i < numbers.length; i++) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j] + 1) j++;
    ranges.push(j > i ? `${numbers[i]}–${numbers[j]}` : `${numbers[i]}`);
    i = j;
  }
  return ranges.join(', ');
}
