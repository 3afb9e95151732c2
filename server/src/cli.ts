// `agentry check`: the command-line linter on the same core as the server. This entry
// is light: with --cache and nothing changed it prints from the cache, and the linter
// (dist/cli-lint.js, the parsers and the schema) is loaded only when there is linting to do.
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { parseCliArgs, USAGE } from './cli/args';
import { cachedResults, cacheFileFor, readCache, writeCache, type CacheData } from './cli/cache';
import { formatExplain } from './cli/formatExplain';
import { formatJson } from './cli/formatJson';
import type { EffectiveAgent } from './service/claude/effectiveAgent';
import { formatSarif } from './cli/formatSarif';
import { formatText } from './cli/formatText';
import type * as Linter from './cli/lint';
import { configStart } from './node/collectFiles';
import type { FileResult } from './node/lintProject';
import { projectKey, readProjectSources } from './node/projectSources';
import { isUsageError } from './node/usageError';
import { version } from '../../package.json';

/** Built next to this file (esbuild.mjs); also the script of the worker threads. */
const LINTER = path.join(__dirname, 'cli-lint.js');

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
  const cacheFile = args.cache ? cacheFileFor(args.cacheLocation, cwd) : undefined;
  const previous = cacheFile && !args.fix ? readCache(cacheFile) : undefined;
  let results: FileResult[] | undefined;
  let agents: EffectiveAgent[] | undefined;
  const wantAgents = args.command === 'explain' || args.format === 'json';
  if (previous && !wantAgents) {
    const sources = readProjectSources(configStart(args.paths, cwd));
    const hit = cachedResults(previous, projectKey(sources, version), args.paths, cwd, sources.ignore);
    if (hit?.refreshed) saveCache(cacheFile!, hit.refreshed);
    results = hit?.results;
  }
  if (!results) {
    const { lintProject } = require(LINTER) as typeof Linter;
    const run = await lintProject(args.paths, {
      cwd,
      fix: args.fix,
      cache: cacheFile ? { previous } : undefined,
      threads: { count: threadCount(), script: LINTER },
      userAgents: args.userAgents,
      agents: wantAgents,
    });
    if (cacheFile && run.cache) saveCache(cacheFile, run.cache);
    results = run.results;
    agents = run.agents;
  }
  if (args.command === 'explain') {
    if (args.format === 'json') process.stdout.write(JSON.stringify({ agents: agents!.map((a, i) => ({ file: results![i].file, ...a })) }, null, 2) + '\n');
    else process.stdout.write(formatExplain(results.map((r) => r.file), agents!, cwd));
    return agents!.every((a) => a.loads && a.runs) ? 0 : 1;
  }
  const output =
    args.format === 'json' ? formatJson(results, agents) : args.format === 'sarif' ? formatSarif(results, cwd, version) : formatText(results, cwd);
  process.stdout.write(output);
  for (const r of results) if (r.notFixed) process.stderr.write(`agentry: ${path.relative(cwd, r.file) || r.file}: not fixed: ${r.notFixed}\n`);
  return results.some((r) => r.diagnostics.some((d) => d.severity === DiagnosticSeverity.Error)) ? 1 : 0;
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
