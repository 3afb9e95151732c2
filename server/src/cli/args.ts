// Command-line arguments of `agentry`, parsed with Node's own util.parseArgs.
import { parseArgs } from 'node:util';
import { UsageError } from '../workspace/usageError';

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

interface CheckArgs {
  /** `explain` takes the same paths and reads them the same way, and prints the effective agents. */
  command: 'check' | 'explain';
  paths: string[];
  format: Format;
  fix: boolean;
  cache: boolean;
  cacheLocation?: string;
  /** Exit 1 when there are more warnings than this (as eslint); undefined: no limit. */
  maxWarnings?: number;
  /** Report errors only. */
  quiet: boolean;
  /** Lint the text read from standard input as if it were this file. */
  stdinFilename?: string;
  /** Count the agents of ~/.claude/agents when names are resolved (default true). */
  userAgents: boolean;
}

export type CliArgs = CheckArgs | { command: 'help' | 'version' | 'init' } | { command: 'print-config'; file: string };

export const USAGE = `Usage: agentry check [paths...] [options]
       agentry check --stdin --stdin-filename <path> [options]
       agentry explain <files...> [--format text|json]
       agentry init
       agentry --print-config <file>

Lints Claude Code agent files. A file named is always checked; a folder means
every .md under a .claude/agents/ folder in it and every other .md whose
frontmatter sets name: or description: (node_modules and .git are skipped).

Commands:
  check                   lint the paths given (default: the current folder)
  explain                 print what Claude Code will do with each file: whether it loads
                          and runs the agent, the name, description, model and tools it
                          gets, and what it ignores (exit 1 when one is dropped or refused)
  init                    write .agentry.json, with its $schema, in the current folder

Options:
  -f, --format <f>        text (default), json, sarif or github (workflow annotations)
  --fix                   apply the safe fixes and write the files
  --quiet                 report errors only
  --max-warnings <n>      exit 1 when there are more than n warnings
  --stdin                 lint the text on standard input ...
  --stdin-filename <path> ... as the file at this path (required with --stdin)
  --cache                 reuse the results of unchanged files from the last run;
                          a change re-checks the files whose results it can change
  --cache-location <path> the cache file, or a folder for it (default .agentry-cache)
  --print-config <file>   print the configuration that applies to a file, as JSON
  --no-user-agents        do not count the agents of ~/.claude/agents when resolving names
  -h, --help              show this help
  -v, --version           show the version

With --fix, the cache is written (for the next run) but not read. A fixed file is
replaced through a temporary file and a rename, and only if it still holds what was
read (a file edited during the run is left as it is); a file with other hard links
is not fixed, since the others would keep the old text.
--max-warnings counts warnings that --quiet leaves out, as eslint does.
AGENTRY_THREADS=<n> sets the threads that parse (default: one per core).

Exit status: 0 no errors, 1 errors found (or more warnings than --max-warnings),
2 usage or I/O problem.
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
        quiet: { type: 'boolean', default: false },
        'max-warnings': { type: 'string' },
        stdin: { type: 'boolean', default: false },
        'stdin-filename': { type: 'string' },
        cache: { type: 'boolean', default: false },
        'cache-location': { type: 'string' },
        'print-config': { type: 'string' },
        'no-user-agents': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  if (values['print-config'] !== undefined) return { command: 'print-config', file: values['print-config'] };
  const [command, ...paths] = positionals;
  if (command === 'init') {
    if (paths.length) throw new UsageError(`init takes no paths: ${paths.join(' ')}`);
    return { command };
  }
  if (command !== 'check' && command !== 'explain') throw new UsageError(command ? `unknown command: ${command}` : 'missing command');
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format: ${format}`);
  if (command === 'explain' && ((format !== 'text' && format !== 'json') || paths.length === 0 || values.fix || values.cache || values.stdin)) {
    throw new UsageError('explain takes one or more files and --format text or json');
  }
  const stdinFilename = stdinArgs(values.stdin, values['stdin-filename'], paths, values.fix, values.cache);
  return {
    command,
    paths,
    format,
    fix: values.fix,
    cache: values.cache,
    cacheLocation: values['cache-location'],
    maxWarnings: maxWarnings(values['max-warnings']),
    quiet: values.quiet,
    stdinFilename,
    userAgents: !values['no-user-agents'],
  };
}

function maxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings takes a whole number of warnings, not ${JSON.stringify(value)}`);
  return Number(value);
}

/** The file standard input stands for; the combinations that have no meaning are usage errors. */
function stdinArgs(stdin: boolean, filename: string | undefined, paths: string[], fix: boolean, cache: boolean): string | undefined {
  if (!stdin) {
    if (filename !== undefined) throw new UsageError('--stdin-filename is for --stdin');
    return undefined;
  }
  if (filename === undefined) throw new UsageError('--stdin needs --stdin-filename <path>: the path picks the configuration and the agent name');
  if (paths.length) throw new UsageError(`--stdin lints standard input, not paths: ${paths.join(' ')}`);
  if (fix) throw new UsageError('--fix writes files; it cannot be used with --stdin');
  if (cache) throw new UsageError('--cache is for files on disk; it cannot be used with --stdin');
  return filename;
}
