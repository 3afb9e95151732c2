// Replaces an unknown tool, model, MCP server, key, agent, skill, hook event or enum value, or a
// badly formed name or trigger, with the suggestion the diagnostic carries.
import { dataOf, offsetRange, replaceSpan, valueText, type QuickFix } from './quickFix';

export const replaceWithSuggestion: QuickFix = {
  codes: ['unknown-tool', 'unknown-model', 'unknown-mcp-server', 'invalid-value', 'name-format', 'trigger-format', 'unknown-key', 'unknown-agent-reference', 'unknown-skill', 'unknown-hook-event'],
  provide(doc, diagnostic) {
    const suggestion = dataOf<string>(diagnostic, 'suggestion');
    if (!suggestion) return [];
    const span = offsetRange(doc, diagnostic);
    return [{ title: `Change to \`${suggestion}\``, edits: [replaceSpan(doc, span, valueText(doc, span, suggestion))], auto: false, preferred: true }];
  },
};
