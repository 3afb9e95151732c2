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
    // keep nvim away from the user's config, state and swap files
    XDG_CONFIG_HOME: path.join(tmp, 'config'),
    XDG_DATA_HOME: path.join(tmp, 'data'),
    XDG_STATE_HOME: path.join(tmp, 'state'),
    XDG_CACHE_HOME: path.join(tmp, 'cache'),
    ...opts.env,
  };
  if (opts.filetype) env.LSP_FILETYPE = opts.filetype;
  if (opts.rootDir) env.LSP_ROOT = path.resolve(opts.rootDir);
  if (opts.settings) env.LSP_SETTINGS_JSON = JSON.stringify(opts.settings);
  if (opts.initializationOptions !== undefined) env.LSP_INIT_OPTIONS_JSON = JSON.stringify(opts.initializationOptions);

  try {
    let output = '';
    const child = spawn(
      tools.nvim,
      ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${NVIM_LSP_SCRIPT.replace(/ /g, '\\ ')}`],
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    // Hard stop: the script's own wait plus time for the requests and shutdown.
    const requestBudget = (opts.requests ?? []).reduce((s, r) => s + (r.timeoutMs ?? 10_000), 0);
    const killer = setTimeout(() => child.kill('SIGKILL'), timeoutMs + requestBudget + 15_000);
    const exitCode = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code) => resolve(code));
    });
    clearTimeout(killer);
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

/** Convenience: just the diagnostics (throws when none arrived in time and waitFor is 'nonempty'). */
export async function nvimDiagnostics(opts: NvimLspOptions): Promise<LspDiagnostic[]> {
  const res = await runNvimLsp(opts);
  if (!res.ok) {
    throw new Error(
      `no diagnostics from ${opts.cmd.join(' ')} for ${opts.file} within ${opts.timeoutMs ?? 20_000}ms\n` +
        `server log:\n${res.serverLog.join('\n')}\nnvim output:\n${res.nvimOutput}`,
    );
  }
  return res.diagnostics ?? [];
}
