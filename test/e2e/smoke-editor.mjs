// Smoke test of the real-editor test infrastructure (not of Agentry itself):
//   code-server: install a tiny fixture .vsix, open a folder in Chromium, open a Markdown file from
//   the Explorer, see the extension's squiggles, Problems rows, completion, hover and command run,
//   take screenshots into test-results/;
//   Neovim: headless LSP client against a stub stdio server, diagnostics + hover + completion.
//
// Usage: bash scripts/install-e2e-tools.sh && node test/e2e/smoke-editor.mjs [--only=code-server|nvim]
// Env: E2E_KEEP=1 keeps temp folders, E2E_VERBOSE=1 prints browser console.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The helpers are TypeScript: load tsx unless this already runs under `node --import tsx`.
if (!process.execArgv.some((a) => a.includes('tsx'))) await import('tsx');
// (they compile as CommonJS while the package has no "type": "module": take module.exports)
const load = async (p) => {
  const m = await import(p);
  return m.default ?? m;
};
const cs = await load('./lib/code-server.ts');
const { runNvimLsp } = await load('./lib/nvim.ts');
const { Steps, assert, secs } = await load('./lib/steps.ts');

const here = path.dirname(fileURLToPath(import.meta.url));
const only = (process.argv.find((a) => a.startsWith('--only=')) ?? '').slice('--only='.length);
const steps = new Steps('smoke-editor');
const step = (name, fn) => steps.step(name, fn);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'agentry-smoke-'));

async function codeServerSmoke() {
  const ws = path.join(tmp, 'ws');
  fs.mkdirSync(path.join(ws, 'docs'), { recursive: true });
  fs.writeFileSync(path.join(ws, 'docs/notes.md'), ['# Smoke notes', '', 'TODO: replace this line.', 'FIXME later.', '', 'alpha beta gamma', '', ''].join('\n'));
  const vsix = path.join(tmp, 'agentry-e2e-smoke.vsix');
  let server;
  let ui;
  try {
    if (
      !(await step('package fixture extension (vsce)', async () => {
        await cs.packageExtension(path.join(here, 'fixtures/smoke-extension'), vsix);
        return path.basename(vsix);
      }))
    )
      return;
    if (
      !(await step('start code-server with the .vsix installed', async () => {
        server = await cs.startCodeServer({ vsix });
        return server.baseUrl;
      }))
    )
      return;
    if (
      !(await step('launch chromium and load the workbench', async () => {
        ui = await cs.launchBrowser();
        await cs.openWorkbench(ui.page, server, ws);
      }))
    )
      return;
    const page = ui.page;
    if (
      !(await step('open docs/notes.md from the Explorer + screenshot', async () => {
        await cs.openFileFromExplorer(page, 'docs/notes.md');
        return cs.screenshot(page, 'smoke-editor-open');
      }))
    )
      return;
    await step('error + warning squiggles from the extension', async () => {
      const errors = await cs.waitForMarkers(page, 'error');
      const warnings = await cs.waitForMarkers(page, 'warning');
      return `${errors} error, ${warnings} warning`;
    });
    await step('Problems panel rows', async () => {
      const rows = await cs.readProblems(page, { min: 2 });
      const codes = rows.map((r) => `${r.severity}:${r.code}@${r.line}:${r.column}`).sort();
      assert(JSON.stringify(codes) === JSON.stringify(['error:smoke-todo@3:1', 'warning:smoke-fixme@4:1']), `unexpected problems ${JSON.stringify(rows, null, 1)}`);
      assert(
        rows.every((r) => r.file === 'notes.md' && r.source === 'agentry-smoke'),
        `file/source: ${JSON.stringify(rows)}`,
      );
      return codes.join(', ');
    });
    await step('completion at 7:1 (Ctrl+Space)', async () => {
      const items = await cs.triggerCompletion(page, { line: 7, column: 1 });
      await cs.dismissWidgets(page);
      const labels = items.map((i) => i.label);
      assert(labels.includes('smoke-alpha') && labels.includes('smoke-beta'), `labels: ${labels}`);
      return labels.join(', ');
    });
    await step('hover over "gamma"', async () => {
      const text = await cs.hoverText(page, 'gamma');
      assert(text.includes('smoke hover: gamma'), `hover text: ${text}`);
      return JSON.stringify(text);
    });
    await step('command palette: "Agentry Smoke: Hello"', async () => {
      await cs.runCommand(page, 'Agentry Smoke: Hello');
      return cs.waitForNotification(page, /hello from the extension host/);
    });
    await step('final screenshot', () => cs.screenshot(page, 'smoke-editor-final'));
  } finally {
    if (ui && steps.failed) {
      await cs.screenshot(ui.page, 'smoke-editor-failure').catch(() => undefined);
      console.log('browser console errors:', ui.consoleErrors.slice(-5));
    }
    if (server && steps.failed) console.log('--- code-server output (tail) ---\n' + server.log().slice(-3000));
    const s = Date.now();
    await ui?.close();
    await server?.stop();
    console.log(`     (shutdown ${secs(Date.now() - s)})`);
  }
}

async function nvimSmoke() {
  const dir = path.join(tmp, 'nvim');
  fs.mkdirSync(dir, { recursive: true });
  const dirty = path.join(dir, 'dirty.md');
  const clean = path.join(dir, 'clean.md');
  fs.writeFileSync(dirty, '# Title\n\nsome TODO here\n');
  fs.writeFileSync(clean, '# Title\n\nnothing to see\n');
  const cmd = [process.execPath, path.join(here, 'fixtures/stub-lsp-server.mjs'), '--stdio'];
  await step('nvim: diagnostics, hover and completion from a stdio server', async () => {
    const res = await runNvimLsp({
      cmd,
      file: dirty,
      filetype: 'markdown',
      requests: [
        { method: 'textDocument/hover', line: 2, character: 6 },
        { method: 'textDocument/completion', line: 2, character: 0 },
      ],
    });
    assert(res.ok, `not ok: ${JSON.stringify(res)}`);
    const d = res.diagnostics ?? [];
    assert(d.length === 1 && d[0].code === 'stub-todo' && d[0].range.start.line === 2 && d[0].range.start.character === 5, `diagnostics: ${JSON.stringify(d)}`);
    const hover = res.responses[0]?.result;
    assert(hover?.contents?.value === 'stub hover at 2:6', `hover: ${JSON.stringify(res.responses[0])}`);
    const completion = res.responses[1]?.result;
    const labels = (Array.isArray(completion) ? completion : (completion?.items ?? [])).map((i) => i.label);
    assert(labels.join() === 'alpha-item,beta-item', `completion: ${JSON.stringify(res.responses[1])}`);
    return `${d.length} diagnostic, hover + ${labels.length} completions in ${secs(res.elapsedMs)}`;
  });
  await step('nvim: clean file publishes no diagnostics (waitFor any)', async () => {
    const res = await runNvimLsp({ cmd, file: clean, filetype: 'markdown', waitFor: 'any' });
    assert(res.ok && Array.isArray(res.diagnostics) && res.diagnostics.length === 0, JSON.stringify(res));
    return `${res.publishes} publish(es) in ${secs(res.elapsedMs)}`;
  });
}

try {
  if (await step('e2e tools installed', () => cs.e2eTools().toolsDir)) {
    if (!only || only === 'code-server') await codeServerSmoke();
    if (!only || only === 'nvim') await nvimSmoke();
  }
} finally {
  if (process.env.E2E_KEEP === '1') console.log('kept', tmp);
  else fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(steps.finish());
