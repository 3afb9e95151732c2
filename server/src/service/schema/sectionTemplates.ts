// Plain-text bodies of the sections the "insert missing section" fix adds: the
// snippets of snippets/agentry.json named after the section, with their tab
// stops resolved to their defaults (one source for the editor and the fix).
import snippets from '../../../../snippets/agentry.json';
import { resolveSnippet } from '../text/snippetSyntax';

const SNIPPETS = snippets as Record<string, { body: string | string[] }>;

function snippetText(name: string): string | undefined {
  const snippet = Object.hasOwn(SNIPPETS, name) ? SNIPPETS[name] : undefined;
  if (!snippet) return undefined;
  const body = Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body;
  return resolveSnippet(body).trimEnd();
}

/** A section's text: its snippet where there is one, else its heading alone. */
export function sectionTemplate(section: string): string {
  return snippetText(section) ?? `### ${section}\n`;
}
