// `tools:` and `disallowedTools:` as Claude Code reads them: built-in names, old
// names it maps, retired and unknown names it leaves out, `Agent(x, y)` and
// `Bash(cmd:*)` forms, MCP tools of known servers; and an agent whose listed
// tools are all left out, which Claude Code refuses to run.
import { fieldOf, type AgentDocument, type FrontmatterField, type Span } from '../types';
import { BUILTIN_TOOLS, NOT_FOR_SUBAGENTS, baseToolName, parseMcpTool, resolveTool, retiredToolOf } from '../schema/tools';
import { closestMatch } from '../schema/suggest';
import { CLAUDE_CODE } from '../catalog/catalog';
import type { Report } from './reporter';
import { mcpServerAvailable, type AnalysisSettings } from '../config/settings';

export function checkTools(doc: AgentDocument, settings: AnalysisSettings, report: Report): void {
  for (const key of ['tools', 'disallowedTools']) {
    const field = fieldOf(doc, key);
    if (field && !field.unreadable) checkToolField(field, settings, report);
  }
}

function checkToolField(field: FrontmatterField, settings: AnalysisSettings, report: Report): void {
  if (typeof field.value !== 'string' && !Array.isArray(field.value) && field.value !== null) {
    report('invalid-value', field.valueSpan, `\`${field.key}\` must be a comma-separated string or a YAML list of tool names.`);
    return;
  }
  if (field.items.length === 0) {
    if (field.key === 'tools') {
      report(
        'empty-tools',
        field.valueSpan.end > field.valueSpan.start ? field.valueSpan : field.keySpan,
        `\`tools\` is empty, so Claude Code runs this agent with no tools at all. Remove the key to give it every tool, or list the tools it needs.`,
      );
    }
    return;
  }
  const seen = new Set<string>();
  let usable = 0;
  const missingServers = new Set<string>();
  for (const item of field.items) {
    if (seen.has(item.text)) {
      report('duplicate-tool', item.span, `\`${item.text}\` is listed twice.`);
      continue;
    }
    seen.add(item.text);
    if (checkTool(item.text, item.span, settings, report)) usable++;
    const mcp = parseMcpTool(item.text);
    if (mcp && !mcpServerAvailable(settings, mcp.server)) missingServers.add(mcp.server);
  }
  if (field.key === 'tools' && usable === 0) {
    const servers = [...missingServers].map((s) => `\`${s}\``).join(', ');
    const mcp = servers ? ` Its MCP tools need the server${missingServers.size > 1 ? 's' : ''} ${servers}, which neither the workspace's .mcp.json nor your ~/.claude.json configures.` : '';
    report(
      'no-usable-tools',
      field.keySpan,
      `${CLAUDE_CODE} refuses to run this agent: none of the tools listed is available, so it would be spawned with zero tools.${mcp} List at least one built-in tool, or remove \`tools\` to give it every tool.`,
    );
  }
}

/** Checks one entry; true when Claude Code gives the agent a tool for it. */
function checkTool(entry: string, span: Span, settings: AnalysisSettings, report: Report): boolean {
  if (entry === '*' || settings.extraTools.includes(entry)) return true;
  const mcp = parseMcpTool(entry);
  if (mcp) {
    const available = mcpServerAvailable(settings, mcp.server);
    if (settings.mcpServers && !available) {
      const suggestion = closestMatch(mcp.server, settings.mcpServers);
      report('unknown-mcp-server', span, `MCP server \`${mcp.server}\` is not configured in the workspace's .mcp.json${suggestion ? `; did you mean \`${suggestion}\`?` : '.'}`, {
        data: { suggestion: suggestion ? entry.replace(`mcp__${mcp.server}`, `mcp__${suggestion}`) : undefined },
      });
    }
    return available;
  }
  const name = baseToolName(entry);
  if (settings.extraTools.includes(name) || resolveTool(name)) return true;
  if (NOT_FOR_SUBAGENTS.has(name)) {
    report('tool-not-for-subagents', span, `\`${name}\` is a tool of the main conversation only: ${CLAUDE_CODE} leaves it out of a subagent's tools.`);
    return false;
  }
  const retired = retiredToolOf(name);
  if (retired) {
    const suggestion = retired.replacement ? entry.replace(name, retired.replacement) : undefined;
    report('legacy-tool', span, `\`${name}\` is unknown to ${CLAUDE_CODE}, which leaves it out. ${retired.note}`, { data: { suggestion } });
    return false;
  }
  const suggestion = closestMatch(name, [...Object.keys(BUILTIN_TOOLS), ...settings.extraTools]);
  report('unknown-tool', span, `Unknown tool \`${entry}\`${suggestion ? `; did you mean \`${suggestion}\`?` : '.'} ${CLAUDE_CODE} leaves out tools it does not know.`, {
    data: { suggestion: suggestion ? entry.replace(name, suggestion) : undefined },
  });
  return false;
}
