// npm run conformance [-- --claude-code <version>] [--update-facts] [--no-build] [--jobs <n>] [--results <file>]
// Runs the real Claude Code on the seeds, the corpus and conformance/cases, compares what it
// does with what Agentry's CLI says, prints the table and the catalog differences, and diffs the
// observed facts with the pinned version's snapshot. Exit 0: every disagreement is allow-listed;
// 1: some are not; 2: the harness itself failed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { askAgentry } from './src/agentry.js';
import { applyAllowList, readAllowList } from './src/allowList.js';
import { resolveBinary } from './src/binary.js';
import { readAgentryCatalog } from './src/catalog.js';
import { compare, type ToolEnvironment } from './src/compare.js';
import { buildFacts, diffFacts, type Facts } from './src/facts.js';
import { ensureClaudeCode, pinnedVersion } from './src/install.js';
import { Oracle, type AgentSource, type SpawnOutcome } from './src/oracle.js';
import { installCleanup, stopAll } from './src/processes.js';
import { catalogDifferences, formatComparison } from './src/report.js';
import { caseSources, corpusSources, seedSources } from './src/sources.js';
import { pairId, probeSources, PROBE_ALL, withheldTools } from './src/probes.js';

const conformanceDir = __dirname;
const repo = dirname(conformanceDir);
const log = (line: string) => process.stderr.write(`${line}\n`);

const { values: args } = parseArgs({
  options: {
    'claude-code': { type: 'string' },
    'update-facts': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    jobs: { type: 'string', default: '2' },
    results: { type: 'string' },
    'time-limit': { type: 'string', default: '540' },
  },
});

async function main(): Promise<number> {
  const started = Date.now();
  const pinned = pinnedVersion(conformanceDir);
  const version = args['claude-code'] ?? pinned;
  const binary = resolveBinary(ensureClaudeCode(conformanceDir, version, log));
  if (binary instanceof Error) throw binary;
  log(`Claude Code ${binary.version}: ${relative(repo, binary.path)}`);
  if (!args['no-build']) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });
  const cli = join(repo, 'dist', 'cli.js');

  const factsPath = (v: string) => join(conformanceDir, 'facts', `${v}.json`);
  const snapshot = existsSync(factsPath(pinned)) ? (JSON.parse(readFileSync(factsPath(pinned), 'utf8')) as Facts) : undefined;
  const catalog = await readAgentryCatalog(repo);
  const cases = caseSources(conformanceDir);
  const files = [...seedSources(repo), ...corpusSources(repo)];
  const probeNames = [
    ...new Set([...(JSON.parse(readFileSync(join(conformanceDir, 'probe-tools.json'), 'utf8')) as { names: string[] }).names, ...catalog.tools, ...Object.keys(catalog.oldNames), ...Object.keys(snapshot?.tools.probes ?? {})]),
  ].sort();
  const probes = probeSources(probeNames);

  const oracle = new Oracle({ binary: binary.path, concurrency: Math.max(1, Number(args.jobs) || 2), batchSize: 60, spawn: true, log });
  try {
    await oracle.start();
    log(`asking Claude Code about ${files.length} seed and corpus files, ${cases.files.length} cases, ${cases.layouts.length} layouts, ${probes.length} tool probes`);
    const answers = await oracle.askFiles([...files, ...cases.files, ...probes]);
    const byId = new Map(answers.map((answer) => [answer.id, answer]));
    const layouts = [];
    for (const layout of cases.layouts) layouts.push(await oracle.askLayout(layout.id, layout.folder, layout.cwd));
    log(`Claude Code answered in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const probeOutcomes = new Map<string, SpawnOutcome | undefined>(probeNames.map((name) => [name, byId.get(`probe/${name}`)?.spawn]));
    const allSpawn = byId.get(PROBE_ALL)?.spawn;
    if (allSpawn?.kind !== 'spawned') throw new Error(`the agent with tools: "*" did not spawn: ${JSON.stringify(allSpawn)}`);
    const available = new Map([...probeOutcomes].flatMap(([name, spawn]) => (spawn?.kind === 'spawned' ? [[name, spawn.tools] as [string, string[]]] : [])));
    const pairs = new Map(
      probeNames.map((name) => {
        const spawn = byId.get(pairId(name))?.spawn;
        return [name, spawn?.kind === 'spawned' ? spawn.tools : undefined] as [string, string[] | undefined];
      }),
    );
    const environment: ToolEnvironment = { all: allSpawn.tools, available, withheld: withheldTools(available, pairs) };
    const facts = buildFacts({
      version: binary.version,
      builtinAgents: oracle.builtins.map((agent) => agent.name),
      probes: probeOutcomes,
      all: allSpawn.tools,
      withheld: environment.withheld,
      cases: cases.files.map((source) => byId.get(source.id)!),
      layouts,
      files: files.map((source) => byId.get(source.id)!),
    });

    const subjects: AgentSource[] = [...files, ...cases.files];
    const agentry = await askAgentry(cli, subjects, cases.layouts);
    const comparison = compare(
      subjects.map((source) => byId.get(source.id)!),
      agentry.answers,
      environment,
      layouts,
    );
    const allow = applyAllowList(comparison.disagreements, readAllowList(join(conformanceDir, 'allow.json')));

    console.log(`\nClaude Code ${binary.version} vs Agentry (${agentry.hasAgents ? 'per-file agent records' : 'verdicts only: this CLI prints no agents array'}) on ${files.length} seed and corpus files and ${cases.files.length} cases\n`);
    console.log(formatComparison(comparison, allow));
    const differences = catalogDifferences(catalog, facts);
    console.log(`\nAgentry's tool catalog (${catalog.source}${catalog.verifiedAgainst ? `, verified against ${catalog.verifiedAgainst}` : ''}) vs Claude Code ${binary.version}: ${differences.length ? '' : 'no differences'}`);
    for (const line of differences) console.log(`  ${line}`);

    if (args['update-facts']) {
      mkdirSync(join(conformanceDir, 'facts'), { recursive: true });
      writeFileSync(factsPath(binary.version), `${JSON.stringify(facts, null, 1)}\n`);
      log(`facts written to ${relative(repo, factsPath(binary.version))}`);
    } else if (snapshot) {
      const changes = diffFacts(snapshot, facts);
      console.log(`\nChanges from the recorded facts of Claude Code ${snapshot.claudeCode} (conformance/facts/${pinned}.json): ${changes.length ? changes.length : 'none'}`);
      for (const line of changes) console.log(`  ${line}`);
    }
    const resultsPath = args.results ?? join(conformanceDir, '.results', `${binary.version}.json`);
    mkdirSync(dirname(resultsPath), { recursive: true });
    writeFileSync(resultsPath, `${JSON.stringify({ claudeCode: binary.version, builtinAgents: oracle.builtins, answers, layouts, agentry: Object.fromEntries(agentry.answers), comparison, allow }, null, 1)}\n`);
    console.log(`\n${allow.unexplained.length} unexplained disagreement(s), ${allow.allowed.length} allowed; ${((Date.now() - started) / 1000).toFixed(1)} s; results in ${relative(process.cwd(), resultsPath)}`);
    return allow.unexplained.length ? 1 : 0;
  } finally {
    oracle.dispose();
  }
}

installCleanup();
const limit = setTimeout(
  () => {
    log(`conformance: over the time limit of ${args['time-limit']} s; stopping`);
    stopAll();
    process.exit(2);
  },
  Number(args['time-limit']) * 1000,
);
limit.unref();
main().then(
  (code) => {
    stopAll();
    process.exitCode = code;
  },
  (error: unknown) => {
    stopAll();
    log(`conformance: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
