// Command-line arguments of `agentry`.
import { parseArgs } from 'node:util';
import { UsageError } from '../node/usageError';

export type Format = 'text' | 'json' | 'sarif';

export interface CliArgs {
  command: 'check' | 'explain' | 'help' | 'version';
  paths: string[];
  format: Format;
  fix: boolean;
  cache: boolean;
  cacheLocation?: string;
  /** Count the agents of ~/.claude/agents when names are resolved (default true). */
  userAgents: boolean;
}

export const USAGE = `Usage: agentry check [paths...] [--format text|json|sarif] [--fix] [--cache [--cache-location <path>]]
       agentry explain <files...> [--format text|json]

check    lints Claude Code agent files. A folder means every .md under it that starts
         with frontmatter (node_modules and .git are skipped).
explain  prints what Claude Code will do with each file: whether it loads and runs the
         agent, and the name, description, model and tools it gets, and what it ignores.

Options:
  --format <f>            text (default), json or sarif
  --fix                   apply the safe fixes and write the files
  --cache                 reuse the results of unchanged files from the last run;
                          a change re-checks the files whose results it can change
  --cache-location <path> the cache file, or a folder for it (default .agentry-cache)
  --no-user-agents        do not count the agents of ~/.claude/agents when resolving names
  -h, --help              show this help
  -v, --version           show the version

With --fix, the cache is written (for the next run) but not read.
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
        'no-user-agents': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const userAgents = !values['no-user-agents'];
  if (values.help) return { command: 'help', paths: [], format: 'text', fix: false, cache: false, userAgents };
  if (values.version) return { command: 'version', paths: [], format: 'text', fix: false, cache: false, userAgents };
  const [command, ...paths] = positionals;
  if (command !== 'check' && command !== 'explain') throw new UsageError(command ? `unknown command: ${command}` : 'missing command');
  const format = values.format as string;
  if (format !== 'text' && format !== 'json' && format !== 'sarif') throw new UsageError(`unknown format: ${format}`);
  if (command === 'explain' && (format === 'sarif' || paths.length === 0 || values.fix || values.cache)) {
    throw new UsageError('explain takes one or more files and --format text or json');
  }
  const cacheLocation = values['cache-location'] as string | undefined;
  return { command, paths, format, fix: Boolean(values.fix), cache: Boolean(values.cache), cacheLocation, userAgents };
}
