// Where the skill files an agent can name are: `.claude/skills/<name>/SKILL.md` of its
// folder and of each folder above it, and of the user's home (`~/.claude/skills`).
// File system only, no parser: the CLI's cache checks them before it loads the linter.
import { readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import * as path from 'node:path';

/** The folder whose `.claude/skills` holds the user's own skills. */
export function userHome(): string {
  return homedir();
}

/** The user's skill folder, `~/.claude/skills`. */
export function userSkillsFolder(home = userHome()): string {
  return path.join(home, '.claude', 'skills');
}

export function isUserSkill(file: string, home = userHome()): boolean {
  return path.dirname(path.dirname(file)) === userSkillsFolder(home);
}

/** `<dir>/.claude/skills/<name>/SKILL.md` for each folder there (the file may be missing). */
function skillFilesIn(dir: string): string[] {
  const root = path.join(dir, '.claude', 'skills');
  try {
    return readdirSync(root, { withFileTypes: true })
      .filter((e) => e.isDirectory() || e.isSymbolicLink())
      .map((e) => path.join(root, e.name, 'SKILL.md'));
  } catch {
    return [];
  }
}

/** The skill files of `folders`, of every folder above them (the home folder aside) and of the user, with `known` ones found otherwise; sorted. */
export function skillFilesFor(folders: Iterable<string>, known: Iterable<string> = [], home = userHome()): string[] {
  const files = new Set(known);
  const seen = new Set<string>();
  for (const folder of folders) {
    for (let at = path.resolve(folder); !seen.has(at); at = path.dirname(at)) {
      seen.add(at);
      if (at !== home) for (const file of skillFilesIn(at)) files.add(file);
      if (path.dirname(at) === at) break;
    }
  }
  for (const file of skillFilesIn(home)) files.add(file);
  return [...files].sort();
}

export function readIfPresent(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The skill files the agents in `files` can use, with their texts, as one string: equal keys, equal skills. */
export function skillsKey(files: readonly string[], home = userHome()): string {
  const skillFiles = skillFilesFor(new Set(files.map((file) => path.dirname(file))), [], home);
  return JSON.stringify(skillFiles.map((file) => [file, readIfPresent(file) ?? null]));
}
