// Where the real-editor test tools live (installed by scripts/install-e2e-tools.sh).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export interface E2ETools {
  /** The tools folder (AGENTRY_TOOLS, default <repo>/.tools). */
  toolsDir: string;
  /** Folder holding the Node 24 `node` binary (code-server needs Node 24). */
  node24BinDir: string;
  /** Node 24 executable. */
  node24: string;
  /** code-server's entry script (run it with `node24`). */
  codeServerEntry: string;
  /** Chromium executable (Debian's). */
  chromium: string;
  /** Neovim executable. */
  nvim: string;
}

const INSTALL_HINT = 'run `bash scripts/install-e2e-tools.sh` first';

function findNode24Dir(toolsDir: string): string | undefined {
  const candidates: string[] = [];
  for (const base of [path.join(toolsDir, 'node24/node_modules/node/node_modules'), path.join(toolsDir, 'node24/node_modules')]) {
    if (!fs.existsSync(base)) continue;
    for (const name of fs.readdirSync(base)) if (name.startsWith('node-linux-')) candidates.push(path.join(base, name));
  }
  return candidates.find((d) => fs.existsSync(path.join(d, 'bin/node')));
}

function which(cmd: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const p = path.join(dir, cmd);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {
      /* keep looking */
    }
  }
  return undefined;
}

let cached: E2ETools | undefined;

/** Resolve the installed tools; throws with an install hint when something is missing. */
export function e2eTools(): E2ETools {
  if (cached) return cached;
  const toolsDir = path.resolve(process.env.AGENTRY_TOOLS ?? path.join(REPO_ROOT, '.tools'));
  const node24Dir = findNode24Dir(toolsDir);
  if (!node24Dir) throw new Error(`Node 24 not found under ${toolsDir}/node24: ${INSTALL_HINT}`);
  const codeServerEntry = path.join(toolsDir, 'cs/node_modules/code-server/out/node/entry.js');
  if (!fs.existsSync(codeServerEntry)) throw new Error(`code-server not found under ${toolsDir}/cs: ${INSTALL_HINT}`);
  const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';
  if (!fs.existsSync(chromium)) throw new Error(`chromium not found at ${chromium}: ${INSTALL_HINT}`);
  const nvim = process.env.NVIM_BIN ?? which('nvim');
  if (!nvim) throw new Error(`nvim not found on PATH: ${INSTALL_HINT}`);
  cached = {
    toolsDir,
    node24BinDir: path.join(node24Dir, 'bin'),
    node24: path.join(node24Dir, 'bin/node'),
    codeServerEntry,
    chromium,
    nvim,
  };
  return cached;
}

/** Poll `check` until it returns a truthy value or `timeoutMs` passes (then throws `what`). */
export async function waitUntil<T>(check: () => T | undefined | null | false | Promise<T | undefined | null | false>, what: string, timeoutMs = 30_000, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs}ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Bundle dist/ (client, server, CLI) with the project's esbuild script; throws with its output on failure. */
export function buildDist(): void {
  const res = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`build failed (node esbuild.mjs):\n${res.stdout}${res.stderr}${res.error ?? ''}`);
}
