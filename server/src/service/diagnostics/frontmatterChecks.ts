// Frontmatter checks: that Claude Code can read it, required keys, and each
// known key's value against the zod schema.
import { fieldOf, type AgentDocument, type Frontmatter, type FrontmatterField, type Span } from '../types';
import { MODEL_ALIASES, KNOWN_MODEL_IDS, isKnownModel } from '../schema/models';
import { checkValue, enumValues, FRONTMATTER_KEYS, isKnownKey, NAME_PATTERN, TRIGGER_PATTERN } from '../schema/frontmatterSchema';
import { closestMatch } from '../schema/suggest';
import { lineSpanOf } from '../text/lineSpan';
import { slugify } from '../schema/agentName';
import { ALLOWED_TOOLS_KEY } from './allowedToolsCheck';
import type { Report } from './reporter';
import type { AnalysisSettings } from './settings';

/** Keys whose values are checked elsewhere or in a special way. */
const SPECIALLY_CHECKED = new Set(['name', 'description', 'model', 'tools', 'disallowedTools', 'hooks', 'proactive_triggers']);

export function checkFrontmatter(doc: AgentDocument, settings: AnalysisSettings, report: Report): void {
  const fm = doc.frontmatter;
  if (!fm) {
    report('frontmatter-missing', firstLine(doc), 'No frontmatter: Claude Code loads an agent only from a file that starts with a `---` YAML block holding `name` and `description`.');
    return;
  }
  if (fm.language) {
    report('frontmatter-language', firstLine(doc), `\`---${fm.language}\` frontmatter is not YAML: Claude Code does not read it (and Agentry never runs it). Use a plain \`---\` line.`);
    return;
  }
  if (!fm.closed) {
    report('frontmatter-unclosed', firstLine(doc), 'The frontmatter is never closed by a `---` line, so Claude Code cannot read this agent.');
    return;
  }
  for (const error of fm.errors) report('yaml-unreadable', error.span, error.message);
  const absentKeys = FRONTMATTER_KEYS.filter((k) => !fm.fields.some((f) => f.key === k));
  for (const field of fm.fields) {
    if (field.lenient) reportLenient(doc, field, report);
    // `allowed-tools` has its own check: it changes which tools the agent gets.
    if (!isKnownKey(field.key) && field.key !== ALLOWED_TOOLS_KEY) {
      const suggestion = closestMatch(field.key, absentKeys);
      report('unknown-key', field.keySpan, `Unknown key \`${field.key}\`: Claude Code ignores it silently.${suggestion ? ` Did you mean \`${suggestion}\`?` : ''}`, {
        data: { key: field.key, suggestion },
      });
    }
  }
  for (const duplicate of fm.duplicateKeys) {
    report('duplicate-key', duplicate.keySpan, `\`${duplicate.key}\` is set more than once; strict YAML tools reject the file and others keep only the last value.`);
  }
  checkRequired(doc, report);
  for (const field of fm.fields) {
    if (field.unreadable || !isKnownKey(field.key) || SPECIALLY_CHECKED.has(field.key)) continue;
    checkEnumOrType(field, report);
  }
  checkModel(fieldOf(doc, 'model'), settings, report);
  checkHooks(fieldOf(doc, 'hooks'), report);
  checkTriggers(fieldOf(doc, 'proactive_triggers'), report);
}

function reportLenient(doc: AgentDocument, field: FrontmatterField, report: Report): void {
  const crlf = doc.lineEnding === '\r\n' ? ' With CRLF line endings some Claude Code versions skip such an agent entirely.' : '';
  report(
    'yaml-lenient-value',
    field.valueSpan,
    `Strict YAML rejects this \`${field.key}\` value (${field.lenient!.reason}); Claude Code reads it as plain text, but other YAML tools fail on it.${crlf} Quote it or make it a block scalar.`,
    { data: { key: field.key } },
  );
}

function checkRequired(doc: AgentDocument, report: Report): void {
  const fm = doc.frontmatter!;
  const blockStart = openingFenceSpan(fm);
  const name = fieldOf(doc, 'name');
  if (!name) report('missing-name', blockStart, 'Missing `name`: Claude Code does not load an agent without one.');
  else if (!name.unreadable) {
    if (typeof name.value !== 'string' || name.value.trim() === '') {
      report('missing-name', name.valueSpan.end > name.valueSpan.start ? name.valueSpan : name.keySpan, '`name` must be a non-empty string.');
    } else if (name.value.includes(':')) {
      report('name-colon', name.valueSpan, `\`${name.value}\` contains \`:\`, which Claude Code rejects in agent names.`);
    } else if (!NAME_PATTERN.test(name.value)) {
      report('name-format', name.valueSpan, `\`${name.value}\` should use only lowercase letters, digits and hyphens (for example \`${slugify(name.value)}\`).`, { data: { suggestion: slugify(name.value) } });
    }
  }
  const description = fieldOf(doc, 'description');
  if (!description) report('missing-description', blockStart, 'Missing `description`: Claude Code silently drops an agent without one.');
  else if (!description.unreadable && (typeof description.value !== 'string' || description.value.trim() === '')) {
    report('missing-description', description.valueSpan.end > description.valueSpan.start ? description.valueSpan : description.keySpan, '`description` must be a non-empty string: Claude Code drops an agent without one.');
  }
}

function checkEnumOrType(field: FrontmatterField, report: Report): void {
  if (!isKnownKey(field.key)) return;
  const problem = checkValue(field.key, field.value);
  if (!problem) return;
  const allowed = enumValues(field.key);
  const shown = typeof field.value === 'string' ? field.value : JSON.stringify(field.value);
  if (allowed) {
    const suggestion = typeof field.value === 'string' ? closestMatch(field.value, allowed) : undefined;
    report('invalid-value', field.valueSpan, `\`${field.key}: ${shown}\` is not a value Claude Code knows${suggestion ? `; did you mean \`${suggestion}\`?` : ''} Allowed: ${allowed.join(', ')}.`, { data: { suggestion } });
  } else {
    report('invalid-value', field.valueSpan, `\`${field.key}\`: ${problem}.`);
  }
}

function checkModel(field: FrontmatterField | undefined, settings: AnalysisSettings, report: Report): void {
  if (!field || field.unreadable) return;
  if (typeof field.value !== 'string') {
    report('invalid-value', field.valueSpan, '`model` must be a string such as `sonnet`, `opus`, `haiku` or `inherit`.');
    return;
  }
  if (isKnownModel(field.value, settings.extraModels)) return;
  const suggestion = closestMatch(field.value, [...Object.keys(MODEL_ALIASES), ...KNOWN_MODEL_IDS, ...settings.extraModels]);
  report('unknown-model', field.valueSpan, `Unknown model \`${field.value}\`${suggestion ? `; did you mean \`${suggestion}\`?` : '.'} Use sonnet, opus, haiku, inherit or a full model id.`, { data: { suggestion } });
}

function checkHooks(field: FrontmatterField | undefined, report: Report): void {
  if (!field || field.unreadable) return;
  if (Array.isArray(field.value)) {
    report('empty-hooks', field.valueSpan, '`hooks` must be a mapping of events to hooks; a list (such as `hooks: []`) makes Claude Code drop the agent. Remove it or write `hooks: {}`.');
  } else if (checkValue('hooks', field.value)) {
    report('invalid-value', field.valueSpan, '`hooks` must be a mapping of hook events (PreToolUse, PostToolUse, Stop, …) to hook lists.');
  }
}

function checkTriggers(field: FrontmatterField | undefined, report: Report): void {
  if (!field || field.unreadable) return;
  if (!Array.isArray(field.value)) {
    report('invalid-value', field.valueSpan, '`proactive_triggers` must be a YAML list of snake_case trigger ids.');
    return;
  }
  const seen = new Set<string>();
  for (const item of field.items) {
    if (seen.has(item.text)) report('duplicate-trigger', item.span, `Trigger \`${item.text}\` is listed twice.`);
    else if (!TRIGGER_PATTERN.test(item.text)) {
      report('trigger-format', item.span, `Trigger \`${item.text}\` should be snake_case (for example \`${snakeCase(item.text)}\`).`, { data: { suggestion: snakeCase(item.text) } });
    }
    seen.add(item.text);
  }
}

function snakeCase(value: string): string {
  return value.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'trigger';
}

/** The opening `---` of the frontmatter: where problems of the whole block are shown. */
export function openingFenceSpan(fm: Frontmatter): Span {
  return { start: fm.span.start, end: fm.span.start + 3 };
}

/** The first line after the BOM, at most 10,000 characters of it: where a frontmatter that cannot be read is reported. */
function firstLine(doc: AgentDocument): Span {
  return { start: doc.bomLength, end: Math.min(lineSpanOf(doc.textDocument, doc.text, 0).end, doc.bomLength + 10_000) };
}
