// Frontmatter checks: that Claude Code can read it, required keys, and each
// known key's value against the zod schema.
import { fieldOf, type AgentDocument, type Frontmatter, type FrontmatterField, type Span } from '../types';
import { MODEL_ALIASES, KNOWN_MODEL_IDS, isKnownModel } from '../schema/models';
import { checkValue, enumValues, FRONTMATTER_KEYS, isKnownKey, TRIGGER_PATTERN } from '../schema/frontmatterSchema';
import { NAME_PATTERN } from '../schema/agentName';
import { CATALOG, CLAUDE_CODE } from '../catalog/catalog';
import { closestMatch } from '../schema/suggest';
import { lineSpanOf } from '../text/lineSpan';
import { slugify } from '../schema/agentName';
import { ALLOWED_TOOLS_KEY } from './allowedToolsCheck';
import type { Report } from './reporter';
import type { AnalysisSettings } from '../config/settings';

/** Keys whose values are checked elsewhere or in a special way. */
const SPECIALLY_CHECKED = new Set(['name', 'description', 'model', 'tools', 'disallowedTools', 'hooks', 'proactive_triggers', 'mcpServers']);
const HOOK_EVENTS = new Set(CATALOG.hookEvents);
const DROPPING_HOOK_KEYS = new Set(CATALOG.topLevelHookKeysThatDrop);

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

export function checkFrontmatter(doc: AgentDocument, settings: AnalysisSettings, report: Report): void {
  const fm = doc.frontmatter;
  if (!fm) {
    const leading = /^\s+---/.test(doc.text.slice(doc.bomLength, doc.bomLength + 200));
    report(
      'frontmatter-missing',
      firstLine(doc),
      leading
        ? 'Claude Code reads frontmatter only when `---` are the very first characters of the file; this one starts with a blank line or spaces, so it silently skips the agent. Remove what comes before `---`.'
        : 'No frontmatter: Claude Code loads an agent only from a file that starts with a `---` YAML block holding `name` and `description`, and silently skips this one.',
      { data: { leading } },
    );
    return;
  }
  if (fm.language) {
    report('frontmatter-language', firstLine(doc), `\`---${fm.language}\` frontmatter is not YAML: Claude Code does not read it (and Agentry never runs it). Use a plain \`---\` line.`);
    return;
  }
  if (!fm.closed) {
    report('frontmatter-unclosed', firstLine(doc), 'The frontmatter is never closed by a `---` line, so Claude Code silently skips this agent.');
    return;
  }
  if (fm.earlyClose) {
    const at = { start: fm.earlyClose.at, end: fm.earlyClose.at + 3 };
    report(
      'frontmatter-early-close',
      at,
      "Claude Code ends the frontmatter at this `---`: it finds the first `---` anywhere, not only on a line of its own. What follows is not read as keys and becomes part of the agent's prompt. Write it another way (such as `—`).",
    );
  }
  for (const error of fm.errors) report('yaml-unreadable', error.span, error.message);
  const absentKeys = FRONTMATTER_KEYS.filter((k) => !fm.fields.some((f) => f.key === k));
  for (const field of fm.fields) {
    if (field.lenient && fm.mode === 'retry') reportLenient(doc, field, report);
    if (field.retried) reportRetried(field, report);
    if (DROPPING_HOOK_KEYS.has(field.key) && !isEmpty(field.value)) {
      report('top-level-hook', field.keySpan, `A \`${field.key}\` hook at the top level, outside \`hooks:\`, makes ${CLAUDE_CODE} drop the agent. Put it under \`hooks:\`.`);
      continue;
    }
    if (HOOK_EVENTS.has(field.key)) {
      report('hook-event-key', field.keySpan, `\`${field.key}\` is a hook event, but at the top level ${CLAUDE_CODE} ignores it as an unknown key, so the hook never runs. Put it under \`hooks:\`.`);
      continue;
    }
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
  checkMcpServers(fieldOf(doc, 'mcpServers'), report);
  checkTriggers(fieldOf(doc, 'proactive_triggers'), report);
}

function reportLenient(doc: AgentDocument, field: FrontmatterField, report: Report): void {
  const raw = doc.text.slice(field.valueSpan.start, field.valueSpan.end);
  const colon = raw.indexOf(': ');
  const at = colon >= 0 ? { start: field.valueSpan.start + colon, end: field.valueSpan.start + colon + 1 } : field.valueSpan;
  const why = colon >= 0 ? 'strict YAML reads this `: ` as the start of a nested key' : `strict YAML rejects it (${field.lenient!.reason})`;
  report(
    'yaml-lenient-value',
    at,
    `Claude Code reads this \`${field.key}\` value only through its lenient retry: ${why}, so other YAML tools fail on the file, and one more such line, a multi-line value or CRLF line endings make Claude Code drop the agent. Quote the value.`,
    { data: { key: field.key, valueStart: field.valueSpan.start } },
  );
}

function reportRetried(field: FrontmatterField, report: Report): void {
  const meant = typeof field.retried!.strictValue === 'string' ? field.retried!.strictValue : JSON.stringify(field.retried!.strictValue);
  report(
    'yaml-retry-rewrite',
    field.valueSpan,
    `Another line of this frontmatter needs Claude Code's lenient retry, which rewrites this line too: Claude Code reads \`${field.key}\` as \`${String(field.value)}\`, not \`${meant}\`. Quote the value the retry is needed for, so that no retry happens.`,
  );
}

function checkRequired(doc: AgentDocument, report: Report): void {
  const fm = doc.frontmatter!;
  const blockStart = openingFenceSpan(fm);
  const name = fieldOf(doc, 'name');
  if (!name) report('missing-name', blockStart, 'Missing `name`: Claude Code does not load an agent without one.');
  else if (!name.unreadable) {
    if (typeof name.value !== 'string' || name.value === '') {
      report('missing-name', name.valueSpan.end > name.valueSpan.start ? name.valueSpan : name.keySpan, '`name` must be a non-empty string: Claude Code drops an agent without one.');
    } else if (name.value.normalize('NFKC').includes(':')) {
      report('name-colon', name.valueSpan, `\`${name.value}\` contains \`:\`${name.value.includes(':') ? '' : ' (after Unicode normalisation)'}, which Claude Code rejects in agent names: it drops the agent.`);
    } else if (name.value.startsWith('-')) {
      report('invalid-name', name.valueSpan, `Claude Code drops an agent whose name starts with \`-\`.`, { data: { suggestion: slugify(name.value) } });
    } else if (name.value.length > CATALOG.limits.maxNameLength) {
      report('invalid-name', name.valueSpan, `Claude Code drops an agent whose name is over ${CATALOG.limits.maxNameLength} characters (this one has ${name.value.length}).`);
    } else if (!NAME_PATTERN.test(name.value)) {
      report('name-format', name.valueSpan, `\`${name.value}\` should use only lowercase letters, digits and hyphens (for example \`${slugify(name.value)}\`).`, { data: { suggestion: slugify(name.value) } });
    }
  }
  const description = fieldOf(doc, 'description');
  if (!description) report('missing-description', blockStart, 'Missing `description`: Claude Code silently drops an agent without one.');
  else if (!description.unreadable && (typeof description.value !== 'string' || description.value === '')) {
    report('missing-description', description.valueSpan.end > description.valueSpan.start ? description.valueSpan : description.keySpan, '`description` must be a non-empty string: Claude Code drops an agent without one.');
  }
}

function checkEnumOrType(field: FrontmatterField, report: Report): void {
  if (!isKnownKey(field.key)) return;
  const problem = checkValue(field.key, field.value);
  if (!problem) return;
  const allowed = enumValues(field.key);
  const shown = typeof field.value === 'string' ? field.value : JSON.stringify(field.value);
  const empty = field.value === null || field.value === '';
  if (allowed) {
    const suggestion = typeof field.value === 'string' ? closestMatch(field.value, allowed) : undefined;
    const what = empty ? `An empty \`${field.key}\` is not a value ${CLAUDE_CODE} knows` : `\`${field.key}: ${shown}\` is not a value ${CLAUDE_CODE} knows`;
    report('invalid-value', empty ? field.keySpan : field.valueSpan, `${what}, so it ignores it${suggestion ? `; did you mean \`${suggestion}\`?` : '.'} Allowed: ${allowed.join(', ')}.`, { data: { suggestion } });
  } else {
    report('invalid-value', empty ? field.keySpan : field.valueSpan, `${empty ? `\`${field.key}\` is empty` : `\`${field.key}\`: ${problem}`}; ${CLAUDE_CODE} ignores it.`);
  }
}

function checkModel(field: FrontmatterField | undefined, settings: AnalysisSettings, report: Report): void {
  if (!field || field.unreadable) return;
  if (typeof field.value !== 'string' || field.value === '') {
    report('invalid-value', field.value === null || field.value === '' ? field.keySpan : field.valueSpan, `\`model\` must be a non-empty string such as \`sonnet\`, \`opus\`, \`haiku\` or \`inherit\`; ${CLAUDE_CODE} ignores this one.`);
    return;
  }
  if (isKnownModel(field.value, settings.extraModels)) return;
  const suggestion = closestMatch(field.value, [...Object.keys(MODEL_ALIASES), ...KNOWN_MODEL_IDS, ...settings.extraModels]);
  report(
    'unknown-model',
    field.valueSpan,
    `Unknown model \`${field.value}\`${suggestion ? `; did you mean \`${suggestion}\`?` : '.'} ${CLAUDE_CODE} sends a model that is not one of its aliases to the API as written, which rejects it unless it is a model id. Use an alias (sonnet, opus, haiku, …), inherit or a full model id.`,
    { data: { suggestion } },
  );
}

function checkMcpServers(field: FrontmatterField | undefined, report: Report): void {
  if (!field || field.unreadable || field.value === null || checkValue('mcpServers', field.value) === undefined) return;
  const map = typeof field.value === 'object' && !Array.isArray(field.value);
  report(
    'invalid-value',
    field.valueSpan,
    map
      ? `${CLAUDE_CODE} reads \`mcpServers\` only as a YAML list (server names, or \`- name: config\` items) and ignores a mapping, so this agent gets none of these servers.`
      : `\`mcpServers\` must be a YAML list of server names or \`- name: config\` items; ${CLAUDE_CODE} ignores this one.`,
  );
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
  return (
    value
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '') || 'trigger'
  );
}

/** The opening `---` of the frontmatter: where problems of the whole block are shown. */
export function openingFenceSpan(fm: Frontmatter): Span {
  return { start: fm.span.start, end: fm.span.start + 3 };
}

/** The first line after the BOM, at most 10,000 characters of it: where a frontmatter that cannot be read is reported. */
function firstLine(doc: AgentDocument): Span {
  return { start: doc.bomLength, end: Math.min(lineSpanOf(doc.textDocument, doc.text, 0).end, doc.bomLength + 10_000) };
}
