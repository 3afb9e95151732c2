// Runs Agentry's built CLI (`check --format json`) over the same files, laid out the same way,
// and returns its diagnostics and (when the CLI has them) its per-file agent records.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, cpSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { run } from './processes.js';
import type { AgentSource } from './oracle.js';

export interface AgentryDiagnostic {
  file: string;
  line: number;
  column: number;
  severity: string;
  code: string;
  message: string;
}
/** The record `check --format json` gives per file in `agents` (when it has that array). */
export interface AgentryAgent {
  file: string;
  loads: boolean;
  dropReason?: string;
  runs: boolean;
  name?: string;
  description?: string;
  model?: { written: string; resolved: string };
  tools: 'all' | string[];
  ignored: { key: string; reason: string }[];
}
export interface AgentryAnswer {
  id: string;
  diagnostics: AgentryDiagnostic[];
  agent?: AgentryAgent;
}
export interface AgentryReport {
  answers: Map<string, AgentryAnswer>;
  hasAgents: boolean;
}

/** Parses the CLI's JSON output; `agents` is optional (older CLIs print only `diagnostics`). */
export function parseCheckOutput(stdout: string): { diagnostics: AgentryDiagnostic[]; agents?: AgentryAgent[] } {
  const parsed = JSON.parse(stdout) as { diagnostics?: AgentryDiagnostic[]; agents?: AgentryAgent[] };
  if (!Array.isArray(parsed.diagnostics)) throw new Error('agentry check --format json printed no diagnostics array');
  return { diagnostics: parsed.diagnostics, agents: Array.isArray(parsed.agents) ? parsed.agents : undefined };
}

/** Runs check with `home` as HOME, so that only the user agents Claude Code saw count (none, or a layout's). */
async function check(cli: string, cwd: string, files: string[], home: string): Promise<{ diagnostics: AgentryDiagnostic[]; agents?: AgentryAgent[] }> {
  mkdirSync(home, { recursive: true });
  const result = await run(process.execPath, [cli, 'check', '--format', 'json', ...files], { cwd, env: { ...process.env, HOME: home, USERPROFILE: home, AGENTRY_THREADS: '1' }, timeoutMs: 180_000 });
  if (result.timedOut) throw new Error('agentry check timed out');
  if (result.code !== 0 && result.code !== 1) throw new Error(`agentry check failed (exit ${result.code}): ${result.stderr.slice(0, 500)}`);
  return parseCheckOutput(result.stdout);
}

/** Agentry's answer for each file, laid out in one project as Claude Code saw them. */
export async function askAgentry(cli: string, sources: AgentSource[], layouts: { id: string; folder: string }[] = []): Promise<AgentryReport> {
  const root = mkdtempSync(join(tmpdir(), 'agentry-conformance-cli-'));
  try {
    const byPath = new Map<string, string>();
    const project = join(root, 'project');
    for (const source of sources) {
      const path = join(project, '.claude', 'agents', source.agentPath);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, source.content);
      byPath.set(path, source.id);
    }
    const answers = new Map<string, AgentryAnswer>([...byPath.values()].map((id) => [id, { id, diagnostics: [] }]));
    let hasAgents = false;
    const absorb = (output: { diagnostics: AgentryDiagnostic[]; agents?: AgentryAgent[] }, idOf: (file: string) => string | undefined) => {
      for (const diagnostic of output.diagnostics) {
        const id = idOf(diagnostic.file);
        if (id) answers.get(id)?.diagnostics.push(diagnostic);
      }
      if (output.agents) hasAgents = true;
      for (const agent of output.agents ?? []) {
        const id = idOf(agent.file);
        if (id && answers.has(id)) answers.get(id)!.agent = agent;
      }
    };
    const paths = [...byPath.keys()];
    for (let start = 0; start < paths.length; start += 400) {
      absorb(await check(cli, project, paths.slice(start, start + 400), join(root, 'home')), (file) => byPath.get(file) ?? byPath.get(join(project, file)));
    }
    for (const layout of layouts) {
      const dir = join(root, relative('/', layout.folder).replace(/\//g, '_'));
      cpSync(join(layout.folder, 'project'), dir, { recursive: true, verbatimSymlinks: true });
      const home = `${dir}-home`;
      if (existsSync(join(layout.folder, 'home'))) cpSync(join(layout.folder, 'home'), home, { recursive: true, verbatimSymlinks: true });
      const prefix = `${layout.id}/project/`;
      const output = await check(cli, dir, [dir], home);
      for (const file of new Set([...output.diagnostics.map((d) => d.file), ...(output.agents ?? []).map((a) => a.file)])) {
        const id = prefix + relative(dir, file.startsWith('/') ? file : join(dir, file));
        if (!answers.has(id)) answers.set(id, { id, diagnostics: [] });
      }
      absorb(output, (file) => prefix + relative(dir, file.startsWith('/') ? file : join(dir, file)));
    }
    return { answers, hasAgents };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
