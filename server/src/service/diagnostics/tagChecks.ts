// Prompt tags (`<example>`, `<commentary>`…) left unclosed, or closing nothing, in
// the description and the body: Claude Code gives both to the model as written.
import { promptTags, type PromptTag } from '../parse/promptTags';
import type { AgentDocument } from '../types';
import type { Report } from './reporter';

const WHERE: Record<PromptTag['region'], string> = {
  description: 'Claude Code passes the description to the model as written (it is how the model picks this agent)',
  body: "Claude Code passes the body to the model as written (it is the agent's system prompt)",
};

export function checkTags(doc: AgentDocument, report: Report): void {
  const { unclosed, stray } = promptTags(doc);
  for (const { tag } of unclosed) {
    report('unbalanced-tag', tag.span, `\`<${tag.name}>\` is never closed: ${WHERE[tag.region]}, so what follows reads as part of it. Close it with \`</${tag.name}>\`.`);
  }
  for (const tag of stray) {
    report('unbalanced-tag', tag.span, `\`</${tag.name}>\` closes no \`<${tag.name}>\`: ${WHERE[tag.region]}. Remove it or open the tag where it starts.`);
  }
}
