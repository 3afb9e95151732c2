// `hooks:` as Claude Code reads it, node by node: a mapping of hook events to lists
// of matchers, each holding a list of hook entries of a known type. An unknown
// event is removed; a malformed entry is ignored, except under a guard event
// (PreToolUse, PermissionRequest, …) where it drops the whole agent; `hooks` as a
// list or a scalar drops the agent too. Every finding is at its own node.
import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from '../parse/yamlPackage';
import { CLAUDE_CODE } from '../catalog/catalog';
import { HOOK_EVENTS, HOOK_GUARD_EVENTS, HOOK_MATCHER_SCHEMA, HOOK_TYPES, hookEntrySchema } from '../schema/hooksSchema';
import { closestMatch } from '../schema/suggest';
import { fieldOf, type AgentDocument, type Span } from '../types';
import type { Report } from './reporter';

const EVENTS = new Set(HOOK_EVENTS);
const TYPE_LIST = Object.keys(HOOK_TYPES).join(', ');

export function checkHooks(doc: AgentDocument, report: Report): void {
  const field = fieldOf(doc, 'hooks');
  if (!field || field.unreadable) return;
  if (Array.isArray(field.value)) {
    report('empty-hooks', field.valueSpan, '`hooks` must be a mapping of events to hooks; a list (such as `hooks: []`) makes Claude Code drop the agent. Remove it or write `hooks: {}`.');
    return;
  }
  if (field.value === null || field.value === undefined) return;
  if (typeof field.value !== 'object') {
    report('invalid-hooks', field.valueSpan, `${CLAUDE_CODE} does not load this agent: \`hooks\` must be a mapping of hook events (PreToolUse, PostToolUse, Stop, …) to lists of matchers.`);
    return;
  }
  const events = hooksNode(doc, field.keySpan.start, field.entrySpan.end);
  if (!events) return;
  // A block node's range runs on over the line breaks after it: end at its last character.
  const at = (node: Node | null | undefined, fallback: Span): Span => {
    if (!node?.range) return fallback;
    const start = events.base + node.range[0];
    let end = events.base + node.range[1];
    while (end > start && /\s/.test(doc.text[end - 1])) end--;
    return { start, end };
  };
  for (const pair of events.map.items as Pair<Node, Node | null>[]) {
    const keySpan = at(pair.key, field.keySpan);
    const name = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!EVENTS.has(name)) {
      const suggestion = closestMatch(name, HOOK_EVENTS);
      report('unknown-hook-event', keySpan, `\`${name}\` is not a hook event ${CLAUDE_CODE} knows${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}: it removes these hooks, so they never run.`, { data: { suggestion } });
      continue;
    }
    const guard = HOOK_GUARD_EVENTS.has(name);
    const problem = (node: Node | null | undefined, fallback: Span, what: string) => {
      if (guard) report('invalid-hooks', at(node, fallback), `${what} Under \`${name}\`, ${CLAUDE_CODE} then does not load the agent at all: a ${name} hook that cannot be loaded may be what guards the agent's permissions.`);
      else report('hook-ignored', at(node, fallback), `${what} ${CLAUDE_CODE} ignores this entry, so it never runs.`);
    };
    const matchers = pair.value;
    if (matchers === null || (isScalar(matchers) && matchers.value === null)) continue;
    if (!isSeq(matchers)) {
      problem(matchers, keySpan, `\`${name}\` must be a list of matchers (\`- matcher: …\` items with their \`hooks\`).`);
      continue;
    }
    for (const matcher of matchers.items as Node[]) checkMatcher(matcher, keySpan, at, problem);
  }
}

type At = (node: Node | null | undefined, fallback: Span) => Span;
type Problem = (node: Node | null | undefined, fallback: Span, what: string) => void;

function checkMatcher(matcher: Node, eventSpan: Span, at: At, problem: Problem): void {
  if (!isMap(matcher)) {
    problem(matcher, eventSpan, 'A hook matcher must be a mapping with `matcher` and `hooks`.');
    return;
  }
  const hooks = matcher.get('hooks', true) as Node | undefined;
  if (!isSeq(hooks)) {
    problem(hooks ?? matcher, eventSpan, 'The `hooks` of a matcher must be a list of hook entries (`- type: command` …).');
    return;
  }
  const pattern = matcher.get('matcher', true) as Node | undefined;
  if (pattern && !HOOK_MATCHER_SCHEMA.shape.matcher.safeParse((pattern as Node).toJSON()).success) {
    problem(pattern, eventSpan, '`matcher` must be a string, such as `Bash` or `Write|Edit`.');
  }
  for (const entry of hooks.items as Node[]) checkEntry(entry, at(hooks, eventSpan), at, problem);
}

function checkEntry(entry: Node, listSpan: Span, at: At, problem: Problem): void {
  if (!isMap(entry)) {
    problem(entry, listSpan, 'A hook entry must be a mapping with a `type`.');
    return;
  }
  const typeNode = entry.get('type', true) as Node | undefined;
  const type = isScalar(typeNode) ? typeNode.value : undefined;
  if (typeNode === undefined || typeof type !== 'string') {
    problem(typeNode ?? entry, listSpan, `A hook entry needs a \`type\`: ${TYPE_LIST}.`);
    return;
  }
  const schema = hookEntrySchema(type);
  if (!schema) {
    const suggestion = closestMatch(type, Object.keys(HOOK_TYPES));
    problem(typeNode, listSpan, `\`${type}\` is not a hook type${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}; the types are ${TYPE_LIST}.`);
    return;
  }
  const result = schema.safeParse(entry.toJSON());
  if (result.success) return;
  for (const issue of result.error.issues) {
    const path = issue.path.map(String);
    const node = path.length ? ((entry as YAMLMap).getIn(path, true) as Node | undefined) : undefined;
    const what = node ? `\`${path.join('.')}\`: ${issue.message}.` : `A \`${type}\` hook needs \`${path.join('.')}\`.`;
    problem(node ?? typeNode, listSpan, `Invalid \`${type}\` hook: ${what}`);
  }
}

/** The `hooks` mapping node, parsed from the entry's own text (with the document offset of that text). */
function hooksNode(doc: AgentDocument, start: number, end: number): { map: YAMLMap; base: number } | undefined {
  const parsed = parseDocument(doc.text.slice(start, end).replace(/\r(?!\n)/g, '\n'), { uniqueKeys: false, prettyErrors: false });
  if (parsed.errors.length || !isMap(parsed.contents)) return undefined;
  const value = parsed.contents.items[0]?.value as Node | null | undefined;
  return isMap(value) ? { map: value, base: start } : undefined;
}
