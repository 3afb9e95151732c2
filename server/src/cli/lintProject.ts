// Lints a set of paths as one workspace: every file is indexed before any is
// validated, so cross-file checks (duplicate names, unknown agents) see them all.
// With the cache of an earlier run, an unchanged file keeps its summary and its
// diagnostics unless its cross-file inputs changed; with threads, files are parsed
// and validated on worker threads as well.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { version } from '../../../package.json';
import { CACHE_FORMAT, compact, expand, type CacheData, type FileRecord, type FileRecordCheck, type IndexEntries } from './cache';
import { checkFile } from '../workspace/fileStamp';
import { pathToUri } from '../workspace/files';
import { applyEdits, createAgentService, fixedHost, resolveSettings, type AgentDocument } from '../service';
import { crossFileKey } from '../service/diagnostics/workspaceChecks';
import { effectiveAgent, type EffectiveAgent } from '../service/claude/effectiveAgent';
import { summarize, type AgentSummary } from '../service/workspace/workspaceIndex';
import { loadSkills } from '../workspace/skillFiles';
import { skillsKey } from '../workspace/skillSources';
import { removeStaleTemporaries, replaceIfUnchanged } from '../workspace/atomicWrite';
import { collectFiles, configStart } from '../workspace/collectFiles';
import { walkedFileIsAgent } from '../workspace/findAgentFiles';
import { MIN_FILES_FOR_THREADS, parseOnThreads, stopThreads, validateOnWorkers, type ParsedFiles, type ThreadOptions } from './lintThreads';
import { mcpServersFromJson, parseProjectConfig } from '../workspace/projectConfig';
import { projectKey, readProjectSources } from '../workspace/projectSources';
import { UsageError } from '../workspace/usageError';
import { userAgentFiles, userHomeKey, userMcpServers } from '../workspace/userClaudeHome';
import type { FileResult } from './fileResult';

export interface LintOptions {
  cwd: string;
  fix?: boolean;
  /** Keep records for a cache, reusing those of `previous` (an earlier run's cache; not read with `fix`). */
  cache?: { previous?: CacheData };
  threads?: ThreadOptions;
  /** Lint this text as the file at `file` (which need not exist), and nothing else. */
  stdin?: { file: string; text: string };
  /** Count the user's own agents (~/.claude/agents) when names are resolved, as Claude Code does (default true). */
  userAgents?: boolean;
  /** Also tell, for each file, what Claude Code will do with it. */
  agents?: boolean;
}

export interface LintRun {
  results: FileResult[];
  /** With `cache`: this run's records, for the next run. */
  cache?: CacheData;
  /** With `agents`: what Claude Code will do with each file, in the order of `results`. */
  agents?: EffectiveAgent[];
  /** The entries of the config file left out, as `file: problem`. */
  configProblems: string[];
}

export async function lintProject(paths: string[], options: LintOptions): Promise<LintRun> {
  const startedAt = Date.now();
  const start = configStart(paths, options.cwd);
  const sources = readProjectSources(start);
  const project = parseProjectConfig(sources.config, start);
  const configName = project.configFile && (path.relative(options.cwd, project.configFile) || project.configFile);
  const configProblems = project.problems.map((problem) => `${configName}: ${problem}`);
  const settings = resolveSettings(project.config, {}, sources.mcpText === undefined ? undefined : mcpServersFromJson(sources.mcpText), userMcpServers(sources.root));
  const service = createAgentService(fixedHost(settings));
  const userSummaries = options.userAgents === false ? [] : userAgentSummaries(service, paths, options.cwd);
  // What the user's home adds changes results too: the cache is keyed on it.
  const key = projectKey(sources, version) + userHomeKey(sources.root, options.userAgents !== false);
  const caching = options.cache !== undefined;
  const previous = !options.fix && options.cache?.previous?.key === key ? options.cache.previous : undefined;
  let rules: { uri: string; text: string } | undefined;
  if (project.config.rulesDocument) {
    if (sources.rulesText === undefined) throw new UsageError(`rules document not found: ${sources.rulesFile}`);
    rules = { uri: pathToUri(sources.rulesFile!), text: sources.rulesText };
    service.setRulesDocument(service.parse(rules.uri, 0, rules.text));
  }

  // Which files, and which of them are unchanged since the cached run.
  const checks = new Map<string, FileRecordCheck>();
  const check = (file: string) => {
    let found = checks.get(file);
    if (!found) checks.set(file, (found = caching ? checkFile(file, previous?.records[file], previous?.startedAt ?? 0) : {}));
    return found;
  };
  const records: Record<string, FileRecord> = {};
  const files = options.stdin
    ? [options.stdin.file]
    : collectFiles(paths, options.cwd, project.config.ignore ?? [], (file) => {
        const { same, stat, hash, bytes } = check(file);
        const agent = same ? same.agent : walkedFileIsAgent(file, bytes);
        if (!agent && stat) records[file] = { stat, hash: hash ?? same?.hash ?? '', agent };
        return agent;
      });
  // The skills of each file's project and the folders above it, and the user's.
  // Keyed before reading: a skill changed during the run makes the next run lint again.
  const skillsRead = caching ? skillsKey(files) : '';
  const skills = loadSkills(new Set(files.map((file) => path.dirname(file))));
  service.setSkills(skills);
  const previousIndex: IndexEntries = previous ? JSON.parse(previous.index) : {};
  const reused = new Map<string, { summary: AgentSummary; crossKey: string; diagnostics: Diagnostic[] }>();
  for (const file of files) {
    const { same } = check(file);
    const entry = previousIndex[file];
    if (same?.diagnostics && entry) reused.set(file, { summary: entry[0], crossKey: entry[1], diagnostics: same.diagnostics.map(expand) });
  }

  // Parse what changed (on threads when there is enough), then index every file in order.
  /** Each parsed file with the bytes it was read as: --fix replaces only a file that still holds them. */
  const docs = new Map<string, { doc: AgentDocument; bytes: Buffer }>();
  const parseHere = (file: string): AgentSummary => {
    const bytes = options.stdin && file === options.stdin.file ? Buffer.from(options.stdin.text, 'utf8') : (check(file).bytes ?? readFileSync(file));
    const doc = service.parse(pathToUri(file), 0, bytes.toString('utf8'));
    docs.set(file, { doc, bytes });
    return summarize(doc);
  };
  const toParse = files.filter((f) => !reused.has(f));
  const threads = options.threads && !options.fix && toParse.length >= MIN_FILES_FOR_THREADS ? options.threads : undefined;
  let parsed: ParsedFiles = { summaries: new Map(), holder: new Map(), workers: [] };
  try {
    if (threads) parsed = await parseOnThreads(toParse, parseHere, threads);
    else for (const file of toParse) parsed.summaries.set(file, parseHere(file));
    const summaries = files.map((file) => reused.get(file)?.summary ?? parsed.summaries.get(file)!);
    for (const summary of [...userSummaries, ...summaries]) service.index.upsert(summary);

    // Validate what changed, and the unchanged files whose cross-file inputs changed. A key is
    // taken when its file is validated: --fix changes the index as it goes.
    const crossKeys = new Map(files.map((file, i) => [file, crossFileKey(summaries[i], service.workspace)]));
    const stale = (file: string) => !reused.has(file) || reused.get(file)!.crossKey !== crossKeys.get(file);
    // Temporary files of a --fix run that was killed are removed before this one writes.
    if (options.fix) for (const dir of new Set(files.map((f) => path.dirname(f)))) removeStaleTemporaries(dir);
    const onWorkers = threads ? await validateOnWorkers(parsed, files.filter(stale), [...userSummaries, ...summaries], settings, rules, skills) : new Map<string, Diagnostic[]>();
    const results: FileResult[] = [];
    for (const [i, file] of files.entries()) {
      let diagnostics = reused.get(file)?.diagnostics;
      let fixed = false;
      let notFixed: string | undefined;
      if (stale(file)) diagnostics = onWorkers.get(file);
      if (!diagnostics) {
        if (!docs.has(file)) parseHere(file);
        const here = docs.get(file)!;
        let current = here.doc;
        crossKeys.set(file, crossFileKey(summaries[i], service.workspace));
        diagnostics = service.validate(current);
        if (options.fix) {
          const edits = service.fixAll(current, diagnostics);
          // Invalid UTF-8 decodes to U+FFFD: writing the text back would change bytes no fix touches.
          if (edits.length && !Buffer.from(current.text, 'utf8').equals(here.bytes)) notFixed = 'the file is not valid UTF-8, and rewriting it would change bytes no fix touches';
          else if (edits.length) {
            const text = applyEdits(current.text, edits);
            const replaced = replaceIfUnchanged(file, text, here.bytes);
            if (!replaced.written) notFixed = replaced.reason === 'changed' ? 'changed during the run (an edit is never overwritten)' : `it has ${replaced.links} hard links, and replacing it would leave the others the old text`;
            else {
              checks.set(file, {});
              current = service.parse(current.uri, current.version + 1, text);
              service.indexDocument(current);
              summaries[i] = service.index.get(current.uri)!;
              crossKeys.set(file, crossFileKey(summaries[i], service.workspace));
              diagnostics = service.validate(current);
              fixed = true;
            }
          }
        }
      }
      results.push({ file, uri: pathToUri(file), diagnostics, fixed, notFixed });
    }
    // A file a fix rewrote (or one a worker parsed) is read again, so the record tells what Claude Code will do with the file as it is now.
    const textNow = (file: string) => (options.stdin?.file === file ? options.stdin.text : readFileSync(file, 'utf8'));
    const modelNow = (r: FileResult) => (!r.fixed && docs.get(r.file)?.doc) || service.parse(r.uri, 0, textNow(r.file));
    // An unchanged file's effective agent is the cached one: it depends on its text and the run's key only.
    const cachedAgent = (r: FileResult) => (r.fixed ? undefined : checks.get(r.file)?.same?.effective);
    const agents = options.agents ? results.map((r) => cachedAgent(r) ?? effectiveAgent(modelNow(r), settings)) : undefined;
    if (!caching) return { results, agents, configProblems };
    const index: IndexEntries = {};
    for (const [i, r] of results.entries()) {
      const { file, diagnostics } = r;
      const record = recordOf(file, checks.get(file) ?? {});
      if (!record) continue;
      records[file] = { ...record, agent: true, diagnostics: diagnostics.map(compact), effective: agents?.[i] ?? cachedAgent(r) };
      index[file] = [summaries[i], crossKeys.get(file)!];
    }
    return { results, agents, configProblems, cache: { format: CACHE_FORMAT, key, startedAt, files, records, index: JSON.stringify(index), skills: skillsRead, configProblems } };
  } finally {
    await stopThreads(parsed.workers);
  }
}

/** Summaries of the user's agents that are not among the files linted: they resolve names, and are not checked. */
function userAgentSummaries(service: ReturnType<typeof createAgentService>, paths: string[], cwd: string): AgentSummary[] {
  const linted = new Set(paths.map((p) => path.resolve(cwd, p)));
  const summaries: AgentSummary[] = [];
  for (const file of userAgentFiles()) {
    if (linted.has(file) || [...linted].some((p) => file.startsWith(p + path.sep))) continue;
    try {
      summaries.push({ ...summarize(service.parse(pathToUri(file), 0, readFileSync(file, 'utf8'))), scope: 'user' });
    } catch {
      // An unreadable user agent is one Claude Code cannot load either.
    }
  }
  return summaries;
}

/** Stat and hash of a file as checked, or read now (a file --fix rewrote). */
function recordOf(file: string, check: FileRecordCheck): Pick<FileRecord, 'stat' | 'hash'> | undefined {
  if (check.stat && (check.hash ?? check.same?.hash)) return { stat: check.stat, hash: (check.hash ?? check.same?.hash)! };
  const fresh = checkFile(file, undefined, 0);
  return fresh.stat && fresh.hash ? { stat: fresh.stat, hash: fresh.hash } : undefined;
}
