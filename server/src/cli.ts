// `agentry check`: the command-line linter on the same core as the server.
import * as path from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { parseCliArgs, USAGE } from './cli/args';
import { formatJson } from './cli/formatJson';
import { formatSarif } from './cli/formatSarif';
import { formatText } from './cli/formatText';
import { lintProject } from './node/lintProject';
import { UsageError } from './node/usageError';
import { version } from '../../package.json';

async function main(argv: string[]): Promise<number> {
  const args = parseCliArgs(argv);
  if (args.command === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (args.command === 'version') {
    process.stdout.write(`${version}\n`);
    return 0;
  }
  const cwd = process.cwd();
  const results = await lintProject(args.paths, { cwd, fix: args.fix });
  const output =
    args.format === 'json' ? formatJson(results) : args.format === 'sarif' ? formatSarif(results, cwd, version) : formatText(results, cwd);
  process.stdout.write(output);
  for (const r of results) if (r.notFixed) process.stderr.write(`agentry: ${path.relative(cwd, r.file) || r.file}: not fixed: ${r.notFixed}\n`);
  return results.some((r) => r.diagnostics.some((d) => d.severity === DiagnosticSeverity.Error)) ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const usage = error instanceof UsageError;
    const detail = error as NodeJS.ErrnoException;
    process.stderr.write(`agentry: ${usage || detail.code ? detail.message : String(detail.stack ?? error)}\n`);
    if (usage) process.stderr.write('Run `agentry --help` for usage.\n');
    process.exitCode = 2;
  },
);
