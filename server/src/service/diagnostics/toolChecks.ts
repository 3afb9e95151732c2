// `tools:` and `disallowedTools:` entries: known built-ins, legacy names,
// `Agent(x, y)` and `Bash(cmd:*)` forms, and MCP tools of known servers.
import { fieldOf, type AgentDocument, type FrontmatterField } from '../types';
import { BUILTIN_TOOLS, baseToolName, isBuiltinTool, legacyToolOf, parseMcpTool } from '../schema/tools';
import { closestMatch } from '../schema/suggest';
import type { Report } from './reporter';
import type { AnalysisSettings } from './settings';

export function checkTools(doc: AgentDocument, settings: AnalysisSettings, report: Report): void {
  for (const key of ['tools', 'disallowedTools']) {
    const field = fieldOf(doc, key);
    if (field && !field.unreadable) checkToolField(field, settings, report);
  }
}

function checkToolField(field: FrontmatterField, settings: AnalysisSettings, report: Report): void {
  if (field.value === null || field.value === undefined) return;
  if (typeof field.value !== 'string' && !Array.isArray(field.value)) {
    report('invalid-value', field.valueSpan, `\`${field.key}\` must be a comma-separated string or a YAML list of tool names.`);
    return;
  }
  const seen = new Set<string>();
  for (const item of field.items) {
    if (seen.has(item.text)) {
      report('duplicate-tool', item.span, `\`${item.text}\` is listed twice.`);
      continue;
    }
    seen.add(item.text);
    checkTool(item.text, item.span, settings, report);
  }
}

function checkTool(entry: string, span: { start: number; end: number }, settings: AnalysisSettings, report: Report): void {
  if (entry === '*' || settings.extraTools.includes(entry)) return;
  const mcp = parseMcpTool(entry);
  if (mcp) {
    if (settings.mcpServers && !settings.mcpServers.has(mcp.server)) {
      const suggestion = closestMatch(mcp.server, settings.mcpServers);
      report('unknown-mcp-server', span, `MCP server \`${mcp.server}\` is not configured in the workspace's .mcp.json${suggestion ? `; did you mean \`${suggestion}\`?` : '.'}`, {
        data: { suggestion: suggestion ? entry.replace(`mcp__${mcp.server}`, `mcp__${suggestion}`) : undefined },
      });
    }
    return;
  }
  const name = baseToolName(entry);
  if (settings.extraTools.includes(name) || isBuiltinTool(name)) return;
  const legacy = legacyToolOf(name);
  if (legacy) {
    const replacement = entry.replace(name, legacy.replacement);
    report(name === 'Task' ? 'renamed-tool' : 'legacy-tool', span, legacy.note, { data: { suggestion: replacement } });
    return;
  }
  const suggestion = closestMatch(name, [...Object.keys(BUILTIN_TOOLS), ...settings.extraTools]);
  report('unknown-tool', span, `Unknown tool \`${entry}\`${suggestion ? `; did you mean \`${suggestion}\`?` : '.'} Claude Code ignores tools it does not know.`, {
    data: { suggestion: suggestion ? entry.replace(name, suggestion) : undefined },
  });
}
