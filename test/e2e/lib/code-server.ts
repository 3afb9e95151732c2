// Real-editor helpers: run code-server (VS Code server + web workbench, with a real Node extension
// host) and drive its workbench in Debian's Chromium through playwright-core.
//
// Typical use:
//   const cs = await startCodeServer({ vsix: 'agentry-0.1.0.vsix' });
//   const ui = await launchBrowser();
//   await openWorkbench(ui.page, cs, folder);
//   await openFileFromExplorer(ui.page, 'agents/reviewer.md');
//   await waitForMarkers(ui.page, 'error');
//   ...
//   await ui.close(); await cs.stop();
//
// All waits are on DOM conditions (or polling with a deadline), never fixed sleeps.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { e2eTools, waitUntil, REPO_ROOT } from './tools.js';

export { waitUntil, e2eTools } from './tools.js';

/** Default user settings: quiet, offline, deterministic workbench. Merged under `settings`. */
export const DEFAULT_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'workbench.editor.enablePreview': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'editor.hover.delay': 150,
  'editor.minimap.enabled': false,
  'editor.stickyScroll.enabled': false,
  'workbench.tree.enableStickyScroll': false,
  'files.autoSave': 'off',
};

// ---------------------------------------------------------------------------------------------
// code-server process
// ---------------------------------------------------------------------------------------------

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface CodeServerDirs {
  /** Temp root holding everything below (removed by stop() unless keepTemp / E2E_KEEP=1). */
  tmpDir: string;
  userDataDir: string;
  extensionsDir: string;
}

export interface CodeServerOptions {
  /** .vsix file(s) to install (code-server --install-extension) before the server starts. */
  vsix?: string | string[];
  /** User settings, merged over DEFAULT_SETTINGS. */
  settings?: Record<string, unknown>;
  /** Extra environment for code-server and its extension host. */
  env?: Record<string, string>;
  /** Extra code-server command-line arguments. */
  args?: string[];
  /** Max time to wait for /healthz (default 60 s). */
  startTimeoutMs?: number;
  /** Keep the temp folder after stop() (also E2E_KEEP=1). */
  keepTemp?: boolean;
}

export interface CodeServer extends CodeServerDirs {
  port: number;
  /** http://127.0.0.1:PORT */
  baseUrl: string;
  /** Workbench URL opening `folder` (absolute or relative to cwd). */
  folderUrl(folder: string): string;
  /** Everything code-server printed so far. */
  log(): string;
  /** The extension host / server log files under the user-data dir, concatenated (for debugging). */
  serverLogs(): string;
  /** Stop code-server (and its children) and remove the temp folder. Idempotent. */
  stop(): Promise<void>;
}

function codeServerEnv(dirs: CodeServerDirs, extra?: Record<string, string>): NodeJS.ProcessEnv {
  const tools = e2eTools();
  return {
    ...process.env,
    PATH: `${tools.node24BinDir}${path.delimiter}${process.env.PATH ?? ''}`,
    XDG_CONFIG_HOME: path.join(dirs.tmpDir, 'xdg/config'),
    XDG_DATA_HOME: path.join(dirs.tmpDir, 'xdg/data'),
    XDG_CACHE_HOME: path.join(dirs.tmpDir, 'xdg/cache'),
    // npm_config_* from a surrounding `npm run` would leak into the extension host
    npm_config_nodedir: undefined,
    ...extra,
  };
}

function commonArgs(dirs: CodeServerDirs): string[] {
  return ['--config', path.join(dirs.tmpDir, 'config.yaml'), '--user-data-dir', dirs.userDataDir, '--extensions-dir', dirs.extensionsDir, '--disable-telemetry', '--disable-update-check'];
}

/** Create the isolated temp folders for one code-server instance. */
export function makeCodeServerDirs(settings?: Record<string, unknown>): CodeServerDirs {
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'agentry-cs-'));
  const dirs = { tmpDir, userDataDir: path.join(tmpDir, 'user'), extensionsDir: path.join(tmpDir, 'ext') };
  fs.mkdirSync(path.join(dirs.userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(dirs.extensionsDir, { recursive: true });
  fs.writeFileSync(path.join(tmpDir, 'config.yaml'), 'auth: none\ncert: false\n');
  fs.writeFileSync(path.join(dirs.userDataDir, 'User/settings.json'), JSON.stringify({ ...DEFAULT_SETTINGS, ...settings }, null, 2));
  return dirs;
}

/** Install a packaged extension into the given dirs (`code-server --install-extension`). Returns its output. */
export function installExtension(vsixPath: string, dirs: CodeServerDirs, env?: Record<string, string>): Promise<string> {
  const tools = e2eTools();
  const vsix = path.resolve(vsixPath);
  if (!fs.existsSync(vsix)) return Promise.reject(new Error(`no such .vsix: ${vsix}`));
  return new Promise((resolve, reject) => {
    execFile(tools.node24, [tools.codeServerEntry, ...commonArgs(dirs), '--install-extension', vsix, '--force'], { env: codeServerEnv(dirs, env), timeout: 120_000, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      const out = `${stdout}${stderr}`;
      if (err) reject(new Error(`installing ${vsix} failed: ${err.message}\n${out}`));
      else if (!/was successfully installed|is already installed/i.test(out)) {
        reject(new Error(`installing ${vsix}: unexpected output\n${out}`));
      } else resolve(out);
    });
  });
}

/**
 * Package an extension folder into a .vsix with the project's vsce (no dependency bundling:
 * bundle first, e.g. with esbuild). `extraArgs` go to `vsce package`. Returns the .vsix path.
 */
export function packageExtension(extensionDir: string, outFile: string, extraArgs: string[] = []): Promise<string> {
  const vsce = path.join(REPO_ROOT, 'node_modules/.bin/vsce');
  const out = path.resolve(outFile);
  return new Promise((resolve, reject) => {
    const child = execFile(
      vsce,
      ['package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '-o', out, ...extraArgs],
      { cwd: path.resolve(extensionDir), timeout: 120_000, maxBuffer: 16 << 20 },
      (err, stdout, stderr) => {
        if (err || !fs.existsSync(out)) reject(new Error(`vsce package failed: ${err?.message ?? 'no output file'}\n${stdout}${stderr}`));
        else resolve(out);
      },
    );
    child.stdin?.end(); // never wait on a y/N prompt
  });
}

/** Start code-server on a free 127.0.0.1 port with isolated user-data / extensions dirs. */
export async function startCodeServer(opts: CodeServerOptions = {}): Promise<CodeServer> {
  const tools = e2eTools();
  const dirs = makeCodeServerDirs(opts.settings);
  const keep = opts.keepTemp || process.env.E2E_KEEP === '1';
  const removeTemp = () => {
    if (keep) console.error(`[code-server] kept ${dirs.tmpDir}`);
    else fs.rmSync(dirs.tmpDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  };

  try {
    for (const v of ([] as string[]).concat(opts.vsix ?? [])) await installExtension(v, dirs, opts.env);
  } catch (e) {
    removeTemp();
    throw e;
  }

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = '';
  const child: ChildProcess = spawn(
    tools.node24,
    [tools.codeServerEntry, ...commonArgs(dirs), '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened', ...(opts.args ?? [])],
    { env: codeServerEnv(dirs, opts.env), stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  let stopped = false;
  // If the test process ends without stop(), do not leave the server group running.
  const onExit = () => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
    if (!keep) fs.rmSync(dirs.tmpDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  };
  process.once('exit', onExit);

  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', onExit);
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      // code-server was started in its own process group: signal the group (server + extension hosts).
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          /* gone */
        }
      }, 5000);
      await exited;
      clearTimeout(timer);
    }
    removeTemp();
  };

  try {
    await waitUntil(
      async () => {
        if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}:\n${output}`);
        const res = await fetch(`${baseUrl}/healthz`).catch(() => undefined);
        return res?.ok;
      },
      `code-server on ${baseUrl}`,
      opts.startTimeoutMs ?? 60_000,
      200,
    );
  } catch (e) {
    await stop();
    throw new Error(`${(e as Error).message}\n--- code-server output ---\n${output}`);
  }

  return {
    ...dirs,
    port,
    baseUrl,
    folderUrl: (folder: string) => `${baseUrl}/?folder=${encodeURIComponent(path.resolve(folder))}`,
    log: () => output,
    serverLogs: () => collectLogs(path.join(dirs.userDataDir, 'logs')),
    stop,
  };
}

function collectLogs(dir: string): string {
  if (!fs.existsSync(dir)) return '';
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.log')) out.push(`--- ${path.relative(dir, p)}\n${fs.readFileSync(p, 'utf8')}`);
    }
  };
  walk(dir);
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Browser
// ---------------------------------------------------------------------------------------------

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Browser console errors and page errors seen so far. */
  consoleErrors: string[];
  close(): Promise<void>;
}

export interface LaunchOptions {
  viewport?: { width: number; height: number };
  /** Default timeout for playwright actions (ms, default 30 s). */
  timeoutMs?: number;
  /** Print browser console messages (also E2E_VERBOSE=1). */
  verbose?: boolean;
}

/** Launch Debian's Chromium headless with a fresh profile (removed on close). */
export async function launchBrowser(opts: LaunchOptions = {}): Promise<BrowserSession> {
  const tools = e2eTools();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'agentry-chrome-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: tools.chromium,
    headless: true,
    viewport: opts.viewport ?? { width: 1400, height: 900 },
    args: CHROMIUM_ARGS,
    // keep chromium's crash-report / dconf files out of the real home
    env: { ...process.env, XDG_CONFIG_HOME: path.join(profile, 'xdg-config'), XDG_CACHE_HOME: path.join(profile, 'xdg-cache') } as Record<string, string>,
  });
  context.setDefaultTimeout(opts.timeoutMs ?? 30_000);
  // Functions handed to page.evaluate are transpiled by tsx/esbuild, which may wrap named inner
  // functions in a `__name(...)` helper that only exists in Node; give the page a no-op one.
  await context.addInitScript('globalThis.__name = globalThis.__name || ((f) => f);');
  const page = context.pages()[0] ?? (await context.newPage());
  const consoleErrors: string[] = [];
  const verbose = opts.verbose || process.env.E2E_VERBOSE === '1';
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
    if (verbose) console.error(`[browser:${m.type()}] ${m.text()}`);
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  return {
    context,
    page,
    consoleErrors,
    close: async () => {
      await context.close().catch(() => undefined);
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Navigate to the workbench for `folder` and wait until it and the Explorer are rendered. */
export async function openWorkbench(page: Page, cs: CodeServer, folder: string, timeoutMs = 90_000): Promise<void> {
  await page.goto(cs.folderUrl(folder));
  await page.locator('.monaco-workbench').waitFor({ timeout: timeoutMs });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: timeoutMs });
}

// ---------------------------------------------------------------------------------------------
// Editor
// ---------------------------------------------------------------------------------------------

/** The active text editor. */
export function activeEditor(page: Page): Locator {
  return page.locator('.editor-group-container.active .editor-instance .monaco-editor').first();
}

/** The Explorer row whose item is `relPath` (a file, a folder, or the last folder of a compact row). */
function explorerRow(page: Page, relPath: string): Locator {
  // Row labels carry the absolute path in aria-label; a compact row ('.claude / agents') carries the
  // path of its last folder.
  return page
    .locator('.explorer-folders-view .monaco-list-row')
    .filter({ has: page.locator(`.monaco-icon-label[aria-label$=${JSON.stringify(`/${relPath}`)}]`) })
    .first();
}

/** The deepest of `paths` (shallowest first) that has an Explorer row now, with its aria-expanded. */
function deepestExplorerRow(page: Page, paths: string[]): Promise<{ index: number; expanded: string | null } | null> {
  return page.evaluate(
    (suffixes: string[]) => {
      const rows: any[] = Array.from((globalThis as any).document.querySelectorAll('.explorer-folders-view .monaco-list-row'));
      for (let i = suffixes.length - 1; i >= 0; i--) {
        const row = rows.find((r) => (r.querySelector('.monaco-icon-label')?.getAttribute('aria-label') ?? '').endsWith(suffixes[i]));
        if (row) return { index: i, expanded: row.getAttribute('aria-expanded') };
      }
      return null;
    },
    paths.map((p) => `/${p}`),
  );
}

/**
 * Open a file by clicking its Explorer row; `relPath` is relative to the opened folder
 * ('a/b/c.md' expands a and b first). Works with compact folders ('a / b' as one row) and with
 * folders already expanded. Resolves when the editor tab for it is active.
 */
export async function openFileFromExplorer(page: Page, relPath: string, timeoutMs = 30_000): Promise<Locator> {
  const parts = relPath.split(/[\\/]/).filter(Boolean);
  const paths = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
  await waitUntil(
    async () => {
      const found = await deepestExplorerRow(page, paths);
      if (found?.index === paths.length - 1) return true;
      // A collapsed ancestor: expand it, then wait for it to report expanded (or to merge into a
      // compact row, which has no row of its own path any more); its children show on a later poll.
      if (found?.expanded === 'false') {
        await explorerRow(page, paths[found.index]).click({ timeout: 5000 });
        await waitUntil(
          async () => {
            const now = await deepestExplorerRow(page, paths.slice(0, found.index + 1));
            return now?.index !== found.index || now.expanded !== 'false';
          },
          `folder ${paths[found.index]} expanded`,
          timeoutMs,
        );
      }
      return false;
    },
    `Explorer row ${relPath}`,
    timeoutMs,
    100,
  );
  await explorerRow(page, relPath).click();
  const name = parts[parts.length - 1];
  await page.locator(`.editor-group-container.active .tab.active[data-resource-name=${JSON.stringify(name)}]`).waitFor({ timeout: timeoutMs });
  const editor = activeEditor(page);
  await editor.locator('.view-lines').waitFor({ timeout: timeoutMs });
  return editor;
}

export type MarkerSeverity = 'error' | 'warning' | 'info' | 'hint' | 'any';

function squiggleSelector(severity: MarkerSeverity): string {
  const kinds = severity === 'any' ? ['error', 'warning', 'info', 'hint'] : [severity];
  return kinds.map((k) => `.squiggly-${k}`).join(', ');
}

/** Wait until the active editor shows at least `min` squiggles of `severity`; returns the count. */
export async function waitForMarkers(page: Page, severity: MarkerSeverity = 'any', timeoutMs = 30_000, min = 1): Promise<number> {
  const loc = activeEditor(page).locator(squiggleSelector(severity));
  return waitUntil(
    async () => {
      const n = await loc.count();
      return n >= min ? n : undefined;
    },
    `${min} ${severity} squiggle(s)`,
    timeoutMs,
  );
}

/** Number of squiggles of `severity` currently shown in the active editor (no waiting). */
export function countMarkers(page: Page, severity: MarkerSeverity = 'any'): Promise<number> {
  return activeEditor(page).locator(squiggleSelector(severity)).count();
}

/** Give the active editor keyboard focus (keeps the cursor where it is when possible). */
export async function focusEditor(page: Page): Promise<void> {
  const editor = activeEditor(page);
  const hasFocus = () => editor.evaluate((el: any) => el.classList.contains('focused') && el.contains(el.ownerDocument.activeElement));
  if (await hasFocus()) return;
  await editor
    .locator('.native-edit-context, textarea')
    .first()
    .focus()
    .catch(() => undefined);
  const focused = await waitUntil(hasFocus, 'editor focus', 3000).catch(() => false);
  if (focused) return;
  // Fall back to clicking into the text (this moves the cursor).
  await editor.locator('.view-lines').click({ position: { x: 5, y: 5 } });
  await waitUntil(hasFocus, 'editor focus after click', 5000);
}

/** Move the cursor to 1-based `line`/`column` with Go to Line (Ctrl+G "line:column"). */
export async function goToPosition(page: Page, line: number, column = 1): Promise<void> {
  await focusEditor(page);
  await page.keyboard.press('Control+g');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await waitUntil(
    async () => {
      const pos = await cursorPosition(page);
      return pos && pos.line === line && pos.column === column;
    },
    `cursor at ${line}:${column}`,
    10_000,
  );
}

/** The cursor position from the status bar ("Ln 3, Col 7"), or undefined when not shown. */
export async function cursorPosition(page: Page): Promise<{ line: number; column: number } | undefined> {
  const item = page.locator('.statusbar-item[id="status.editor.selection"]').first();
  if (!(await item.count())) return undefined;
  const m = /Ln (\d+), Col (\d+)/.exec(await item.innerText());
  return m ? { line: Number(m[1]), column: Number(m[2]) } : undefined;
}

/** Type text at the cursor of the active editor. */
export async function typeText(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text);
}

/**
 * The rendered lines of the active editor as { line (1-based), text }, in order. Only lines in the
 * viewport are rendered (move the cursor there first); a wrapped line is joined back into one.
 */
export async function editorLines(page: Page): Promise<Array<{ line: number; text: string }>> {
  return activeEditor(page).evaluate((editor: any) => {
    const top = (el: any) => el.getBoundingClientRect().top;
    const numbers = Array.from(editor.querySelectorAll('.margin-view-overlays .line-numbers') as ArrayLike<any>)
      .map((el: any) => ({ line: Number((el.textContent ?? '').trim()), top: top(el) }))
      .filter((n) => n.line > 0)
      .sort((a, b) => a.top - b.top);
    const rows = Array.from(editor.querySelectorAll('.view-lines .view-line') as ArrayLike<any>)
      .map((el: any) => ({ text: (el.textContent ?? '').replace(/\u00a0/g, ' '), top: top(el) }))
      .sort((a, b) => a.top - b.top);
    const out: Array<{ line: number; text: string }> = [];
    for (const row of rows) {
      // the numbered margin row at (or just above) this visual row: wrapped rows have no number
      let owner: { line: number; top: number } | undefined;
      for (const n of numbers) if (n.top <= row.top + 2) owner = n;
      if (!owner) continue;
      const last = out[out.length - 1];
      if (last && last.line === owner.line) last.text += row.text;
      else out.push({ line: owner.line, text: row.text });
    }
    return out;
  });
}

/**
 * The colour (CSS `color`) of each character run of the first rendered line of the active editor
 * that contains `needle`: what the TextMate grammar and semantic tokens made of it.
 */
export async function lineColors(page: Page, needle: string): Promise<Array<{ text: string; color: string }>> {
  return activeEditor(page).evaluate((editor: any, wanted: string) => {
    const line = Array.from(editor.querySelectorAll('.view-lines .view-line') as ArrayLike<any>).find((el: any) => (el.textContent ?? '').replace(/\u00a0/g, ' ').includes(wanted));
    if (!line) return [];
    return Array.from(line.querySelectorAll('span > span') as ArrayLike<any>).map((el: any) => ({
      text: (el.textContent ?? '').replace(/\u00a0/g, ' '),
      color: (globalThis as any).getComputedStyle(el).color as string,
    }));
  }, needle);
}

/** The colour of the run holding the first character of `word` on its line (see lineColors), or undefined. */
export function colorOf(runs: Array<{ text: string; color: string }>, word: string): string | undefined {
  const at = runs
    .map((r) => r.text)
    .join('')
    .indexOf(word);
  if (at < 0) return undefined;
  let offset = 0;
  for (const run of runs) {
    if (at < offset + run.text.length) return run.color;
    offset += run.text.length;
  }
  return undefined;
}

/** The entries Go to Symbol in Editor (Ctrl+Shift+O) lists for the active editor (aria labels); closes the list. */
export async function goToSymbolEntries(page: Page, timeoutMs = 15_000): Promise<string[]> {
  await focusEditor(page);
  await page.keyboard.press('Control+Shift+O');
  const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
  await waitUntil(async () => (await rows.count()) > 0, 'Go to Symbol entries', timeoutMs);
  const seen = new Map<number, string>();
  // a virtualised list: walk it down until every row was rendered once
  for (let i = 0; i < 200; i++) {
    const batch = await rows.evaluateAll((els: any[]) => els.map((el) => [Number(el.getAttribute('data-index')), el.getAttribute('aria-label') ?? ''] as [number, string]));
    const before = seen.size;
    for (const [index, label] of batch) seen.set(index, label);
    const total = Number(await rows.first().getAttribute('aria-setsize'));
    if (seen.size >= total || (seen.size === before && i > 0)) break;
    for (let k = 0; k < batch.length; k++) await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Escape');
  return [...seen.entries()].sort((a, b) => a[0] - b[0]).map(([, label]) => label);
}

/** Wait until line `line` (1-based) of the active editor is rendered and passes `check`; returns its text. */
export async function waitForEditorLine(page: Page, line: number, check: string | RegExp | ((text: string) => boolean), timeoutMs = 15_000): Promise<string> {
  const test = typeof check === 'function' ? check : typeof check === 'string' ? (t: string) => t === check : (t: string) => check.test(t);
  let last: string | undefined;
  try {
    const found = await waitUntil(
      async () => {
        last = (await editorLines(page)).find((l) => l.line === line)?.text;
        return last !== undefined && test(last) ? { text: last } : undefined;
      },
      `editor line ${line} to match ${JSON.stringify(String(check))}`,
      timeoutMs,
    );
    return found.text;
  } catch (e) {
    throw new Error(`${(e as Error).message} (line ${line} is ${last === undefined ? 'not rendered' : JSON.stringify(last)})`);
  }
}

/** Save the active editor (Ctrl+S) and wait until its tab is no longer dirty. */
export async function saveActiveEditor(page: Page, timeoutMs = 15_000): Promise<void> {
  await focusEditor(page);
  await page.keyboard.press('Control+s');
  await waitUntil(async () => (await page.locator('.editor-group-container.active .tab.active.dirty').count()) === 0, 'the active editor to be saved', timeoutMs);
}

/**
 * Focus the editor and press `key` until `target` shows (three tries). A shortcut that lands while
 * focus is still moving (e.g. right after Go to Line) is lost now and then; this is the one retry
 * around that known-flaky gesture.
 */
async function pressInEditorUntilVisible(page: Page, key: string, target: Locator, what: string, timeoutMs: number): Promise<void> {
  const perTry = Math.max(4000, Math.floor(timeoutMs / 3));
  for (let attempt = 1; ; attempt++) {
    await focusEditor(page);
    await page.keyboard.press(key);
    if (
      await target.waitFor({ state: 'visible', timeout: perTry }).then(
        () => true,
        () => false,
      )
    )
      return;
    if (attempt >= 3) throw new Error(`the ${what} did not show after ${attempt} ${key} presses`);
  }
}

export interface CompletionItemView {
  label: string;
  /** Detail text shown on the row (may be empty). */
  detail: string;
  /** The row's aria-label (label plus kind / detail as VS Code reads it out). */
  ariaLabel: string;
}

/**
 * Put the cursor at `line`/`column` (1-based; omit to keep the cursor) and trigger suggestions with
 * Ctrl+Space. Returns the rows the suggest widget renders (it virtualises: about 12 visible rows;
 * pass `all: true` to walk the selection through the whole list). The widget stays open: call
 * dismissWidgets() (Escape) or accept with Enter.
 */
export async function triggerCompletion(page: Page, at?: { line: number; column: number }, opts: { timeoutMs?: number; all?: boolean } = {}): Promise<CompletionItemView[]> {
  const timeoutMs = opts.timeoutMs ?? 20_000;
  if (at) await goToPosition(page, at.line, at.column);
  const widget = page.locator('.editor-widget.suggest-widget.visible');
  await pressInEditorUntilVisible(page, 'Control+Space', widget, 'suggest widget', timeoutMs);
  const rows = widget.locator('.monaco-list-row');
  const message = widget.locator('.message');
  await waitUntil(async () => (await rows.count()) > 0 || ((await message.isVisible().catch(() => false)) && /no suggestions/i.test(await message.innerText().catch(() => ''))), 'suggestions (or a "No suggestions" message)', timeoutMs);
  type Row = CompletionItemView & { index: number; setSize: number };
  const read = (): Promise<Row[]> =>
    rows.evaluateAll((els: any[]) =>
      els.map((el) => ({
        index: Number(el.getAttribute('data-index')),
        setSize: Number(el.getAttribute('aria-setsize') ?? 0),
        label: (el.querySelector('.label-name')?.textContent ?? '').trim(),
        detail: (el.querySelector('.details-label')?.textContent ?? '').trim(),
        ariaLabel: el.getAttribute('aria-label') ?? '',
      })),
    );
  const strip = (r: Row[]): CompletionItemView[] => r.sort((a, b) => a.index - b.index).map(({ label, detail, ariaLabel }) => ({ label, detail, ariaLabel }));
  const first = await read();
  if (!opts.all) return strip(first);
  // Walk the selection down the virtualised list (ArrowDown; PageDown does not page it here) until
  // every index 0..setSize-1 was rendered once. This moves the selection: dismiss afterwards.
  const seen = new Map<number, Row>(first.map((r) => [r.index, r]));
  const total = Math.max(0, ...first.map((r) => r.setSize));
  let focused = 0;
  while (seen.size < total) {
    const before = seen.size;
    const target = Math.min(total - 1, Math.max(...seen.keys()) + Math.max(1, first.length - 1));
    for (; focused < target; focused++) await page.keyboard.press('ArrowDown');
    const grew = await waitUntil(
      async () => {
        for (const r of await read()) seen.set(r.index, r);
        return seen.size > before;
      },
      'more suggestions',
      3000,
    ).catch(() => false);
    if (!grew) break;
  }
  return strip([...seen.values()]);
}

/** With the suggest widget open, move the selection to the row labelled `label` (ArrowDown, wrapping). */
export async function selectSuggestion(page: Page, label: string, timeoutMs = 10_000): Promise<void> {
  const widget = page.locator('.editor-widget.suggest-widget.visible');
  await widget.waitFor({ state: 'visible', timeout: timeoutMs });
  const focused = widget.locator('.monaco-list-row.focused');
  const focusedLabel = async () =>
    (
      (await focused
        .locator('.label-name')
        .first()
        .textContent()
        .catch(() => null)) ?? ''
    ).trim();
  const total = Number((await widget.locator('.monaco-list-row').first().getAttribute('aria-setsize')) ?? 0);
  for (let i = 0; (await focusedLabel()) !== label; i++) {
    if (i >= total) throw new Error(`no suggestion labelled ${JSON.stringify(label)} among ${total}`);
    const before = await focused.getAttribute('data-index').catch(() => null);
    await page.keyboard.press('ArrowDown');
    await waitUntil(async () => (await focused.getAttribute('data-index').catch(() => null)) !== before, 'the suggestion selection to move', timeoutMs);
  }
}

/** selectSuggestion, then accept it with Enter; resolves when the widget has closed. */
export async function acceptSuggestion(page: Page, label: string, timeoutMs = 10_000): Promise<void> {
  await selectSuggestion(page, label, timeoutMs);
  await page.keyboard.press('Enter');
  await page.locator('.editor-widget.suggest-widget.visible').waitFor({ state: 'hidden', timeout: timeoutMs });
}

export interface CodeActionView {
  title: string;
  /** The group header above it (e.g. 'Quick Fix'). */
  group: string;
}

/**
 * Put the cursor at `at` (1-based; omit to keep it), open the Quick Fix menu (Ctrl+.) and return its
 * actions. The menu stays open: pick one with applyCodeAction or close it with dismissWidgets.
 */
export async function codeActions(page: Page, at?: { line: number; column: number }, timeoutMs = 15_000): Promise<CodeActionView[]> {
  if (at) await goToPosition(page, at.line, at.column);
  const rows = page.locator('.action-widget .monaco-list-row');
  await pressInEditorUntilVisible(page, 'Control+.', rows.first(), 'Quick Fix menu', timeoutMs);
  const all = await rows.evaluateAll((els: any[]) => els.map((el) => ({ header: el.classList.contains('group-header'), text: (el.textContent ?? '').trim() })));
  const out: CodeActionView[] = [];
  let group = '';
  for (const r of all) {
    if (r.header) group = r.text;
    else out.push({ title: r.text, group });
  }
  return out;
}

/** With the Quick Fix menu open (see codeActions), apply the action titled `title`. */
export async function chooseCodeAction(page: Page, title: string, timeoutMs = 15_000): Promise<void> {
  const rows = page.locator('.action-widget .monaco-list-row.action');
  const titles = (await rows.allTextContents()).map((t) => t.trim());
  const index = titles.indexOf(title);
  if (index < 0) {
    await dismissWidgets(page);
    throw new Error(`no code action ${JSON.stringify(title)}; offered: ${JSON.stringify(titles)}`);
  }
  await rows.nth(index).click();
  await page.locator('.action-widget .monaco-list-row').first().waitFor({ state: 'hidden', timeout: timeoutMs });
}

/** Open the Quick Fix menu at `at` (see codeActions) and apply the action titled `title`. */
export async function applyCodeAction(page: Page, title: string, at?: { line: number; column: number }, timeoutMs = 15_000): Promise<void> {
  await codeActions(page, at, timeoutMs);
  await chooseCodeAction(page, title, timeoutMs);
}

/** Close the suggest widget / hover / quick input if open. */
export async function dismissWidgets(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
}

/**
 * Hover the mouse over the first occurrence of `text` in the active editor's visible lines
 * (optionally the `occurrence`-th, 0-based; `offset` characters into the match) and return the hover
 * widget's text.
 */
/** The code lenses shown above the lines of the active editor, waiting until at least one is rendered. */
export async function codeLensTexts(page: Page, timeoutMs = 15_000): Promise<string[]> {
  const lenses = activeEditor(page).locator('.codelens-decoration');
  await lenses.first().waitFor({ state: 'visible', timeout: timeoutMs });
  return (await lenses.allTextContents()).map((t) => t.replace(/\u00a0/g, ' ').trim());
}

export async function hoverText(page: Page, text: string, opts: { occurrence?: number; offset?: number; timeoutMs?: number; until?: RegExp } = {}): Promise<string> {
  const editor = activeEditor(page);
  const box = await editor.locator('.view-lines').evaluate(
    (root: any, arg: { text: string; occurrence: number; offset: number }) => {
      // Lines in DOM order are not sorted by line number; sort by their vertical position.
      const lines = Array.from(root.querySelectorAll('.view-line') as ArrayLike<any>).sort((a: any, b: any) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
      let seen = 0;
      for (const line of lines) {
        const full: string = (line.textContent ?? '').replace(/\u00a0/g, ' '); // spaces render as nbsp
        let idx = full.indexOf(arg.text);
        while (idx >= 0) {
          if (seen++ === arg.occurrence) {
            const target = idx + Math.min(arg.offset, Math.max(arg.text.length - 1, 0));
            // find the text node holding character `target`
            const walker = line.ownerDocument.createTreeWalker(line, 4 /* NodeFilter.SHOW_TEXT */);
            let pos = 0;
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              const len = n.textContent.length;
              if (target < pos + len) {
                const range = line.ownerDocument.createRange();
                range.setStart(n, target - pos);
                range.setEnd(n, target - pos + 1);
                const r = range.getBoundingClientRect();
                return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
              }
              pos += len;
            }
          }
          idx = full.indexOf(arg.text, idx + 1);
        }
      }
      return null;
    },
    { text, occurrence: opts.occurrence ?? 0, offset: opts.offset ?? 0 },
  );
  if (!box) throw new Error(`text ${JSON.stringify(text)} is not on a visible line of the active editor`);
  const timeoutMs = opts.timeoutMs ?? 20_000;
  const hover = page.locator('.monaco-editor .monaco-hover:not(.hidden) .monaco-hover-content, .monaco-editor .monaco-hover:not(.hidden) .hover-contents').first();
  const perTry = Math.max(5000, Math.floor(timeoutMs / 3));
  for (let attempt = 1; ; attempt++) {
    // Move away first so a hover for the same spot is triggered afresh.
    await page.mouse.move(1, 1);
    await page.mouse.move(box.x, box.y, { steps: 3 });
    const shown = await hover.waitFor({ state: 'visible', timeout: perTry }).then(
      () => true,
      () => false,
    );
    if (shown) break;
    if (attempt >= 3) throw new Error(`no hover over ${JSON.stringify(text)} after ${attempt} tries`);
  }
  // With `until`, every part of the hover (each provider's, VS Code's own too, which may come first).
  const parts = page.locator('.monaco-editor .monaco-hover:not(.hidden) .hover-contents, .monaco-editor .monaco-hover:not(.hidden) .monaco-hover-content');
  const content = async () => (opts.until ? (await parts.allInnerTexts()).join('\n') : await hover.innerText()).trim();
  await waitUntil(
    async () => {
      const t = await content();
      return t.length > 0 && !/^Loading\.\.\.$/.test(t) && (!opts.until || opts.until.test(t));
    },
    opts.until ? `hover content matching ${opts.until}` : 'hover content',
    timeoutMs,
  );
  return content();
}

/** Waits for a status bar entry holding `text` (a window.setStatusBarMessage lasts a few seconds). */
export async function waitForStatusBarText(page: Page, text: string, timeoutMs = 10_000): Promise<string> {
  const item = page.locator('.part.statusbar .statusbar-item').filter({ hasText: text }).first();
  await item.waitFor({ state: 'visible', timeout: timeoutMs });
  return (await item.innerText()).trim();
}

/**
 * Writes the workspace settings (`<folder>/.vscode/settings.json`; `{}` removes the file) and
 * returns once VS Code has applied them: `editor.lineNumbers: "off"` goes in with them first, and
 * the active editor's gutter losing its numbers (then getting them back without it) tells that it has.
 */
export async function setWorkspaceSettings(page: Page, folder: string, settings: Record<string, unknown>, timeoutMs = 15_000): Promise<void> {
  const dir = path.join(folder, '.vscode');
  const file = path.join(dir, 'settings.json');
  fs.mkdirSync(dir, { recursive: true });
  const numbers = () => activeEditor(page).locator('.line-numbers').count();
  fs.writeFileSync(file, JSON.stringify({ ...settings, 'editor.lineNumbers': 'off' }, null, 2));
  await waitUntil(async () => ((await numbers()) === 0 ? true : undefined), 'the workspace settings in force (no line numbers)', timeoutMs, 200);
  if (Object.keys(settings).length) fs.writeFileSync(file, JSON.stringify(settings, null, 2));
  else fs.rmSync(dir, { recursive: true, force: true });
  await waitUntil(async () => ((await numbers()) > 0 ? true : undefined), 'line numbers back', timeoutMs, 200);
}

/** Click the link whose text is `text` in the hover shown (hoverText first). */
export async function clickHoverLink(page: Page, text: string, timeoutMs = 10_000): Promise<void> {
  const link = page.locator('.monaco-editor .monaco-hover:not(.hidden) a').filter({ hasText: text }).first();
  await link.waitFor({ state: 'visible', timeout: timeoutMs });
  await link.click();
}

// ---------------------------------------------------------------------------------------------
// Workbench
// ---------------------------------------------------------------------------------------------

/**
 * Run a command from the command palette by its title as shown there (e.g. 'View: Toggle Word Wrap').
 * Picks the row whose label equals `title` (or contains it with `{ exact: false }`); with
 * `{ opensInput: true }` it does not wait for the palette to close (the command shows an input box).
 */
export async function runCommand(page: Page, title: string, opts: { exact?: boolean; timeoutMs?: number; opensInput?: boolean } = {}): Promise<void> {
  const timeout = opts.timeoutMs ?? 20_000;
  const widget = page.locator('.quick-input-widget');
  const input = widget.locator('input');
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const shown = await input.waitFor({ state: 'visible', timeout: 5000 }).then(
      () => true,
      () => false,
    );
    if (shown) break;
    if (attempt >= 3) throw new Error('the command palette did not open (F1)');
  }
  await input.fill(`>${title}`);
  // Palette rows are labelled "<title>" or "<title>, <keybinding / recently used>".
  const exact = opts.exact ?? true;
  const q = (v: string) => JSON.stringify(v);
  const row = widget.locator(exact ? `.monaco-list-row[aria-label=${q(title)}], .monaco-list-row[aria-label^=${q(`${title}, `)}]` : `.monaco-list-row[aria-label*=${q(title)} i]`).first();
  await row.waitFor({ state: 'visible', timeout });
  await row.click();
  // A command that asks for input reuses the widget: the caller waits for its prompt.
  if (!opts.opensInput) await widget.waitFor({ state: 'hidden', timeout });
}

export interface ProblemRow {
  severity: 'error' | 'warning' | 'info' | 'unknown';
  message: string;
  /** "source" and "code" as shown (e.g. 'agentry', 'unknown-field'); empty when none. */
  source: string;
  code: string;
  /** 1-based, from "[Ln X, Col Y]". */
  line?: number;
  column?: number;
  /** The file row this marker sits under: its name and full path. */
  file: string;
  filePath: string;
  ariaLabel: string;
}

/** Open the Problems panel (View: Focus Problems) and wait for it. */
export async function openProblemsPanel(page: Page): Promise<Locator> {
  await runCommand(page, 'Problems: Focus on Problems View');
  const panel = page.locator('.markers-panel');
  await panel.waitFor({ state: 'visible' });
  return panel;
}

interface RawProblemRow {
  index: number;
  level: string | null;
  fileName: string;
  fileLabel: string;
  iconClass: string;
  hasIcon: boolean;
  line: string;
  message: string;
  source: string;
  code: string;
  text: string;
  ariaLabel: string;
}

/** The Problems panel rows rendered right now, keyed by their list index. */
function renderedProblemRows(panel: Locator): Promise<RawProblemRow[]> {
  // rows of the list itself, not the copies a sticky-scroll header shows above it
  return panel.locator('.monaco-list-rows > .monaco-list-row').evaluateAll((els: any[]) =>
    els.map((el) => {
      const text = (sel: string) => (el.querySelector(sel)?.textContent ?? '').trim();
      const icon = el.querySelector('.marker-icon');
      return {
        index: Number(el.getAttribute('data-index')),
        level: el.getAttribute('aria-level'),
        fileName: text('.label-name'),
        fileLabel: el.querySelector('.monaco-icon-label')?.getAttribute('aria-label') ?? '',
        iconClass: icon ? String(icon.className) : '',
        hasIcon: Boolean(icon),
        line: text('.marker-line'),
        message: text('.marker-message') || text('.marker-message-line'),
        source: text('.marker-source'),
        code: text('.marker-code'),
        text: el.textContent ?? '',
        ariaLabel: el.getAttribute('aria-label') ?? '',
      };
    }),
  );
}

/** Scroll geometry of the Problems list: content height, viewport height, scroll offset. */
function problemListGeometry(panel: Locator): Promise<{ content: number; viewport: number; top: number } | undefined> {
  return panel
    .locator('.monaco-list-rows')
    .first()
    .evaluate((rows: any) => {
      const viewport = rows.parentElement?.getBoundingClientRect().height ?? 0;
      return { content: rows.getBoundingClientRect().height, viewport, top: -parseFloat(rows.style.top || '0') };
    })
    .catch(() => undefined);
}

/**
 * Turn the mouse wheel over the Problems list once (the list moves by at most about 50 px a notch,
 * less than a page, so no row is skipped) and wait until it has moved. Returns the new geometry, or
 * undefined when the list is already at that end.
 */
async function wheelProblems(page: Page, panel: Locator, down: boolean) {
  const before = await problemListGeometry(panel);
  if (!before || (down ? before.top + before.viewport >= before.content - 1 : before.top <= 0)) return undefined;
  await panel.locator('.monaco-list').first().hover();
  await page.mouse.wheel(0, down ? 100 : -100);
  return waitUntil(
    async () => {
      const g = await problemListGeometry(panel);
      return g && g.top !== before.top ? g : undefined;
    },
    `the Problems list to scroll ${down ? 'down' : 'up'}`,
    5000,
  );
}

/** Every row of the Problems list: scrolls through the virtualised list when it is taller than the panel. */
async function allProblemRows(page: Page, panel: Locator): Promise<RawProblemRow[]> {
  const seen = new Map<number, RawProblemRow>();
  const add = async () => {
    for (const r of await renderedProblemRows(panel)) seen.set(r.index, r);
  };
  while (await wheelProblems(page, panel, false)) {
    /* to the top */
  }
  await add();
  let scrolled = false;
  while (await wheelProblems(page, panel, true)) {
    scrolled = true;
    await add();
  }
  if (scrolled)
    while (await wheelProblems(page, panel, false)) {
      /* back to the top, as a user would find it */
    }
  return [...seen.values()].sort((a, b) => a.index - b.index);
}

/**
 * Read the Problems panel's rows (opens it first), all of them (it scrolls through the list).
 * Waits until at least `min` marker rows are shown (default 0: returns what is there once the panel is rendered).
 */
export async function readProblems(page: Page, opts: { min?: number; timeoutMs?: number } = {}): Promise<ProblemRow[]> {
  const panel = await openProblemsPanel(page);
  const min = opts.min ?? 0;
  const read = async (): Promise<ProblemRow[]> => {
    let file = '';
    let filePath = '';
    const out: ProblemRow[] = [];
    for (const r of await allProblemRows(page, panel)) {
      if (r.level === '1') {
        file = r.fileName;
        filePath = r.fileLabel;
        continue;
      }
      if (!r.hasIcon) continue; // related-information rows
      const severity = /error/.test(r.iconClass) ? 'error' : /warning/.test(r.iconClass) ? 'warning' : /info/.test(r.iconClass) ? 'info' : 'unknown';
      const lineCol = /\[Ln (\d+), Col (\d+)\]/.exec(r.line || r.text);
      out.push({
        severity,
        message: r.message,
        source: r.source.replace(/^\(|\)$/g, ''),
        code: r.code,
        line: lineCol ? Number(lineCol[1]) : undefined,
        column: lineCol ? Number(lineCol[2]) : undefined,
        file,
        filePath,
        ariaLabel: r.ariaLabel,
      });
    }
    return out;
  };
  return waitUntil(
    async () => {
      const rows = await read();
      return rows.length >= min ? rows : undefined;
    },
    `${min} row(s) in the Problems panel`,
    opts.timeoutMs ?? 30_000,
  );
}

/** Text of the visible notification toasts. */
export async function notifications(page: Page): Promise<string[]> {
  return page.locator('.notifications-toasts .notification-toast .notification-list-item-message').allInnerTexts();
}

/** Wait for a notification toast whose text matches `pattern`; returns its text. */
export async function waitForNotification(page: Page, pattern: RegExp | string, timeoutMs = 30_000): Promise<string> {
  const re = typeof pattern === 'string' ? new RegExp(escapeRegExp(pattern)) : pattern;
  return waitUntil(async () => (await notifications(page)).find((t) => re.test(t)), `notification ${re}`, timeoutMs);
}

/** Screenshot of the page into <repo>/test-results/<name>.png (E2E_RESULTS_DIR overrides); returns the path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = path.resolve(process.env.E2E_RESULTS_DIR ?? path.join(REPO_ROOT, 'test-results'));
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path: file });
  return file;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
