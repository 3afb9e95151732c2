// Skills built into Claude Code that an agent's `skills:` can preload (from the
// catalog: every built-in command name was tried in `skills:`; these loaded, and
// commands such as `clear` or `compact` were "not found"). Aliases find them too.
import { CATALOG, lookup } from '../catalog/catalog';

export interface BuiltinSkill {
  description: string;
  aliases?: readonly string[];
}

export const BUILTIN_SKILLS: Readonly<Record<string, BuiltinSkill>> = CATALOG.builtinSkills;

/** The built-in skill `name` means (by name or alias), with its canonical name. */
export function builtinSkill(name: string): (BuiltinSkill & { name: string }) | undefined {
  const own = lookup(BUILTIN_SKILLS, name);
  if (own) return { name, ...own };
  const entry = Object.entries(BUILTIN_SKILLS).find(([, skill]) => skill.aliases?.includes(name));
  return entry ? { name: entry[0], ...entry[1] } : undefined;
}
