// Reads skill files into a skill index: the host side of skills (the core never
// touches the disk).
import { pathToFileURL } from 'node:url';
import { summarizeSkill, type SkillIndex, type SkillSummary } from '../service/skills/skillIndex';
import { isUserSkill, readIfPresent, skillFilesFor, userHome } from './skillSources';

/** The summary of a skill file, or undefined when it cannot be read. */
export function readSkill(file: string, home = userHome()): SkillSummary | undefined {
  const text = readIfPresent(file);
  return text === undefined ? undefined : summarizeSkill(pathToFileURL(file).href, text, isUserSkill(file, home));
}

/** Fills `index` with the skills of `folders`, the folders above them and the user, and `known` skill files found otherwise. */
export function loadSkills(index: SkillIndex, folders: Iterable<string>, known: Iterable<string> = [], home = userHome()): void {
  for (const file of skillFilesFor(folders, known, home)) {
    const skill = readSkill(file, home);
    if (skill) index.upsert(skill);
  }
}
