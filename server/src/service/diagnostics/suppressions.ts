// Inline suppression: `<!-- agentry-disable-next-line CODE ... -->` in the body or
// `# agentry-disable-next-line CODE ...` in the frontmatter silences the named
// codes (all codes when none is named) on the following line.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { AgentDocument } from '../types';

export const DISABLE_NEXT_LINE = 'agentry-disable-next-line';

const DIRECTIVE = /(?:<!--|#)\s*agentry-disable-next-line\b([^\r\n]*?)(?:-->|$)/gm;

/** The comment that silences `codes` on the next line: a YAML comment in the frontmatter, an HTML comment in the body. */
export function disableComment(place: 'frontmatter' | 'body', codes: readonly string[]): string {
  return place === 'frontmatter' ? `# ${DISABLE_NEXT_LINE} ${codes.join(' ')}` : `<!-- ${DISABLE_NEXT_LINE} ${codes.join(' ')} -->`;
}

/** A directive on one line: where its code list ends (to add a code there) and the codes it names (none: all). */
export function directiveOnLine(line: string): { codes: string[]; codesEnd: number } | undefined {
  DIRECTIVE.lastIndex = 0;
  const m = DIRECTIVE.exec(line);
  if (!m) return undefined;
  const codesStart = m.index + m[0].length - m[1].length - (m[0].endsWith('-->') ? 3 : 0);
  return { codes: codesOf(m[1]), codesEnd: codesStart + m[1].trimEnd().length };
}

function codesOf(list: string): string[] {
  return list.split(/[\s,]+/).filter(Boolean);
}

export function applySuppressions<T extends Diagnostic>(doc: AgentDocument, diagnostics: T[]): T[] {
  if (!doc.text.includes(DISABLE_NEXT_LINE)) return diagnostics;
  const silenced = new Map<number, Set<string> | 'all'>();
  DIRECTIVE.lastIndex = 0;
  for (let m = DIRECTIVE.exec(doc.text); m; m = DIRECTIVE.exec(doc.text)) {
    const line = doc.textDocument.positionAt(m.index).line + 1;
    const codes = codesOf(m[1]);
    silenced.set(line, codes.length ? new Set(codes) : 'all');
  }
  return diagnostics.filter((d) => {
    const entry = silenced.get(d.range.start.line);
    return !entry || (entry !== 'all' && !entry.has(String(d.code)));
  });
}
