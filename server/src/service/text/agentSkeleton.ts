// The text of a new agent file (the New Agent command, the "Create agent" quick fix). One
// source: the "Agent file" snippet in snippets/agentry.json, with its tab stops resolved to
// their defaults and the name (and a description, when given) filled in. Pure: no vscode import.
import snippets from '../../../../snippets/agentry.json';
import { NAME_PATTERN } from '../schema/agentName';
import { yamlScalar } from '../schema/yamlScalar';
import { resolveSnippet } from './snippetSyntax';

export const AGENT_SNIPPET = 'Agent file';

/** Tab stops of the "Agent file" snippet that the New Agent command fills in. */
const NAME_STOP = 1;
const DESCRIPTION_STOP = 2;

export { yamlScalar };

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

/** The full text of a new agent file; without a description, the snippet's. */
export function agentSkeleton(name: string, description?: string): string {
  const tabstops: Record<number, string> = { [NAME_STOP]: name };
  if (description !== undefined) tabstops[DESCRIPTION_STOP] = yamlScalar(description.trim());
  return resolveSnippet(snippetBody(AGENT_SNIPPET), { variables: { TM_FILENAME_BASE: name }, tabstops });
}
