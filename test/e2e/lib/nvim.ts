// Headless Neovim as an LSP client: start a language server over stdio, open a file, and return the
// diagnostics it published (plus the results of optional requests such as hover or completion).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { e2eTools, REPO_ROOT } from './tools.js';

export const NVIM_LSP_SCRIPT = path.join(REPO_ROOT, 'test/e2e/nvim/lsp-client.lua');

export interface LspPosition {
  line: number;
  character: number;
}

export interface LspDiagnostic {
  range: { start: LspPosition; end: LspPosition };
  message: string;
  severity?: number;
  code?: string | number;
  source?: string;
  [key: string]: unknown;
}

export interface NvimLspRequest {
  /** e.g. 'textDocument/hover', 'textDocument/completion', 'textDocument/definition'. */
  method: string;
  /** 0-based LSP position in the opened file (ignored when `range` is given). */
  line: number;
  character: number;
  /** Send params.range instead of params.position (e.g. for 'textDocument/codeAction'). */
  range?: { start: LspPosition; end: LspPosition };
  /** Extra params.context (e.g. completion trigger context). */
  context?: unknown;
  /** Put the published diagnostics touching the range (or position) in params.context.diagnostics. */
  includeDiagnostics?: boolean;
  timeoutMs?: number;
}

export interface NvimLspOptions {
  /** Server command, e.g. ['node', 'dist/server.js', '--stdio']. */
  cmd: string[];
  /** File to open. */
  file: string;
  /** Filetype, sent as languageId (default: the file's extension). */
  filetype?: string;
  /** Workspace root (default: the file's folder). */
  rootDir?: string;
  /** Max wait for diagnostics in ms (default 20000). */
  timeoutMs?: number;
  /** 'nonempty' (default): wait for a non-empty publish; 'any': any publish (use for clean files). */
  waitFor?: 'nonempty' | 'any';
  /** Keep listening this long after the condition holds, for later publishes (default 300 ms). */
  settleMs?: number;
  /** Answers to workspace/configuration. */
  settings?: Record<string, unknown>;
  initializationOptions?: unknown;
  /** Requests to send after the diagnostics wait. */
  requests?: NvimLspRequest[];
  /** Extra environment for nvim and the server. */
  env?: Record<string, string>;
}

export interface NvimLspResult {
  /** True when the wait condition was met (and nvim exited 0). */
  ok: boolean;
  uri: string;
  /** How many publishDiagnostics the file got. */
  publishes: number;
  /** The last published diagnostics for the file (null when none arrived). */
  diagnostics: LspDiagnostic[] | null;
  responses: Array<{ method: string; result: unknown; error?: unknown }>;
  /** window/logMessage and window/showMessage texts. */
  serverLog: string[];
  serverExit: { code: number; signal: number } | null;
  exitCode: number | null;
  /** nvim's own stderr/stdout (errors from the Lua script land here). */
  nvimOutput: string;
  elapsedMs: number;
}

/** Run `nvim --headless` as LSP client for one file and return what the server sent. */
export async function runNvimLsp(opts: NvimLspOptions): Promise<NvimLspResult> {
  const tools = e2eTools();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'agentry-nvim-'));
  const outFile = path.join(tmp, 'result.json');
  const timeoutMs = opts.timeoutMs ?? 20_000;
  const t0 = Date.now();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LSP_CMD_JSON: JSON.stringify(opts.cmd),
    LSP_FILE: path.resolve(opts.file),
    LSP_OUT: outFile,
    LSP_TIMEOUT: String(timeoutMs),
    LSP_WAIT: opts.waitFor ?? 'nonempty',
    LSP_SETTLE: String(opts.settleMs ?? 300),
    LSP_REQUESTS_JSON: JSON.stringify(opts.requests ?? []),
    ...isolatedXdg(tmp),
    ...opts.env,
  };
  if (opts.filetype) env.LSP_FILETYPE = opts.filetype;
  if (opts.rootDir) env.LSP_ROOT = path.resolve(opts.rootDir);
  if (opts.settings) env.LSP_SETTINGS_JSON = JSON.stringify(opts.settings);
  if (opts.initializationOptions !== undefined) env.LSP_INIT_OPTIONS_JSON = JSON.stringify(opts.initializationOptions);

  try {
    const requestBudget = (opts.requests ?? []).reduce((s, r) => s + (r.timeoutMs ?? 10_000), 0);
    // Hard stop: the script's own wait plus time for the requests and shutdown.
    const { exitCode, output } = await spawnNvim(['-u', 'NONE', '-c', `luafile ${luaPath(NVIM_LSP_SCRIPT)}`], env, timeoutMs + requestBudget + 15_000);
    if (!fs.existsSync(outFile)) {
      throw new Error(`nvim wrote no result (exit ${exitCode}):\n${output}`);
    }
    const data = JSON.parse(fs.readFileSync(outFile, 'utf8'));
    const norm = <T>(v: T): T | null => (v === undefined || (v as unknown) === null ? null : v);
    return {
      ok: Boolean(data.ok) && exitCode === 0,
      uri: data.uri,
      publishes: data.publishes ?? 0,
      diagnostics: norm(data.diagnostics),
      responses: Array.isArray(data.responses) ? data.responses : [],
      serverLog: Array.isArray(data.serverLog) ? data.serverLog : [],
      serverExit: norm(data.serverExit),
      exitCode,
      nvimOutput: output,
      elapsedMs: Date.now() - t0,
    };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

const luaPath = (file: string) => file.replace(/ /g, '\\ ');

/** `nvim --headless` (no shada, no swap files) with `args`, killed after `hardTimeoutMs`. */
async function spawnNvim(args: string[], env: NodeJS.ProcessEnv, hardTimeoutMs: number): Promise<{ exitCode: number | null; output: string }> {
  let output = '';
  const child = spawn(e2eTools().nvim, ['--headless', '-i', 'NONE', '-n', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const killer = setTimeout(() => child.kill('SIGKILL'), hardTimeoutMs);
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => resolve(code));
  });
  clearTimeout(killer);
  return { exitCode, output };
}

/** Clean XDG folders under `tmp`: nvim stays away from the user's config, state and swap files. */
function isolatedXdg(tmp: string): Record<string, string> {
  return {
    XDG_CONFIG_HOME: path.join(tmp, 'config'),
    XDG_DATA_HOME: path.join(tmp, 'data'),
    XDG_STATE_HOME: path.join(tmp, 'state'),
    XDG_CACHE_HOME: path.join(tmp, 'cache'),
  };
}

export const NVIM_CONFIG_PROBE = path.join(REPO_ROOT, 'test/e2e/nvim/config-probe.lua');

export interface NvimConfigResult {
  ok: boolean;
  /** Diagnostics of the agent file as vim.diagnostic holds them (0-based lnum/col). */
  diagnostics: Array<{ code: string | null; lnum: number; col: number; source: string | null }>;
  /** Names of the LSP clients attached to the agent file and to the other file. */
  agentClients: string[];
  otherClients: string[];
  exitCode: number | null;
  nvimOutput: string;
}

/**
 * A user's own configuration (`init`, Lua, as init.lua) under headless Neovim: opens `agentFile`, waits for
 * its diagnostics, then opens `otherFile`, and reports the clients attached to each.
 */
export async function runNvimConfig(opts: { init: string; agentFile: string; otherFile: string; env?: Record<string, string>; timeoutMs?: number }): Promise<NvimConfigResult> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'agentry-nvim-config-'));
  const outFile = path.join(tmp, 'result.json');
  const init = path.join(tmp, 'init.lua');
  fs.writeFileSync(init, opts.init);
  const timeoutMs = opts.timeoutMs ?? 20_000;
  const env = { ...process.env, ...isolatedXdg(tmp), LSP_FILE: opts.agentFile, LSP_OTHER: opts.otherFile, LSP_OUT: outFile, LSP_TIMEOUT: String(timeoutMs), ...opts.env };
  try {
    const { exitCode, output } = await spawnNvim(['-u', init, '-c', `luafile ${luaPath(NVIM_CONFIG_PROBE)}`], env, timeoutMs + 15_000);
    if (!fs.existsSync(outFile)) throw new Error(`nvim wrote no result (exit ${exitCode}):\n${output}`);
    const data = JSON.parse(fs.readFileSync(outFile, 'utf8'));
    const list = <T>(v: unknown): T[] => (Array.isArray(v) ? v : []);
    return { ok: Boolean(data.ok) && exitCode === 0, diagnostics: list(data.diagnostics), agentClients: list(data.agentClients), otherClients: list(data.otherClients), exitCode, nvimOutput: output };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Convenience: just the diagnostics (throws when none arrived in time and waitFor is 'nonempty'). */
export async function nvimDiagnostics(opts: NvimLspOptions): Promise<LspDiagnostic[]> {
  const res = await runNvimLsp(opts);
  if (!res.ok) {
    throw new Error(`no diagnostics from ${opts.cmd.join(' ')} for ${opts.file} within ${opts.timeoutMs ?? 20_000}ms\n` + `server log:\n${res.serverLog.join('\n')}\nnvim output:\n${res.nvimOutput}`);
  }
  return res.diagnostics ?? [];
}
