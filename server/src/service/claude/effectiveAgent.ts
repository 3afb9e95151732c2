// The effective agent: what Claude Code will do with a file, for the version in the
// catalog. Whether it loads it (and if not, why, in Claude Code's terms), whether
// it runs it, the name, description, model and tools it gets, and what it ignores.
// Read from the same checks that report the diagnostics, so the two never disagree.
import { CLAUDE_CODE_VERSION } from '../catalog/catalog';
import type { DiagnosticCode } from '../diagnostics/codes';
import type { AgentDiagnostic } from '../diagnostics/reporter';
import { mcpServerAvailable, type AnalysisSettings } from '../config/settings';
import { claudeCodeFindings } from '../diagnostics/validate';
import { resolveModel } from '../schema/models';
import { baseToolName, parseMcpTool, resolveTool } from '../schema/tools';
import { fieldOf, type AgentDocument } from '../types';

export interface EffectiveAgent {
  claudeCode: string;
  loads: boolean;
  /** Why Claude Code drops the file. */
  dropReason?: string;
  /** False when it loads the agent but refuses to run it. */
  runs: boolean;
  refusal?: string;
  name?: string;
  description?: string;
  model?: { written: string; resolved: string; kind: 'inherit' | 'alias' | 'id' };
  /** Every tool (`all`), or the tools it gets: old names mapped, unknown ones left out. */
  tools: 'all' | string[];
  /** With `tools: all`: the tools `disallowedTools` removes. */
  disallowedTools?: string[];
  ignored: { key: string; reason: string }[];
}

/** Codes whose finding means Claude Code drops the file. */
export const DROP_CODES: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>([
  'frontmatter-missing',
  'frontmatter-unclosed',
  'frontmatter-language',
  'yaml-unreadable',
  'missing-name',
  'missing-description',
  'name-colon',
  'invalid-name',
  'empty-hooks',
  'top-level-hook',
  'file-too-large',
  'md-extension-case',
]);
/** Codes whose finding means Claude Code loads the agent but refuses to run it. */
export const REFUSE_CODES: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>(['no-usable-tools']);
/** Codes whose finding is something Claude Code ignores. */
const IGNORED_CODES: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>([
  'unknown-key',
  'invalid-value',
  'hook-event-key',
  'legacy-tool',
  'unknown-tool',
  'tool-not-for-subagents',
  'allowed-tools-ignored',
  'unknown-hook-event',
  'hook-ignored',
]);

const cache = new WeakMap<AgentDocument, { settings: AnalysisSettings; agent: EffectiveAgent }>();

export function effectiveAgent(doc: AgentDocument, settings: AnalysisSettings): EffectiveAgent {
  const cached = cache.get(doc);
  if (cached?.settings === settings) return cached.agent;
  const agent = compute(doc, settings, claudeCodeFindings(doc, settings));
  cache.set(doc, { settings, agent });
  return agent;
}

function compute(doc: AgentDocument, settings: AnalysisSettings, findings: readonly AgentDiagnostic[]): EffectiveAgent {
  const drop = findings.find((d) => DROP_CODES.has(d.code as DiagnosticCode));
  const refusal = findings.find((d) => REFUSE_CODES.has(d.code as DiagnosticCode));
  const agent: EffectiveAgent = { claudeCode: CLAUDE_CODE_VERSION, loads: !drop, runs: !drop && !refusal, tools: 'all', ignored: [] };
  if (drop) {
    agent.dropReason = drop.message;
    return agent;
  }
  if (refusal) agent.refusal = refusal.message;
  const name = fieldOf(doc, 'name')?.value;
  const description = fieldOf(doc, 'description')?.value;
  if (typeof name === 'string') agent.name = name;
  // Claude Code turns a written `\n` in a description into a line break.
  if (typeof description === 'string') agent.description = description.replace(/\\n/g, '\n');
  const model = fieldOf(doc, 'model')?.value;
  if (typeof model === 'string' && model !== '') {
    const { kind, resolved } = resolveModel(model);
    agent.model = { written: kind === 'inherit' ? 'inherit' : model, resolved, kind };
  }
  // `disallowedTools` removes its tools (old names mapped) from the list, or from every tool.
  const tools = toolsOf(doc, 'tools', settings) ?? 'all';
  const disallowed = toolsOf(doc, 'disallowedTools', settings) ?? [];
  if (disallowed === 'all') agent.tools = [];
  else if (tools === 'all') {
    agent.tools = 'all';
    if (disallowed.length) agent.disallowedTools = disallowed;
  } else agent.tools = tools.filter((t) => !disallowed.includes(t));
  if (fieldOf(doc, 'proactive_triggers')) agent.ignored.push({ key: 'proactive_triggers', reason: 'An Agentry convention: Claude Code does not read this key.' });
  for (const finding of findings) {
    if (!IGNORED_CODES.has(finding.code as DiagnosticCode)) continue;
    agent.ignored.push({ key: keyAt(doc, doc.textDocument.offsetAt(finding.range.start)), reason: finding.message });
  }
  return agent;
}

/** The tools a list key names, as Claude Code resolves them; undefined when the key is absent or unreadable, none for a value that is no list. */
function toolsOf(doc: AgentDocument, key: string, settings: AnalysisSettings): 'all' | string[] | undefined {
  const field = fieldOf(doc, key);
  if (!field || field.unreadable) return undefined;
  if (typeof field.value !== 'string' && !Array.isArray(field.value)) return [];
  const tools: string[] = [];
  for (const item of field.items) {
    if (item.text === '*') return 'all';
    const mcp = parseMcpTool(item.text);
    const resolved = mcp ? (mcpServerAvailable(settings, mcp.server) ? item.text : undefined) : settings.extraTools.includes(item.text) ? item.text : resolveTool(baseToolName(item.text));
    if (resolved && !tools.includes(resolved)) tools.push(resolved);
  }
  return tools;
}

/** The key of the entry a finding is in (an entry's end is the next one's start: end exclusive). */
function keyAt(doc: AgentDocument, offset: number): string {
  const field = doc.frontmatter?.fields.find((f) => offset >= f.entrySpan.start && (offset < f.entrySpan.end || offset === f.keySpan.start));
  return field?.key ?? '';
}
