// Agent names made from text: a slug of lowercase letters, digits and hyphens,
// the name a file's agent gets from its file name, and that name as YAML text.
import { stemOf } from '../workspace/workspaceIndex';
import { yamlScalar } from './yamlScalar';

/** What Claude Code accepts as an agent name (and a file name for it): lowercase words joined by single hyphens. */
export const NAME_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function slugify(value: string): string {
  return (
    value
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'agent'
  );
}

/** The agent name the file name suggests: `Code Reviewer.md` → `code-reviewer`. */
export function nameFromFile(uri: string): string {
  return slugify(stemOf(uri));
}

/** {@link nameFromFile} as a YAML value: quoted where YAML would not read it as that string (`2024.md` → `"2024"`). */
export function nameFromFileYaml(uri: string): string {
  return yamlScalar(nameFromFile(uri));
}
