// Writes a file through a temporary file and a rename, so a crash never leaves
// a half-written agent file.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

export async function writeFileAtomic(file: string, text: string): Promise<void> {
  // Through a symlink to its target: a rename over the link would replace it with a plain file.
  const target = await fs.realpath(file).catch(() => file);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.agentry-tmp`);
  const mode = (await fs.stat(target).catch(() => undefined))?.mode;
  try {
    await fs.writeFile(temp, text, { encoding: 'utf8', mode });
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}
