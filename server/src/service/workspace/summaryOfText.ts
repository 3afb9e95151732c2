// The workspace index's summary of an agent file that is not open, read no further than
// it needs: a text in which no line can define or reference a rule or name an agent under
// a Cross-Agent Validation heading gives its summary from the frontmatter alone, without
// the body's Markdown pass or scan. Other texts have their body read as a full parse reads
// it (the line readers, markdown-it where they give no answer) but their positions from a
// line table cut at each LF (lineTable.ts) rather than TextDocument's, and nothing else. A
// test compares the summary with the full parse's on every seed and corpus file, on
// generated bodies and on the fuzz inputs.
import { agentToolReferences } from '../parse/agentTools';
import { mayHoldBodyFacts } from '../parse/bodyScanner';
import { readBody, readFrontmatter } from '../parse/parseAgent';
import { bomLengthOf } from '../text/hasFrontmatter';
import { LineTable } from '../text/lineTable';
import { summarize, type AgentSummary } from './workspaceIndex';

export function summaryOfText(uri: string, text: string): AgentSummary {
  const bomLength = bomLengthOf(text);
  const frontmatter = readFrontmatter(text, bomLength);
  const toolReferences = agentToolReferences(frontmatter?.fields ?? []);
  if (!mayHoldBodyFacts(text)) {
    // Lines are counted in the frontmatter only (one character past it, so a CRLF there stays one line break).
    const head = new LineTable(text.slice(0, (frontmatter?.span.end ?? 0) + 1));
    return summarize({ uri, frontmatter, rules: [], crossAgentReferences: [], ruleReferences: [], agentToolReferences: toolReferences, textDocument: head });
  }
  const lines = new LineTable(text);
  const body = readBody(lines, text, frontmatter ? frontmatter.span.end : bomLength);
  return summarize({ uri, frontmatter, ...body, agentToolReferences: toolReferences, textDocument: lines });
}
