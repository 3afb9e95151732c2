// A new agent file, from one source: the "Agent file" snippet in snippets/agentry.json. The
// New Agent command inserts it as a snippet (tab stops for the name, description, tools…);
// the "Create agent" quick fix writes it as plain text, every tab stop at its default and the
// name filled in. Pure: no vscode import.
import snippets from '../../../../snippets/agentry.json';
import { NAME_PATTERN } from '../schema/agentName';
import { resolveSnippet } from './snippetSyntax';

export const AGENT_SNIPPET = 'Agent file';

/** The tab stop of the name, whose default is the file's name (TM_FILENAME_BASE). */
const NAME_STOP = 1;

/** An error message for an invalid agent name, or undefined when it is valid. */
export function agentNameProblem(name: string): string | undefined {
  if (!name) return 'Enter a name, for example code-reviewer.';
  if (NAME_PATTERN.test(name)) return undefined;
  if (/[A-Z]/.test(name)) return 'Use lowercase letters only.';
  if (/^-|-$|--/.test(name)) return 'Hyphens go between words: no leading, trailing or double hyphens.';
  return 'Use lowercase letters, digits and hyphens only.';
}

/** The snippet body as one string. */
export function snippetBody(key: string): string {
  const snippet = (snippets as Record<string, { body: string | string[] }>)[key];
  if (!snippet) throw new Error(`no snippet "${key}" in snippets/agentry.json`);
  return Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body;
}

/** A new agent file as a snippet (VS Code's syntax), for an editor on the file `<name>.md`. */
export function agentSkeletonSnippet(): string {
  return snippetBody(AGENT_SNIPPET);
}

/** The plain text of a new agent file `<name>.md`: the snippet with every tab stop at its default. */
export function agentSkeleton(name: string): string {
  return resolveSnippet(agentSkeletonSnippet(), { variables: { TM_FILENAME_BASE: name }, tabstops: { [NAME_STOP]: name } });
}
