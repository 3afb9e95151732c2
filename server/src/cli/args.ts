// Command-line arguments of `agentry`.
import { parseArgs } from 'node:util';
import { UsageError } from '../node/usageError';

export type Format = 'text' | 'json' | 'sarif';

export interface CliArgs {
  command: 'check' | 'help' | 'version';
  paths: string[];
  format: Format;
  fix: boolean;
  cache: boolean;
  cacheLocation?: string;
}

export const USAGE = `Usage: agentry check [paths...] [--format text|json|sarif] [--fix] [--cache [--cache-location <path>]]

Lints Claude Code agent files. A folder means every .md under it that starts
with frontmatter (node_modules and .git are skipped).

Options:
  --format <f>            text (default), json or sarif
  --fix                   apply the safe fixes and write the files
  --cache                 reuse the results of unchanged files from the last run;
                          a change re-checks the files whose results it can change
  --cache-location <path> the cache file, or a folder for it (default .agentry-cache)
  -h, --help              show this help
  -v, --version           show the version

With --fix, the cache is written (for the next run) but not read. A fixed file is
replaced through a temporary file and a rename, and only if it still holds what was
read (a file edited during the run is left as it is); a file with other hard links
is not fixed, since the others would keep the old text.
AGENTRY_THREADS=<n> sets the threads that parse (default: one per core).

Exit status: 0 no errors, 1 errors found, 2 usage or I/O problem.
`;

export function parseCliArgs(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f', default: 'text' },
        fix: { type: 'boolean', default: false },
        cache: { type: 'boolean', default: false },
        'cache-location': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help', paths: [], format: 'text', fix: false, cache: false };
  if (values.version) return { command: 'version', paths: [], format: 'text', fix: false, cache: false };
  const [command, ...paths] = positionals;
  if (command !== 'check') throw new UsageError(command ? `unknown command: ${command}` : 'missing command');
  const format = values.format as string;
  if (format !== 'text' && format !== 'json' && format !== 'sarif') throw new UsageError(`unknown format: ${format}`);
  const cacheLocation = values['cache-location'] as string | undefined;
  return { command, paths, format, fix: Boolean(values.fix), cache: Boolean(values.cache), cacheLocation };
}
