// Inline suppression: `<!-- agentry-disable-next-line CODE ... -->` in the body or
// `# agentry-disable-next-line CODE ...` in the frontmatter silences the named
// codes (all codes when none is named) on the following line.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { AgentDocument } from '../types';

const DIRECTIVE = /(?:<!--|#)\s*agentry-disable-next-line\b([^\r\n]*?)(?:-->|$)/gm;

export function applySuppressions<T extends Diagnostic>(doc: AgentDocument, diagnostics: T[]): T[] {
  if (!doc.text.includes('agentry-disable-next-line')) return diagnostics;
  const silenced = new Map<number, Set<string> | 'all'>();
  DIRECTIVE.lastIndex = 0;
  for (let m = DIRECTIVE.exec(doc.text); m; m = DIRECTIVE.exec(doc.text)) {
    const line = doc.textDocument.positionAt(m.index).line + 1;
    const codes = m[1].split(/[\s,]+/).filter(Boolean);
    silenced.set(line, codes.length ? new Set(codes) : 'all');
  }
  return diagnostics.filter((d) => {
    const entry = silenced.get(d.range.start.line);
    return !entry || (entry !== 'all' && !entry.has(String(d.code)));
  });
}
