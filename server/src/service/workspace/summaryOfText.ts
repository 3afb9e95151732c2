// The workspace index's summary of an agent file that is not open, read no further than
// it needs: a text in which no line can define or reference a rule or name an agent under
// a Cross-Agent Validation heading gives its summary from the frontmatter alone, without
// the body's Markdown pass or scan. Other texts are parsed in full. A test compares the
// two ways on every seed and corpus file and on the fuzz inputs.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { agentToolReferences } from '../parse/agentTools';
import { mayHoldBodyFacts } from '../parse/bodyScanner';
import { parseAgent, readFrontmatter } from '../parse/parseAgent';
import { bomLengthOf } from '../text/hasFrontmatter';
import { summarize, type AgentSummary } from './workspaceIndex';

export function summaryOfText(uri: string, text: string): AgentSummary {
  if (mayHoldBodyFacts(text)) return summarize(parseAgent(uri, 0, text));
  const frontmatter = readFrontmatter(text, bomLengthOf(text));
  // Lines are counted in the frontmatter only (one character past it, so a CRLF there stays one line break).
  const head = TextDocument.create(uri, 'markdown', 0, text.slice(0, (frontmatter?.span.end ?? 0) + 1));
  return summarize({ uri, frontmatter, rules: [], crossAgentReferences: [], ruleReferences: [], agentToolReferences: agentToolReferences(frontmatter?.fields ?? []), textDocument: head });
}
