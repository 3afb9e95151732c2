// Group "peers": floor vs cclint vs claude-code-lint vs Agentry's CLI, on the corpus and the seeds.
// Every tool reads the same flat copy (<tmp>/<set>/.claude/agents/*.md, see lib/fixtures.mjs),
// and the tools of one set are run round-robin so background load hits them alike.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusFiles, makeFixture, seedFiles } from './lib/fixtures.mjs';
import { measure, measureAll } from './lib/measure.mjs';
import { probeClaudelint } from './lib/claudelint-probe.mjs';

const modules = join(dirname(fileURLToPath(import.meta.url)), 'node_modules');
const binOf = (name, bin) => join(modules, name, JSON.parse(readFileSync(join(modules, name, 'package.json'), 'utf8')).bin[bin]);
const CCLINT = binOf('@carlrannaberg/cclint', 'cclint');
const CLAUDELINT = binOf('claude-code-lint', 'claudelint');
const FLOOR = 'floor (yaml)';

export const columns = ['set', 'tool', 'files', 'medianMs', 'p99Ms', 'cpuMs', 'peakRssMb', 'xFloor', 'xCclint', 'cpuXFloor', 'cpuXCclint', 'notes'];

function floorNotes(r) {
  const f = JSON.parse(r.stdout);
  return `${f.parsed} parsed, ${f.failed} YAML errors`;
}

function cclintNotes(r) {
  const checked = /Files checked: (\d+)/.exec(r.stdout)?.[1] ?? '?';
  const failed = (r.stdout.match(/Failed to parse file/g) ?? []).length;
  return `exit ${r.code}; checked ${checked}, ${failed} failed to parse (reported per file, goes on)`;
}

const claudelintNotes = (probe) => (r) => {
  if (probe.stopIndex < 0) return `exit ${r.code}; all ${probe.order.length} parsed`;
  const confirmed = r.stderr.includes(probe.stopMessage.replace(/^.*?: /, ''));
  return (
    `exit ${r.code}; aborts at file ${probe.stopIndex + 1}/${probe.order.length} ` +
    `(${basename(probe.failed[0])}), ${probe.stopIndex} validated, no results printed` +
    `${confirmed ? '' : ' [stop file unconfirmed]'}; ${probe.failed.length} files js-yaml rejects`
  );
};

function agentryNotes(r) {
  try {
    const d = JSON.parse(r.stdout).diagnostics;
    if (!Array.isArray(d)) return `exit ${r.code}; json ok`;
    const errors = d.filter((x) => x.severity === 'error').length;
    return `exit ${r.code}; ${d.length} diagnostics (${errors} errors) in ${new Set(d.map((x) => x.file)).size} files`;
  } catch {
    return `exit ${r.code}; stdout not JSON`;
  }
}

/** Does `check --cache` work yet? Refused (exit > 1 mentioning the flag) means no. */
async function supportsCache(node, args, cwd, env) {
  const r = await measure(node, [...args, '--cache'], { runs: 1, warmup: 0, cwd, env });
  return !(r.code > 1 && /cache|unknown|unrecognized/i.test(r.stderr));
}

/** The commands for one set: [{ tool, files, invocation, cmd, args, cwd, env, before, notes }] */
async function plan(ctx, set, files) {
  const node = ctx.node;
  const fx = makeFixture(join(ctx.tmpDir, set), files);
  const probe = await probeClaudelint(fx.root);
  const tools = [
    { tool: FLOOR, files: fx.count, invocation: 'node bench/floor.mjs <root>/.claude/agents', args: [join(ctx.benchDir, 'floor.mjs'), fx.agentsDir], notes: floorNotes },
    // `--root` is swallowed by cclint's parent command: run `agents` from the project root.
    { tool: 'cclint', files: fx.count, invocation: 'cd <root> && cclint agents', args: [CCLINT, 'agents'], cwd: fx.root, notes: cclintNotes },
    { tool: 'claude-code-lint', files: fx.count, invocation: 'claudelint validate-agents --path <root>', args: [CLAUDELINT, 'validate-agents', '--path', fx.root], cwd: fx.root, notes: claudelintNotes(probe) },
  ];
  if (probe.failed.length && probe.failed.length < probe.order.length) {
    const bad = new Set(probe.failed.map((p) => basename(p)));
    const sub = makeFixture(
      join(ctx.tmpDir, `${set}-parseable`),
      files.filter((_, i) => !bad.has(basename(fx.paths[i]))),
    );
    tools.push({
      tool: 'claude-code-lint (parseable subset)',
      files: sub.count,
      invocation: 'claudelint validate-agents --path <subset-root>',
      args: [CLAUDELINT, 'validate-agents', '--path', sub.root],
      cwd: sub.root,
      notes: (r) => `exit ${r.code}; only the files js-yaml accepts`,
    });
  }
  const cli = ctx.agentryCli;
  const invocation = 'node dist/cli.js check <root>/.claude/agents --format json';
  if (!cli) {
    tools.push({ tool: 'agentry check', files: fx.count, invocation, na: 'n/a: dist/cli.js not built' });
    return tools;
  }
  const args = [cli, 'check', fx.agentsDir, '--format', 'json'];
  const noCache = mkdtempSync(join(ctx.tmpDir, 'agentry-nocache-'));
  tools.push({ tool: 'agentry check (cold)', files: fx.count, invocation, args, cwd: fx.root, env: { XDG_CACHE_HOME: noCache }, notes: agentryNotes, before: () => rmSync(join(fx.root, '.agentry-cache'), { recursive: true, force: true }) });
  const cacheHome = mkdtempSync(join(ctx.tmpDir, 'agentry-cache-'));
  const env = { XDG_CACHE_HOME: cacheHome };
  const warm = { tool: 'agentry check --cache (warm)', files: fx.count, invocation: `${invocation} --cache` };
  tools.push((await supportsCache(node, args, cacheHome, env)) ? { ...warm, args: [...args, '--cache'], cwd: cacheHome, env, notes: agentryNotes } : { ...warm, na: 'n/a: --cache not supported yet' });
  return tools;
}

async function runSet(ctx, set, files) {
  const tools = await plan(ctx, set, files);
  const live = tools.filter((t) => !t.na);
  const results = await measureAll(
    live.map((t) => ({ ...t, cmd: ctx.node })),
    { runs: ctx.runs, warmup: ctx.warmup },
  );
  const rows = tools.map((t) => {
    const r = results[live.indexOf(t)];
    return {
      set,
      tool: t.tool,
      files: t.files,
      medianMs: r?.medianMs ?? null,
      p99Ms: r?.p99Ms ?? null,
      cpuMs: r?.cpuMs ?? null,
      minMs: r?.minMs ?? null,
      peakRssMb: r?.peakRssMb ?? null,
      exit: r?.code ?? null,
      notes: r ? t.notes(r) : t.na,
      invocation: t.invocation,
    };
  });
  const base = (name, key = 'medianMs') => rows.find((r) => r.tool === name)?.[key];
  const ratio = (v, b) => (v && b ? +(v / b).toFixed(2) : null);
  for (const r of rows) {
    r.xFloor = ratio(r.medianMs, base(FLOOR));
    r.xCclint = ratio(r.medianMs, base('cclint'));
    r.cpuXFloor = ratio(r.cpuMs, base(FLOOR, 'cpuMs'));
    r.cpuXCclint = ratio(r.cpuMs, base('cclint', 'cpuMs'));
  }
  return rows;
}

/** Group entry point: ctx = { node, benchDir, tmpDir, runs, warmup, agentryCli } */
export async function run(ctx) {
  return [...(await runSet(ctx, 'corpus', corpusFiles())), ...(await runSet(ctx, 'seeds', seedFiles()))];
}
