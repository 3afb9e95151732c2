// Writes a file through a temporary file and a rename, so a crash never leaves
// a half-written agent file.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.agentry-tmp`);
  const mode = (await fs.stat(file).catch(() => undefined))?.mode;
  try {
    await fs.writeFile(temp, text, { encoding: 'utf8', mode });
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}
