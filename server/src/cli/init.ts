// `agentry init`: a starting `.agentry.json` whose `$schema` lets JSON editors complete and check it.
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE, CONFIG_SCHEMA_URL } from '../service/config/configFile';
import { UsageError } from '../workspace/usageError';

export const INITIAL_CONFIG = { $schema: CONFIG_SCHEMA_URL, severity: {}, ignore: [] };

/** Writes the file in `folder`, never over an existing one; returns its path. */
export function writeInitialConfig(folder: string): string {
  const file = path.join(folder, CONFIG_FILE);
  try {
    writeFileSync(file, JSON.stringify(INITIAL_CONFIG, null, 2) + '\n', { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`${CONFIG_FILE} already exists; it was left as it is`);
    throw error;
  }
  return file;
}
