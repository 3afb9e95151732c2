// Hover in the frontmatter: a key's schema description, an enum value, a tool,
// a model or a trigger id (with the agents that use it). Says what a thing is;
// what is wrong with it (an unknown key, tool or model, a retired tool, an MCP
// server .mcp.json lacks) is the diagnostic's to say, and the editor shows that
// in the same hover.
import { enumValueDoc, enumValues, isKnownKey, keyDescription } from '../../schema/frontmatterSchema';
import { isKnownModel, modelAlias } from '../../schema/models';
import { baseToolName, builtinTool, mappedToolOf, parseMcpTool } from '../../schema/tools';
import { CLAUDE_CODE } from '../../catalog/catalog';
import type { FrontmatterField, Span, ValueItem } from '../../types';
import type { FeatureContext } from '../featureContext';
import { touches } from '../../text/spans';
import { fileName } from '../../text/fileName';

export interface FrontmatterHover {
  markdown: string;
  span: Span;
}

export function keyHover(field: FrontmatterField): FrontmatterHover | undefined {
  if (!isKnownKey(field.key)) return undefined;
  const allowed = enumValues(field.key);
  const values = allowed ? `\n\nAllowed values: ${allowed.map((v) => `\`${v}\``).join(', ')}.` : '';
  return { markdown: `**${field.key}**\n\n${keyDescription(field.key)}${values}`, span: field.keySpan };
}

export function valueHover(field: FrontmatterField, offset: number, ctx: FeatureContext): FrontmatterHover | undefined {
  const item = field.items.find((i) => touches(i.span, offset));
  if (item && (field.key === 'tools' || field.key === 'disallowedTools')) {
    const doc = toolDoc(item.text, ctx);
    return doc ? { markdown: doc, span: item.span } : undefined;
  }
  if (item && field.key === 'proactive_triggers') return { markdown: triggerDoc(item, ctx), span: item.span };
  if (typeof field.value !== 'string' || !touches(field.valueSpan, offset)) return undefined;
  const value = field.value;
  if (field.key === 'model') {
    const doc = modelDoc(value, ctx);
    return doc ? { markdown: doc, span: field.valueSpan } : undefined;
  }
  if (isKnownKey(field.key) && enumValues(field.key)?.includes(value)) {
    const doc = enumValueDoc(field.key, value);
    return { markdown: `\`${field.key}: ${value}\`${doc ? `\n\n${doc}` : ''}`, span: field.valueSpan };
  }
  return undefined;
}

/** What a tool is; undefined for a tool Claude Code does not know or removed. */
export function toolDoc(entry: string, ctx: FeatureContext): string | undefined {
  const mcp = parseMcpTool(entry);
  if (mcp) {
    const configured = ctx.settings.mcpServers?.has(mcp.server);
    const what = mcp.tool && mcp.tool !== '*' ? `MCP tool \`${mcp.tool}\` of server \`${mcp.server}\`` : `Every tool of MCP server \`${mcp.server}\``;
    return `${what}${configured ? ' (configured in .mcp.json).' : '.'}`;
  }
  const name = baseToolName(entry);
  const builtin = builtinTool(name);
  if (builtin !== undefined) return `**${name}** — ${builtin}`;
  const mapped = mappedToolOf(name);
  if (mapped) return `**${name}** — the old name of \`${mapped}\`, which ${CLAUDE_CODE} still maps to it. ${builtinTool(mapped)}`;
  if (ctx.settings.extraTools.includes(name)) return `**${name}** — a tool declared in the configuration (\`extraTools\`).`;
  return undefined;
}

function modelDoc(value: string, ctx: FeatureContext): string | undefined {
  const alias = modelAlias(value);
  if (alias !== undefined) return `**${value}** — ${alias}`;
  if (ctx.settings.extraModels.includes(value)) return `**${value}** — a model declared in the configuration (\`extraModels\`).`;
  if (isKnownModel(value)) return `**${value}** — a full Claude model id.`;
  return undefined;
}

function triggerDoc(item: ValueItem, ctx: FeatureContext): string {
  const users = ctx.workspace.index.triggerUsage().get(item.text) ?? [];
  const configured = ctx.settings.triggers.includes(item.text) ? ' Declared in the configuration.' : '';
  const names = users.map((uri) => `\`${ctx.workspace.index.get(uri)?.name ?? fileName(uri)}\``);
  return `**Trigger \`${item.text}\`** — used by ${users.length} agent${users.length === 1 ? '' : 's'}${names.length ? `: ${names.join(', ')}` : ''}.${configured}`;
}
