// Which files a `check` run lints: the files named, always, and the agent files of
// the folders named.
import { statSync, type Stats } from 'node:fs';
import * as path from 'node:path';
import { findAgentFilesSync, walkedFileIsAgent } from './findAgentFiles';
import { UsageError } from './usageError';

/** Config is looked up from the first path given (its folder for a file), as eslint does. */
export function configStart(paths: string[], cwd: string): string {
  const first = path.resolve(cwd, paths[0] ?? '.');
  return isDirectory(first) ? first : path.dirname(first);
}

/** Files in the order given, each once; `isAgent` as for findAgentFilesSync. */
export function collectFiles(paths: string[], cwd: string, ignore: string[], isAgent: (file: string) => boolean = walkedFileIsAgent): string[] {
  const files = new Set<string>();
  for (const p of paths.length ? paths : ['.']) {
    const full = path.resolve(cwd, p);
    const stat = statOrUndefined(full);
    if (!stat) throw new UsageError(`no such file or directory: ${p}`);
    if (stat.isDirectory()) for (const f of findAgentFilesSync(full, ignore, isAgent)) files.add(f);
    else files.add(full);
  }
  return [...files];
}

function isDirectory(file: string): boolean {
  return statOrUndefined(file)?.isDirectory() ?? false;
}

function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}
