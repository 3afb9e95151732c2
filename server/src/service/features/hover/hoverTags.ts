// Hover on a prompt tag (`<example>`, `</commentary>`…): where its partner is, or
// that it has none.
import { promptTags, type PromptTag } from '../../parse/promptTags';
import type { AgentDocument } from '../../types';
import { lineOf, touches } from '../../text/spans';

export function tagAt(doc: AgentDocument, offset: number): PromptTag | undefined {
  return promptTags(doc).tags.find((t) => touches(t.span, offset));
}

export function tagHover(doc: AgentDocument, tag: PromptTag): string {
  const shown = tag.closing ? `</${tag.name}>` : `<${tag.name}>`;
  const partner = promptTags(doc).partner.get(tag);
  if (!partner) return tag.closing ? `\`${shown}\` closes no \`<${tag.name}>\`.` : `\`${shown}\` is never closed.`;
  const line = lineOf(doc, partner.span.start) + 1;
  return tag.closing ? `\`${shown}\` closes \`<${tag.name}>\` on line ${line}.` : `\`${shown}\` is closed by \`</${tag.name}>\` on line ${line}.`;
}
