// Command-line arguments of `agentry`.
import { parseArgs } from 'node:util';
import { UsageError } from '../node/usageError';

export type Format = 'text' | 'json' | 'sarif';

export interface CliArgs {
  command: 'check' | 'help' | 'version';
  paths: string[];
  format: Format;
  fix: boolean;
}

export const USAGE = `Usage: agentry check [paths...] [--format text|json|sarif] [--fix]

Lints Claude Code agent files. A folder means every .md under it that starts
with frontmatter (node_modules and .git are skipped).

Options:
  --format <f>  text (default), json or sarif
  --fix         apply the safe fixes and write the files
  -h, --help    show this help
  -v, --version show the version

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
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help', paths: [], format: 'text', fix: false };
  if (values.version) return { command: 'version', paths: [], format: 'text', fix: false };
  const [command, ...paths] = positionals;
  if (command !== 'check') throw new UsageError(command ? `unknown command: ${command}` : 'missing command');
  const format = values.format as string;
  if (format !== 'text' && format !== 'json' && format !== 'sarif') throw new UsageError(`unknown format: ${format}`);
  return { command, paths, format, fix: Boolean(values.fix) };
}
