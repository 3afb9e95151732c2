// Tool names as Claude Code reads them: its built-in tools, the old names it still
// maps to them, the retired names it no longer knows (all from the catalog), and
// the `Tool(argument)` and `mcp__server__tool` forms.
import { CATALOG, lookup } from '../catalog/catalog';

export const BUILTIN_TOOLS: Readonly<Record<string, string>> = CATALOG.tools;
/** Old name → the built-in tool Claude Code maps it to. */
export const OLD_TOOL_NAMES: Readonly<Record<string, string>> = CATALOG.oldToolNames;
/** Names Claude Code no longer knows, with what to use instead where there is something. */
export const RETIRED_TOOLS: Readonly<Record<string, { replacement?: string; note: string }>> = CATALOG.retiredTools;

/** Built-in tools a subagent never gets: Claude Code leaves them out of a subagent's tools. */
export const NOT_FOR_SUBAGENTS: ReadonlySet<string> = new Set(CATALOG.notForSubagents);

/** The description of a built-in tool, or undefined when `name` is not one. */
export function builtinTool(name: string): string | undefined {
  return lookup(BUILTIN_TOOLS, name);
}

export function isBuiltinTool(name: string): boolean {
  return builtinTool(name) !== undefined;
}

/** The built-in tool an old name maps to (`Task` → `Agent`), or undefined. */
export function mappedToolOf(name: string): string | undefined {
  return lookup(OLD_TOOL_NAMES, name);
}

/** What replaced a retired tool name, or undefined when `name` is not one. */
export function retiredToolOf(name: string): { replacement?: string; note: string } | undefined {
  return lookup(RETIRED_TOOLS, name);
}

/** The built-in tool Claude Code gives a subagent for `name` (itself or what an old name maps to), or undefined. */
export function resolveTool(name: string): string | undefined {
  const tool = isBuiltinTool(name) ? name : mappedToolOf(name);
  return tool && !NOT_FOR_SUBAGENTS.has(tool) ? tool : undefined;
}

/** `Tool(argument)` forms: the tool name before the parenthesis. */
export function baseToolName(entry: string): string {
  const paren = entry.indexOf('(');
  return (paren > 0 ? entry.slice(0, paren) : entry).trim();
}

/** Parts of an MCP tool reference `mcp__server`, `mcp__server__tool`, `mcp__server__*`. */
export function parseMcpTool(entry: string): { server: string; tool?: string } | undefined {
  if (!entry.startsWith('mcp__')) return undefined;
  const rest = entry.slice(5);
  const separator = rest.indexOf('__');
  if (separator < 0) return rest ? { server: rest } : undefined;
  const server = rest.slice(0, separator);
  const tool = rest.slice(separator + 2);
  return server ? { server, tool: tool || undefined } : undefined;
}
