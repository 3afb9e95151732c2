// Reads skill files for a skill index: the host side of skills (the core never
// touches the disk).
import { summarizeSkill, type SkillSummary } from '../service/skills/skillIndex';
import { isUserSkill, readIfPresent, skillFilesFor, userHome } from './skillSources';
import { pathToUri } from './files';

/** The summary of a skill file, or undefined when it cannot be read. */
export function readSkill(file: string, home = userHome()): SkillSummary | undefined {
  const text = readIfPresent(file);
  return text === undefined ? undefined : summarizeSkill(pathToUri(file), text, isUserSkill(file, home));
}

/** The skills of `folders`, the folders above them and the user, and of `known` skill files found otherwise. */
export function loadSkills(folders: Iterable<string>, known: Iterable<string> = [], home = userHome()): SkillSummary[] {
  return skillFilesFor(folders, known, home)
    .map((file) => readSkill(file, home))
    .filter((skill): skill is SkillSummary => skill !== undefined);
}
