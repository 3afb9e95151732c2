// `agentry check`: the command-line linter on the same core as the server. This entry
// is light: with --cache and nothing changed it prints from the cache, and the linter
// (dist/cli-lint.js, the parsers and the schema) is loaded only when there is linting to do.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import * as path from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { parseCliArgs, USAGE, type CliArgs } from './cli/args';
import { cachedResults, cacheFileFor, readCache, writeCache, type CacheData } from './cli/cache';
import { formatGithub } from './cli/formatGithub';
import { formatExplain } from './cli/formatExplain';
import { formatJson } from './cli/formatJson';
import type { EffectiveAgent } from './service/claude/effectiveAgent';
import { formatSarif } from './cli/formatSarif';
import { formatText } from './cli/formatText';
import { writeInitialConfig } from './cli/init';
import type * as Linter from './cli/lint';
import { configStart } from './workspace/collectFiles';
import type { FileResult } from './cli/fileResult';
import { projectKey, readProjectSources } from './workspace/projectSources';
import { userHomeKey } from './workspace/userClaudeHome';
import { isUsageError } from './workspace/usageError';
import { version } from '../../package.json';
import { requireWithCodeCache } from './workspace/codeCache';

/** Built next to this file (esbuild.mjs); also the script of the worker threads. */
const LINTER = path.join(__dirname, 'cli-lint.js');

async function main(argv: string[]): Promise<number> {
  const args = parseCliArgs(argv);
  const cwd = process.cwd();
  switch (args.command) {
    case 'help':
      process.stdout.write(USAGE);
      return 0;
    case 'version':
      process.stdout.write(`${version}\n`);
      return 0;
    case 'init':
      process.stdout.write(`wrote ${path.relative(cwd, writeInitialConfig(cwd))}\n`);
      return 0;
    case 'print-config':
      process.stdout.write(await linter().printConfig(args.file, cwd));
      return 0;
    case 'check':
    case 'explain':
      return check(args, cwd);
  }
}

type CheckArgs = Extract<CliArgs, { command: 'check' | 'explain' }>;

async function check(args: CheckArgs, cwd: string): Promise<number> {
  const cacheFile = args.cache ? cacheFileFor(args.cacheLocation, cwd) : undefined;
  const previous = cacheFile && !args.fix ? readCache(cacheFile) : undefined;
  let results: FileResult[] | undefined;
  let agents: EffectiveAgent[] | undefined;
  const wantAgents = args.command === 'explain' || args.format === 'json';
  if (previous && args.stdinFilename === undefined) {
    const sources = readProjectSources(configStart(args.paths, cwd));
    const key = projectKey(sources, version) + userHomeKey(sources.root, args.userAgents);
    const hit = cachedResults(previous, key, args.paths, cwd, sources.ignore, wantAgents);
    if (hit?.refreshed) saveCache(cacheFile!, hit.refreshed);
    results = hit?.results;
    agents = hit?.agents;
    if (results) reportConfigProblems(previous.configProblems ?? []);
  }
  if (!results) {
    const stdin = args.stdinFilename === undefined ? undefined : { file: path.resolve(cwd, args.stdinFilename), text: readFileSync(0, 'utf8') };
    const paths = stdin ? [stdin.file] : args.paths;
    const run = await linter().lintProject(paths, {
      cwd,
      fix: args.fix,
      stdin,
      cache: cacheFile ? { previous } : undefined,
      threads: { count: threadCount(), script: LINTER },
      userAgents: args.userAgents,
      agents: wantAgents,
    });
    if (cacheFile && run.cache) saveCache(cacheFile, run.cache);
    reportConfigProblems(run.configProblems);
    results = run.results;
    agents = run.agents;
  }
  if (args.command === 'explain') {
    if (args.format === 'json') process.stdout.write(JSON.stringify({ agents: agents!.map((a, i) => ({ file: results![i].file, ...a })) }, null, 2) + '\n');
    else
      process.stdout.write(
        formatExplain(
          results.map((r) => r.file),
          agents!,
          cwd,
        ),
      );
    return agents!.every((a) => a.loads && a.runs) ? 0 : 1;
  }
  const count = (severity: DiagnosticSeverity) => results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === severity).length, 0);
  const errors = count(DiagnosticSeverity.Error);
  const warnings = count(DiagnosticSeverity.Warning);
  const shown = args.quiet ? results.map((r) => ({ ...r, diagnostics: r.diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error) })) : results;
  process.stdout.write(format(args.format, shown, cwd, agents));
  for (const r of results) if (r.notFixed) process.stderr.write(`agentry: ${path.relative(cwd, r.file) || r.file}: not fixed: ${r.notFixed}\n`);
  const tooManyWarnings = args.maxWarnings !== undefined && warnings > args.maxWarnings;
  if (tooManyWarnings) process.stderr.write(`agentry: ${warnings} warnings, more than --max-warnings ${args.maxWarnings}\n`);
  return errors > 0 || tooManyWarnings ? 1 : 0;
}

/** The config entries left out, on stderr: the run goes on with the rest of the config. */
function reportConfigProblems(problems: string[]): void {
  for (const problem of problems) process.stderr.write(`agentry: warning: ${problem}\n`);
}

function format(name: CheckArgs['format'], results: FileResult[], cwd: string, agents?: EffectiveAgent[]): string {
  switch (name) {
    case 'json':
      return formatJson(results, agents);
    case 'sarif':
      return formatSarif(results, cwd, version);
    case 'github':
      return formatGithub(results, cwd);
    case 'text':
      return formatText(results, cwd);
  }
}

/**
 * V8 optimizes a function once it has run through this much bytecode (its default is 66 KB).
 * A lint run is short: at the default, V8 spends more compiling functions that have just
 * turned hot than it wins from running them optimized (bench/README.md). Set before the
 * linter loads, so its code cache is made and read under the same flags.
 */
const INTERRUPT_BUDGET = 264 * 1024;

function linter(): typeof Linter {
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
  return requireWithCodeCache(LINTER) as typeof Linter;
}

/** A cache that cannot be written costs the next run time, not this run its results. */
function saveCache(file: string, data: CacheData): void {
  try {
    writeCache(file, data);
  } catch (error) {
    process.stderr.write(`agentry: cache not written: ${(error as Error).message}\n`);
  }
}

function threadCount(): number {
  const wanted = Number(process.env.AGENTRY_THREADS);
  return Number.isInteger(wanted) && wanted > 0 ? wanted : availableParallelism();
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const usage = isUsageError(error);
    const detail = error as NodeJS.ErrnoException;
    process.stderr.write(`agentry: ${usage || detail.code ? detail.message : String(detail.stack ?? error)}\n`);
    if (usage) process.stderr.write('Run `agentry --help` for usage.\n');
    process.exitCode = 2;
  },
);
