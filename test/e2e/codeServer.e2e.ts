// End-to-end test of the packaged extension in a real VS Code (code-server's web workbench, driven
// in Chromium): build dist/, package the .vsix, install it into code-server, open a copy of
// examples/ and act through the UI as a user would.
//
//   api-tester.md         squiggles; Problems panel rows (code, line, column, source); completion of
//                         a tool name after `, ` in tools: (accepted); Quick Fix `Reed` -> `Read`;
//                         Agentry: Fix All in File; save, and the file on disk has every edit
//                         no snippets after `color: ` (snippets only where a section can start)
//                         and the status bar's "applied 1 fix"; Disable `unknown-model` for this
//                         line; completion of codes in the comment; fixes on save (codeActionsOnSave)
//   backend-developer.md  `Rule 5` coloured (semantic tokens); hover over `Rule 5` shows the rule's
//                         title and its `line N` link moves the cursor there; Create agent
//                         `security-auditor` (the name then resolves); the `agent-rule` snippet
//                         (from the server) inserts the missing Rule 4 and the rule diagnostics go away; save; an agent of the
//                         same name written to disk (and deleted) outside the editor shows (and clears)
//                         duplicate-agent-name; rename (F2) next to a same-named agent renames this
//                         one only and offers to rename the file
//   releaser.md           (fixtures/skills) completion in `skills:` offers the project's skill with
//                         its description (accepted); go to definition (F12) opens its SKILL.md;
//                         completion of the hook events under `hooks:`, each once next to VS Code's
//                         own (Agentry's PreModelSwitch accepted)
//   README.md, docs/agents/overview.md  (fixtures/not-agents, Markdown with frontmatter that is not an
//                         agent): no Agentry colours, snippets or completions, and no Agentry problems
//                         after Agentry: Lint All Agent Files
//   Settings UI           every Agentry setting edited in place (severity, required sections)
//   .agentry.json         a wrong entry: one warning per version, with Open
//
// Usage: bash scripts/install-e2e-tools.sh && node --import tsx test/e2e/codeServer.e2e.ts
// Env: E2E_VSIX=file.vsix    test that package instead of building one
//      E2E_UPDATE_SCREENSHOTS=1  copy the README screenshots into docs/screenshots/ after a pass
//      E2E_KEEP=1, E2E_VERBOSE=1, E2E_RESULTS_DIR, AGENTRY_TOOLS: see test/e2e/README.md
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import * as cs from './lib/code-server';
import { assert, secs, Steps } from './lib/steps';
import { buildDist, REPO_ROOT } from './lib/tools';
import { keyDescription } from '../../server/src/service/schema/frontmatterSchema';
import { ALL_CODES } from '../../server/src/service/diagnostics/codes';
import { agentSkeleton } from '../../server/src/service/text/agentSkeleton';

const AGENTS = '.claude/agents';
/** Screenshots (test-results/<name>.png) that the README shows, copied by E2E_UPDATE_SCREENSHOTS=1. */
const README_SCREENSHOTS = ['code-server-problems', 'code-server-completion', 'code-server-hover'];

const steps = new Steps('code-server e2e');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'agentry-e2e-cs-'));
const workspace = path.join(tmp, 'examples');
const shots = new Map<string, string>();

/** 1-based line and column of the `occurrence`-th `needle` in `text`. */
function find(text: string, needle: string, occurrence = 0): { line: number; column: number } {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${JSON.stringify(needle)} (#${occurrence}) is not in the example`);
  }
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

const lineText = (text: string, line: number) => text.split('\n')[line - 1];
const agentFile = (name: string) => path.join(workspace, AGENTS, name);

async function shot(page: Page, name: string): Promise<string> {
  const file = await cs.screenshot(page, name);
  shots.set(name, file);
  return file;
}

/**
 * Agentry's Problems rows of one file, once `until` holds for them (the panel updates
 * asynchronously). VS Code's own checks of `.claude/agents` files (no source) are left out.
 */
async function problemsOf(page: Page, file: string, until: (rows: cs.ProblemRow[]) => boolean, what: string): Promise<cs.ProblemRow[]> {
  let all: cs.ProblemRow[] = [];
  try {
    return await cs.waitUntil(
      async () => {
        all = await cs.readProblems(page);
        const mine = all.filter((r) => r.file === file && r.source === 'agentry');
        return until(mine) ? mine : undefined;
      },
      what,
      30_000,
      250,
    );
  } catch (e) {
    throw new Error(`${(e as Error).message}\nProblems panel:\n${all.map((r) => `${r.file}: ${brief(r)}`).join('\n')}`);
  }
}

const brief = (r: cs.ProblemRow) => `${r.severity} ${r.code}@${r.line}:${r.column} (${r.source}) ${r.message}`;
const codesOf = (rows: cs.ProblemRow[]) => new Set(rows.map((r) => r.code));

/**
 * The files .vscodeignore ships, when it is an allowlist (`**` then `!path` / `!dir/**` lines), else
 * undefined. vsce walks the whole folder before it applies .vscodeignore (several seconds with .tools/
 * installed), so the test packages a copy of just these files: the same .vsix, faster.
 */
function allowlistedFiles(root: string): string[] | undefined {
  const lines = fs
    .readFileSync(path.join(root, '.vscodeignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  if (lines[0] !== '**' || !lines.slice(1).every((l) => /^![\w./-]+(\/\*\*)?$/.test(l))) return undefined;
  return ['.vscodeignore', ...lines.slice(1).map((l) => l.slice(1).replace(/\/\*\*$/, ''))];
}

async function buildVsix(): Promise<string> {
  if (process.env.E2E_VSIX) return path.resolve(process.env.E2E_VSIX);
  buildDist();
  const { version } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const files = allowlistedFiles(REPO_ROOT);
  let from = REPO_ROOT;
  if (files) {
    from = path.join(tmp, 'package');
    for (const f of files) fs.cpSync(path.join(REPO_ROOT, f), path.join(from, f), { recursive: true });
  }
  return cs.packageExtension(from, path.join(tmp, `agentry-${version}.vsix`));
}

async function main(): Promise<number> {
  let server: cs.CodeServer | undefined;
  let ui: cs.BrowserSession | undefined;
  let vsix = '';
  try {
    if (!(await steps.step('e2e tools installed', () => cs.e2eTools().toolsDir))) return steps.finish();
    if (
      !(await steps.step('build dist/ and package the .vsix', async () => {
        vsix = await buildVsix();
        return `${path.basename(vsix)}, ${(fs.statSync(vsix).size / 1024).toFixed(0)} KiB`;
      }))
    )
      return steps.finish();
    if (
      !(await steps.step('start code-server with the .vsix installed', async () => {
        fs.cpSync(path.join(REPO_ROOT, 'examples'), workspace, { recursive: true });
        fs.cpSync(path.join(REPO_ROOT, 'test/e2e/fixtures/not-agents'), workspace, { recursive: true });
        fs.cpSync(path.join(REPO_ROOT, 'test/e2e/fixtures/skills'), workspace, { recursive: true });
        server = await cs.startCodeServer({ vsix });
        return server.baseUrl;
      }))
    )
      return steps.finish();
    if (
      !(await steps.step('open a copy of examples/ in the workbench', async () => {
        ui = await cs.launchBrowser({ viewport: { width: 1280, height: 800 } });
        await cs.openWorkbench(ui.page, server!, workspace);
      }))
    )
      return steps.finish();
    const page = ui!.page;
    await apiTester(page);
    await backendDeveloper(page);
    await skills(page);
    await notAgents(page);
    await newAgent(page);
    await lintAll(page);
    await steps.step('no error notification from the extension', async () => {
      const errors = (await cs.notifications(page)).filter((t) => /agentry/i.test(t));
      assert(errors.length === 0, `notifications: ${JSON.stringify(errors)}`);
    });
    await settingsUi(page);
    await configSchema(page);
    await configProblems(page);
  } finally {
    if (ui && steps.failed) {
      await cs.screenshot(ui.page, 'code-server-failure').catch(() => undefined);
      console.log('browser console errors (last 5):', ui.consoleErrors.slice(-5));
    }
    if (server && steps.failed) {
      console.log(`--- code-server output (tail) ---\n${server.log().slice(-2000)}`);
      const agentryLog = server
        .serverLogs()
        .split('\n')
        .filter((l) => /agentry/i.test(l))
        .slice(-30);
      console.log(`--- extension host log lines about Agentry ---\n${agentryLog.join('\n')}`);
    }
    const s = Date.now();
    await ui?.close();
    await server?.stop();
    console.log(`     (shutdown ${secs(Date.now() - s)})`);
    if (process.env.E2E_KEEP === '1') console.log('kept', tmp);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
  if (!steps.failed && process.env.E2E_UPDATE_SCREENSHOTS === '1') {
    const dir = path.join(REPO_ROOT, 'docs/screenshots');
    fs.mkdirSync(dir, { recursive: true });
    for (const name of README_SCREENSHOTS) fs.copyFileSync(shots.get(name)!, path.join(dir, `${name}.png`));
    console.log(`copied ${README_SCREENSHOTS.length} screenshots to ${path.relative(REPO_ROOT, dir)}/`);
  }
  return steps.finish();
}

/** The Settings UI edits every Agentry setting in place: none is "Edit in settings.json". */
async function settingsUi(page: Page): Promise<void> {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const keys = Object.keys(manifest.contributes.configuration.properties as Record<string, unknown>);
  await steps.step('Settings UI: searching `agentry` shows every Agentry setting with a control of its own (severities as a key/value list, required sections as a list)', async () => {
    await cs.runCommand(page, 'Preferences: Open Settings (UI)');
    const editor = page.locator('.settings-editor');
    await editor.waitFor({ timeout: 15_000 });
    const search = editor.locator('.settings-header .suggest-input-container .monaco-editor').first();
    // The key is on the row's contents; the kind of control (setting-item-list, -bool, -complex …) on the row.
    const row = (key: string) =>
      editor
        .locator('.setting-item')
        .filter({ has: page.locator(`.setting-item-contents[data-key="${key}"]`) })
        .first();
    const find = async (query: string, key: string) => {
      await search.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.type(query);
      await row(key).waitFor({ timeout: 15_000 });
      return row(key);
    };
    await find('agentry', 'agentry.enable');
    const shown = await editor.locator('.setting-item-contents[data-key^="agentry."]').count();
    assert(shown > 0, 'no Agentry setting listed');
    const kinds: string[] = [];
    for (const key of keys) {
      const item = await find(`@id:${key}`, key);
      const cls = (await item.getAttribute('class')) ?? '';
      assert(!cls.includes('setting-item-complex'), `${key} is "Edit in settings.json" only`);
      kinds.push(`${key.slice('agentry.'.length)}: ${/setting-item-(bool|enum|list|text|number)/.exec(cls)?.[1] ?? cls}`);
    }
    const sections = await find('@id:agentry.requiredSections', 'agentry.requiredSections');
    assert((await sections.locator('.setting-list-widget').count()) === 1 && (await sections.locator('.setting-list-object-widget').count()) === 0, 'agentry.requiredSections has no list of strings');
    const severity = await find('@id:agentry.severity', 'agentry.severity');
    assert((await severity.locator('.setting-list-object-widget').count()) === 1, 'agentry.severity has no key/value list');
    // Add Item: a code (key) and a level (value) to pick from lists.
    await severity.getByRole('button', { name: 'Add Item' }).click();
    const key = severity.locator('.setting-list-object-input-key');
    await key.waitFor({ timeout: 10_000 });
    const firstCode = (await key.innerText()).trim().split('\n')[0];
    assert(firstCode === ALL_CODES[0], `the new item's code: ${JSON.stringify(firstCode)}`);
    assert((await severity.locator('.setting-list-object-input-value.select-container').count()) === 1, 'no list of levels');
    await shot(page, 'code-server-settings');
    await severity.locator('.setting-list-cancel-button').click();
    await page.keyboard.press('Escape');
    if (await editor.isVisible()) await cs.runCommand(page, 'View: Close Editor');
    await editor.waitFor({ state: 'hidden', timeout: 10_000 });
    return `${shown} listed for "agentry"; ${kinds.join(', ')}`;
  });
}

/**
 * VS Code's own JSON support checks `.agentry.json` with the schema the extension contributes
 * (jsonValidation). Last, and in a folder of its own with no agent: a wrong config changes no other step.
 */
async function configSchema(page: Page): Promise<void> {
  await steps.step('.agentry.json: VS Code checks it with the contributed schema', async () => {
    const folder = 'config-schema-check';
    fs.mkdirSync(path.join(workspace, folder));
    fs.writeFileSync(path.join(workspace, folder, '.agentry.json'), '{\n  "severity": { "unknown-key": "loud" },\n  "sevrity": {}\n}\n');
    await cs.openFileFromExplorer(page, `${folder}/.agentry.json`);
    // Valid JSON: only the schema can put these two warnings there.
    const squiggles = await cs.waitForMarkers(page, 'warning', 30_000, 2);
    const loud = await cs.hoverText(page, 'loud');
    assert(/Value is not accepted/.test(loud) && /information/.test(loud), () => `hover over "loud": ${loud}`);
    const misspelt = await cs.hoverText(page, 'sevrity', { offset: 2 });
    assert(/sevrity is not allowed/.test(misspelt), () => `hover over "sevrity": ${misspelt}`);
    const key = await cs.hoverText(page, 'unknown-key', { offset: 2 });
    assert(key.includes('Default: information'), () => `hover over "unknown-key" (its description from the schema): ${key}`);
    await cs.dismissWidgets(page);
    return `${squiggles} warnings; hovers: ${JSON.stringify(misspelt.split('\n')[0])}, ${JSON.stringify(key.split('\n')[0])}`;
  });
}

/** A wrong entry in the workspace's `.agentry.json`: one warning per version of the file, whose Open action shows it. */
async function configProblems(page: Page): Promise<void> {
  const file = path.join(workspace, '.agentry.json');
  const original = fs.readFileSync(file, 'utf8');
  const config = JSON.parse(original) as Record<string, unknown>;
  const toasts = () => cs.notifications(page);
  await steps.step('.agentry.json with a wrong severity: one warning "Agentry: .agentry.json has 1 problem: …" whose Open shows the file, not repeated for the same text', async () => {
    try {
      const wrong = JSON.stringify({ ...config, severity: { 'unknown-key': 'of' } }, null, 2);
      fs.writeFileSync(file, wrong);
      const message = await cs.waitForNotification(page, 'Agentry: .agentry.json has 1 problem');
      assert(message.includes('`severity.unknown-key`: "of" is not one of error, warning, information, hint, off; ignored'), `notification: ${message}`);
      await shot(page, 'code-server-config-problem');
      const toast = page.locator('.notifications-toasts .notification-toast').filter({ hasText: 'Agentry: .agentry.json has 1 problem' }).first();
      await toast.getByRole('button', { name: 'Open' }).click();
      await page.locator('.editor-group-container.active .tab.active[data-resource-name=".agentry.json"]').waitFor({ timeout: 15_000 });
      // The same text again, then another version: only the other version is told.
      fs.writeFileSync(file, wrong);
      fs.writeFileSync(file, JSON.stringify({ ...config, severity: { mojibake: 'loud' } }, null, 2));
      await cs.waitForNotification(page, /severity\.mojibake/);
      const told = (await toasts()).filter((t) => t.includes('unknown-key'));
      assert(told.length === 0, `told again: ${JSON.stringify(told)}`);
      return message;
    } finally {
      fs.writeFileSync(file, original);
    }
  });
}

/** Last: the problems of files that are not open decorate the Explorer, which the steps before click through. */
async function lintAll(page: Page): Promise<void> {
  await steps.step('Agentry: Lint All Agent Files (workspace/diagnostic) lists the problems of agent files that are not open', async () => {
    await cs.runCommand(page, 'View: Close All Editors');
    await cs.runCommand(page, 'Agentry: Lint All Agent Files');
    const rows = await problemsOf(page, 'backend-developer.md', (r) => codesOf(r).has('legacy-tool') && codesOf(r).has('mojibake'), 'legacy-tool and mojibake of backend-developer.md, not open');
    return `${rows.length} problems of backend-developer.md: ${[...codesOf(rows)].join(', ')}`;
  });
}

async function apiTester(page: Page): Promise<void> {
  const file = 'api-tester.md';
  const original = fs.readFileSync(agentFile(file), 'utf8');
  const reed = find(original, 'Reed');
  const toolsLine = reed.line;
  if (
    !(await steps.step(`${file}: open from the Explorer, squiggles appear`, async () => {
      const t = Date.now();
      await cs.openFileFromExplorer(page, `${AGENTS}/${file}`);
      const warnings = await cs.waitForMarkers(page, 'warning', 30_000, 3);
      const ms = Date.now() - t;
      await shot(page, 'code-server-squiggles');
      return `${warnings} warning squiggles ${secs(ms)} after the click (server start included)`;
    }))
  )
    return;

  await steps.step(`${file}: a code lens and the hover on name: say what Claude Code loads`, async () => {
    const lenses = await cs.codeLensTexts(page);
    assert(lenses.length === 1 && /^Claude Code [\d.]+ loads api-tester · model sonet · \d+ tools?, \d+ ignored$/.test(lenses[0]), `code lenses: ${JSON.stringify(lenses)}`);
    await cs.goToPosition(page, 2, 1);
    const text = await cs.hoverText(page, 'name', { until: /loads and runs/ });
    assert(/loads and runs `?api-tester`?/.test(text) && /tools: `?Read`?, `?WebFetch`?, `?Bash`?/.test(text), `hover on name: ${JSON.stringify(text)}`);
    await shot(page, 'code-server-effective-agent');
    await cs.dismissWidgets(page);
    return lenses[0];
  });

  await steps.step(`${file}: Problems panel lists the known defects`, async () => {
    const expected = [
      { code: 'unknown-tool', severity: 'warning', word: 'Reed', at: reed },
      { code: 'unknown-model', severity: 'warning', word: 'sonet', at: find(original, 'sonet') },
      { code: 'invalid-value', severity: 'warning', word: 'bleu', at: find(original, 'bleu') },
      { code: 'unknown-key', severity: 'info', word: 'category', at: find(original, 'category') },
    ];
    const rows = await problemsOf(page, file, (r) => r.length >= expected.length, `${expected.length} problems of ${file}`);
    const got = rows.map((r) => `${r.severity} ${r.code}@${r.line}:${r.column}`).sort();
    const want = expected.map((e) => `${e.severity} ${e.code}@${e.at.line}:${e.at.column}`).sort();
    assert(JSON.stringify(got) === JSON.stringify(want), () => `Problems of ${file}:\n${rows.map(brief).join('\n')}\nwanted: ${want.join(', ')}`);
    for (const e of expected) {
      const row = rows.find((r) => r.code === e.code)!;
      assert(row.message.includes(e.word), `message of ${e.code} does not name ${e.word}: ${row.message}`);
    }
    assert(/did you mean `Read`/.test(rows.find((r) => r.code === 'unknown-tool')!.message), 'unknown-tool suggests Read');
    await shot(page, 'code-server-problems');
    return got.join(', ');
  });

  let toolsText = lineText(original, toolsLine);
  await steps.step(`${file}: completion after \`, \` in tools: offers built-in tools; accept Grep`, async () => {
    await cs.goToPosition(page, toolsLine, toolsText.length + 1);
    await cs.typeText(page, ', ');
    const items = await cs.triggerCompletion(page, undefined, { all: true });
    const labels = items.map((i) => i.label);
    for (const tool of ['Grep', 'Edit', 'Glob', 'TodoWrite']) assert(labels.includes(tool), `no ${tool} among ${JSON.stringify(labels)}`);
    await cs.selectSuggestion(page, 'Grep');
    await shot(page, 'code-server-completion');
    await page.keyboard.press('Enter');
    toolsText = await cs.waitForEditorLine(page, toolsLine, `${toolsText}, Grep`);
    return `${labels.length} suggestions (${labels.slice(0, 6).join(', ')}, ...)`;
  });

  await steps.step(`${file}: no snippets in a frontmatter value (after \`color: \`)`, async () => {
    const at = find(original, 'bleu');
    const labels = (await cs.triggerCompletion(page, at, { all: true })).map((i) => i.label);
    await cs.dismissWidgets(page);
    assert(labels.length > 0, 'no suggestions at all after color:');
    const snippets = labels.filter((l) => /^agent(-|$)/.test(l));
    assert(snippets.length === 0, `snippets offered after color: ${JSON.stringify(snippets)}`);
    return `${labels.length} suggestions, none a snippet (${labels.slice(0, 4).join(', ')}, ...)`;
  });

  await steps.step(`${file}: Quick Fix (Ctrl+.) on \`Reed\` -> Change to \`Read\``, async () => {
    const title = 'Change to `Read`';
    const actions = await cs.codeActions(page, reed);
    assert(
      actions.some((a) => a.title === title),
      `Quick Fix menu: ${JSON.stringify(actions)}`,
    );
    await shot(page, 'code-server-quick-fix');
    await cs.chooseCodeAction(page, title);
    toolsText = await cs.waitForEditorLine(page, toolsLine, toolsText.replace('Reed', 'Read'));
    // the server re-validates the edited text: no unknown tool any more, but Read is listed twice
    await problemsOf(page, file, (r) => !codesOf(r).has('unknown-tool') && codesOf(r).has('duplicate-tool'), 'unknown-tool gone and duplicate-tool reported');
    return `line ${toolsLine}: ${toolsText}`;
  });

  await steps.step(`${file}: Agentry: Fix All in File (command palette) removes the duplicate and says it applied 1 fix`, async () => {
    await cs.runCommand(page, 'Agentry: Fix All in File');
    toolsText = await cs.waitForEditorLine(page, toolsLine, toolsText.replace('Read, Read', 'Read'));
    await cs.waitForStatusBarText(page, 'Agentry: applied 1 fix');
    // "did you mean" changes are not automatic: the model and color problems stay
    const rows = await problemsOf(page, file, (r) => !codesOf(r).has('duplicate-tool'), 'duplicate-tool gone');
    for (const code of ['unknown-model', 'invalid-value', 'unknown-key']) assert(codesOf(rows).has(code), `${code} should remain`);
    return `line ${toolsLine}: ${toolsText}`;
  });

  await steps.step(`${file}: save; the file on disk has every edit`, async () => {
    await cs.saveActiveEditor(page);
    const lines = original.split('\n');
    lines[toolsLine - 1] = 'tools: Read, WebFetch, Bash, Grep';
    const onDisk = fs.readFileSync(agentFile(file), 'utf8');
    assert(onDisk === lines.join('\n'), `on disk:\n${onDisk}`);
  });

  const model = find(original, 'sonet');
  await steps.step(`${file}: Quick Fix on \`sonet\` -> Disable \`unknown-model\` for this line (a YAML comment above it)`, async () => {
    const title = 'Disable `unknown-model` for this line';
    await cs.applyCodeAction(page, title, model);
    await cs.waitForEditorLine(page, model.line, '# agentry-disable-next-line unknown-model');
    await cs.waitForEditorLine(page, model.line + 1, 'model: sonet');
    const rows = await problemsOf(page, file, (r) => r.length > 0 && !codesOf(r).has('unknown-model'), 'unknown-model gone');
    assert(codesOf(rows).has('invalid-value'), 'the other problems stay');
    return rows.map(brief).join('; ');
  });

  const category = find(original, 'category:').line + 1;
  await steps.step(`${file}: completion of codes in an \`agentry-disable-next-line\` comment; accepting unknown-key silences it`, async () => {
    await cs.goToPosition(page, category, 1);
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowUp');
    await cs.typeText(page, '# agentry-disable-next-line unkn');
    const items = await completionWith(page, 'unknown-key', 'unknown-tool');
    const labels = items.map((i) => i.label);
    for (const code of ALL_CODES.filter((c) => c.startsWith('unknown-'))) assert(labels.includes(code), `no ${code} among ${JSON.stringify(labels)}`);
    await cs.acceptSuggestion(page, 'unknown-key');
    await cs.waitForEditorLine(page, category, '# agentry-disable-next-line unknown-key');
    await cs.waitForEditorLine(page, category + 1, 'category: testing');
    await problemsOf(page, file, (r) => r.length > 0 && !codesOf(r).has('unknown-key'), 'unknown-key gone');
    return `${labels.length} suggestions: ${labels.slice(0, 5).join(', ')}, ...`;
  });

  await steps.step(`${file}: with "source.fixAll.agentry": "explicit" in editor.codeActionsOnSave, saving applies the fixes`, async () => {
    await cs.setWorkspaceSettings(page, workspace, { 'editor.codeActionsOnSave': { 'source.fixAll.agentry': 'explicit' } });
    try {
      await cs.goToPosition(page, toolsLine, toolsText.length + 1);
      await cs.typeText(page, ', Bash');
      await cs.waitForEditorLine(page, toolsLine, `${toolsText}, Bash`);
      await cs.saveActiveEditor(page);
      await cs.waitForStatusBarText(page, 'Agentry: applied 1 fix');
      const onDisk = fs.readFileSync(agentFile(file), 'utf8');
      assert(onDisk.split('\n')[toolsLine - 1] === toolsText, `tools on disk: ${onDisk.split('\n')[toolsLine - 1]}`);
      assert(onDisk.includes('# agentry-disable-next-line unknown-model\nmodel: sonet\n') && onDisk.includes('# agentry-disable-next-line unknown-key\ncategory: testing\n'), `on disk:\n${onDisk}`);
      return `line ${toolsLine} on disk: ${toolsText}`;
    } finally {
      await cs.setWorkspaceSettings(page, workspace, {});
    }
  });
}

async function backendDeveloper(page: Page): Promise<void> {
  const file = 'backend-developer.md';
  const original = fs.readFileSync(agentFile(file), 'utf8');
  if (
    !(await steps.step(`${file}: open from the Explorer (compact .claude/agents row)`, async () => {
      await cs.openFileFromExplorer(page, `${AGENTS}/${file}`);
      await cs.waitForMarkers(page, 'warning', 30_000, 3);
    }))
  )
    return;

  await steps.step(`${file}: \`Rule 5\` and the declared rule count are coloured (semantic tokens)`, async () => {
    const reference = find(original, 'using Rule 5');
    await cs.goToPosition(page, reference.line, 1);
    const runs = await cs.waitUntil(
      async () => {
        const found = await cs.lineColors(page, 'using Rule 5');
        return cs.colorOf(found, 'Rule 5') !== cs.colorOf(found, 'using') ? found : undefined;
      },
      'Rule 5 in a colour of its own',
      20_000,
      250,
    );
    const count = await cs.lineColors(page, 'FOLLOWING 5');
    assert(cs.colorOf(count, '5') !== cs.colorOf(count, 'YOU'), () => `declared count: ${JSON.stringify(count)}`);
    return `Rule 5 ${cs.colorOf(runs, 'Rule 5')}, text ${cs.colorOf(runs, 'using')}`;
  });

  await steps.step(`${file}: hover over \`Rule 5\` shows its title`, async () => {
    const ref = find(original, 'Rule 5');
    await cs.goToPosition(page, ref.line, 1); // scrolls it into view
    const text = await cs.hoverText(page, 'Rule 5');
    assert(text.includes('Mandatory Changelog Tracking'), `hover: ${JSON.stringify(text)}`);
    // The README shows this one: once the hover has faded in.
    const opacity = () =>
      page
        .locator('.monaco-editor .monaco-hover:not(.hidden)')
        .first()
        .evaluate((e: any) => e.ownerDocument.defaultView.getComputedStyle(e).opacity);
    await cs.waitUntil(async () => ((await opacity()) === '1' ? true : undefined), 'the hover faded in', 5000, 100);
    await shot(page, 'code-server-hover');
    await cs.dismissWidgets(page);
    return JSON.stringify(text.split('\n')[0]);
  });

  await steps.step(`${file}: the hover's \`line N\` link over \`Rule 5\` moves the cursor to the rule's definition`, async () => {
    const ref = find(original, 'Rule 5');
    const definition = find(original, '**Rule 5:');
    await cs.goToPosition(page, ref.line, 1);
    await cs.hoverText(page, 'Rule 5', { until: new RegExp(`line ${definition.line}`) });
    await cs.clickHoverLink(page, `line ${definition.line}`);
    const at = await cs.waitUntil(
      async () => {
        const now = await cs.cursorPosition(page);
        return now?.line === definition.line ? now : undefined;
      },
      `the cursor on line ${definition.line}`,
      10_000,
      200,
    );
    const tab = await page.locator('.editor-group-container.active .tab.active').getAttribute('data-resource-name');
    assert(tab === file, `the active tab is ${tab}`);
    await cs.goToPosition(page, ref.line, 1);
    return `from line ${ref.line} to Ln ${at.line}, Col ${at.column}`;
  });

  // VS Code's own agent support (the `chatagent` language) offers keys, hovers and heading symbols too.
  await steps.step(`${file}: frontmatter key completion lists each key once next to VS Code's own`, async () => {
    await cs.goToPosition(page, 2, 1);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    const labels = (await cs.triggerCompletion(page, undefined, { all: true })).map((i) => i.label);
    await cs.dismissWidgets(page);
    await page.keyboard.press('Control+Z');
    await cs.waitForEditorLine(page, 3, lineText(original, 3));
    const twice = labels.filter((l, i) => labels.indexOf(l) !== i);
    assert(twice.length === 0, `offered twice: ${JSON.stringify(twice)} in ${JSON.stringify(labels)}`);
    for (const key of ['permissionMode', 'hooks', 'mcpServers', 'memory', 'skills', 'disallowedTools', 'effort']) assert(labels.includes(key), `no ${key} among ${JSON.stringify(labels)}`);
    return `${labels.length} keys, 0 twice: ${labels.join(', ')}`;
  });

  await steps.step(`${file}: Go to Symbol lists each heading once, with the frontmatter and the rules`, async () => {
    const entries = await cs.goToSymbolEntries(page);
    const headings = entries.filter((e) => /MANDATORY RULE ENFORCEMENT|PRE-EXECUTION VALIDATION|Success Criteria/.test(e));
    assert(headings.length === 3, `headings: ${JSON.stringify(headings)}`);
    assert(entries.some((e) => e.startsWith('Frontmatter')) && entries.some((e) => e.startsWith('Rule 5: Mandatory Changelog Tracking')), `entries: ${JSON.stringify(entries)}`);
    return `${entries.length} entries: ${entries.slice(0, 6).join(' | ')} ...`;
  });

  await steps.step(`${file}: the hover over \`MultiEdit\` says the diagnostic's sentence once`, async () => {
    const tools = find(original, 'MultiEdit');
    await cs.goToPosition(page, tools.line, 1);
    const text = await cs.hoverText(page, 'MultiEdit');
    await cs.dismissWidgets(page);
    const times = text.split('makes the same replacements').length - 1;
    assert(times === 1, `said ${times} times: ${JSON.stringify(text)}`);
    return JSON.stringify(text.replace(/\s+/g, ' ').slice(0, 160));
  });

  await steps.step(`${file}: the hover over the \`tools\` key documents it once (VS Code's or Agentry's)`, async () => {
    const tools = find(original, 'tools:');
    await cs.goToPosition(page, tools.line, 1);
    const text = await cs.hoverText(page, 'tools', { offset: 1 });
    await cs.dismissWidgets(page);
    const vscode = text.includes('Array of tools the subagent can use') ? 1 : 0;
    const agentry = text.includes(keyDescription('tools')) ? 1 : 0;
    assert(vscode + agentry === 1, `documented by VS Code ${vscode}, by Agentry ${agentry}: ${JSON.stringify(text)}`);
    return JSON.stringify(text.replace(/\s+/g, ' ').slice(0, 120));
  });

  await steps.step(`${file}: Quick Fix on \`security-auditor\` -> Create agent \`security-auditor\`: the New Agent skeleton, and the name resolves`, async () => {
    const at = find(original, 'security-auditor');
    const created = agentFile('security-auditor.md');
    assert(!fs.existsSync(created), 'security-auditor.md exists already');
    await problemsOf(page, file, (r) => r.some((p) => p.code === 'unknown-agent-reference' && p.message.includes('security-auditor')), 'unknown-agent-reference for security-auditor');
    await cs.applyCodeAction(page, 'Create agent `security-auditor`', at);
    await problemsOf(page, file, (r) => r.length > 0 && !r.some((p) => p.code === 'unknown-agent-reference' && p.message.includes('security-auditor')), 'unknown-agent-reference for security-auditor gone');
    await cs.waitUntil(() => fs.existsSync(created) || undefined, 'security-auditor.md on disk', 10_000, 200);
    await cs.openFileFromExplorer(page, `${AGENTS}/security-auditor.md`);
    await cs.waitForEditorLine(page, 2, 'name: security-auditor');
    await cs.saveActiveEditor(page);
    const text = fs.readFileSync(created, 'utf8');
    assert(text === agentSkeleton('security-auditor'), `security-auditor.md:\n${text}`);
    const rows = (await cs.readProblems(page)).filter((r) => r.file === 'security-auditor.md' && r.source === 'agentry');
    assert(rows.length === 0, () => `problems of the new agent: ${rows.map(brief).join('\n')}`);
    await cs.runCommand(page, 'View: Close Editor');
    await page.locator(`.editor-group-container.active .tab.active[data-resource-name="${file}"]`).waitFor({ timeout: 15_000 });
    return `${text.split('\n').length} lines, 0 problems`;
  });

  await steps.step(`${file}: snippet agent-rule inserts the missing Rule 4`, async () => {
    const rule5 = find(original, '**Rule 5:');
    const blank = rule5.line - 1; // the blank line above Rule 5
    assert(lineText(original, blank) === '', `line ${blank} should be blank`);
    await cs.goToPosition(page, blank, 1);
    await page.keyboard.press('Enter'); // keep a blank line on both sides of the new rule
    await cs.typeText(page, 'agent-rule');
    const labels = (await cs.triggerCompletion(page)).map((i) => i.label);
    assert(labels.includes('agent-rule'), `no agent-rule snippet among ${JSON.stringify(labels)}`);
    await cs.acceptSuggestion(page, 'agent-rule');
    const at = blank + 1;
    await cs.waitForEditorLine(page, at, '**Rule 1: Title**');
    // the snippet's tab stops: rule number (selected), then the title
    await cs.typeText(page, '4');
    await cs.waitForEditorLine(page, at, '**Rule 4: Title**');
    await page.keyboard.press('Tab');
    await cs.typeText(page, 'Reuse Before Building');
    const want = ['**Rule 4: Reuse Before Building**', '- What the rule requires', '- How compliance is checked', ''];
    for (let i = 0; i < want.length; i++) await cs.waitForEditorLine(page, at + i, want[i]);
    await cs.waitForEditorLine(page, at + want.length, lineText(original, rule5.line));
    await page.keyboard.press('Escape');
    // Rule 4 is now defined: the declared count (5) matches and `Rule 4` resolves
    await problemsOf(page, file, (r) => r.length > 0 && !codesOf(r).has('rule-count-mismatch') && !codesOf(r).has('undefined-rule-reference'), 'rule-count-mismatch and undefined-rule-reference gone');
    await cs.saveActiveEditor(page);
    const lines = original.split('\n');
    lines.splice(blank - 1, 0, '', ...want.slice(0, 3));
    const onDisk = fs.readFileSync(agentFile(file), 'utf8');
    assert(onDisk === lines.join('\n'), `on disk:\n${onDisk}`);
    return `lines ${at}-${at + 2}`;
  });

  // File changes outside the editor reach the server through the watchers it registers itself.
  const copy = agentFile('backend-developer-copy.md');
  await steps.step(`${file}: an agent written to disk outside the editor with the same name is reported`, async () => {
    fs.writeFileSync(copy, original);
    const rows = await problemsOf(page, file, (r) => codesOf(r).has('duplicate-agent-name'), 'duplicate-agent-name after the copy is written');
    fs.rmSync(copy);
    await problemsOf(page, file, (r) => r.length > 0 && !codesOf(r).has('duplicate-agent-name'), 'duplicate-agent-name gone after the copy is deleted');
    return rows.find((r) => r.code === 'duplicate-agent-name')!.message;
  });
  const twin = agentFile('backend-developer-v1.md');
  await steps.step(`${file}: rename (F2) next to a same-named agent renames this one only, and offers to rename the file`, async () => {
    fs.writeFileSync(twin, original);
    await problemsOf(page, file, (r) => codesOf(r).has('duplicate-agent-name'), 'duplicate-agent-name with backend-developer-v1.md');
    const at = find(original, 'name: backend-developer');
    await cs.goToPosition(page, at.line, at.column + 8);
    await page.keyboard.press('F2');
    const input = page.locator('.rename-box input').first();
    await input.waitFor({ timeout: 10_000 });
    await input.fill('backend-engineer');
    await input.press('Enter');
    await cs.waitForEditorLine(page, at.line, 'name: backend-engineer');
    // Had the twin been renamed as well, the two would still collide.
    await problemsOf(page, file, (r) => !codesOf(r).has('duplicate-agent-name') && codesOf(r).has('name-file-mismatch'), 'duplicate-agent-name gone, name-file-mismatch reported');
    const actions = await cs.codeActions(page, { line: at.line, column: at.column + 8 });
    await cs.dismissWidgets(page);
    assert(
      actions.some((a) => a.title === 'Rename the file to `backend-engineer.md`'),
      `Quick Fix menu: ${JSON.stringify(actions)}`,
    );
    const tabs = await page.locator('.tabs-container .tab').allInnerTexts();
    assert(!tabs.some((t) => t.includes('backend-developer-v1')), `the twin was opened for an edit: ${JSON.stringify(tabs)}`);
    return actions.map((a) => a.title).join(', ');
  });
  fs.rmSync(twin, { force: true });
  await shot(page, 'code-server-final');
}

/**
 * Agentry: New Agent… asks for the name, creates the file and puts the skeleton in the editor as
 * a snippet: the name is selected (typing replaces it), Tab moves to the description. Saved, it is
 * a plain agent with no problem, in this workspace where no agent it could name exists.
 */
async function newAgent(page: Page): Promise<void> {
  const file = 'release-notes-writer.md';
  const description = 'Writes release notes from merged changes. Use PROACTIVELY before a release.';
  await steps.step(`Agentry: New Agent… creates ${file}; type the name, Tab, type the description; saved with 0 problems`, async () => {
    await cs.runCommand(page, 'Agentry: New Agent…', { opensInput: true });
    const widget = page.locator('.quick-input-widget');
    await widget.filter({ hasText: 'Lowercase letters' }).waitFor({ timeout: 10_000 });
    const input = widget.locator('input').first();
    await input.fill('release-notes-writer');
    await input.press('Enter');
    await cs.waitForEditorLine(page, 2, 'name: release-notes-writer');
    const onDisk = () => (fs.existsSync(agentFile(file)) ? fs.readFileSync(agentFile(file), 'utf8') : '');
    await cs.waitUntil(() => onDisk().includes('name: release-notes-writer'), `${file} on disk`, 10_000, 200);
    // The first tab stop, the name, is selected: what is typed replaces it (not appended to it).
    await cs.typeText(page, 'release-notes-writer');
    await nextTabStop(page);
    await cs.typeText(page, description);
    await cs.waitForEditorLine(page, 3, `description: ${description}`);
    await cs.waitForEditorLine(page, 2, (text) => text === 'name: release-notes-writer');
    await cs.dismissWidgets(page);
    await cs.saveActiveEditor(page);
    await cs.waitUntil(() => onDisk().includes(`description: ${description}\n`), `the typed description on disk`, 10_000, 200);
    // The server has answered for the new file once its colours are there; then its Problems rows are final.
    await cs.waitUntil(async () => (await cs.lineColors(page, 'name: release-notes-writer')).length > 1, 'the new agent coloured', 20_000, 250);
    const rows = (await cs.readProblems(page)).filter((r) => r.file === file);
    assert(rows.length === 0, () => `problems of the new agent: ${rows.map(brief).join('\n')}`);
    for (const absent of ['BOUND BY', 'proactive_triggers', 'Cross-Agent', '${']) assert(!onDisk().includes(absent), `the new agent has ${absent}`);
    return `${onDisk().split('\n').length} lines, 0 problems`;
  });
}

/**
 * Tab to the next tab stop of the snippet. The server completes the name as it is typed, and Tab
 * would accept a suggestion: first the suggestion list is closed (Escape closes only the list) and
 * stays closed a moment.
 */
async function nextTabStop(page: Page): Promise<void> {
  const suggestions = page.locator('.editor-widget.suggest-widget.visible');
  let closedFor = 0;
  await cs.waitUntil(
    async () => {
      if (!(await suggestions.count())) return ++closedFor >= 3;
      closedFor = 0;
      await cs.dismissWidgets(page);
      return false;
    },
    'no suggestion list open',
    10_000,
    150,
  );
  await page.keyboard.press('Tab');
}

/** The suggestions at the cursor once they hold every label (a busy server, or VS Code's own provider, may answer the first request before it has the edit). */
async function completionWith(page: Page, ...labels: string[]): Promise<{ label: string; detail: string }[]> {
  let last: { label: string; detail: string }[] = [];
  try {
    return await cs.waitUntil(
      async () => {
        last = await cs.triggerCompletion(page, undefined, { all: true });
        if (labels.every((label) => last.some((i) => i.label === label))) return last;
        await cs.dismissWidgets(page);
        return undefined;
      },
      `${labels.join(', ')} among the suggestions`,
      20_000,
      500,
    );
  } catch {
    return last;
  }
}

/** A project skill: completed in `skills:`, and go to definition opens its SKILL.md. */
async function skills(page: Page): Promise<void> {
  const file = 'releaser.md';
  const original = fs.readFileSync(agentFile(file), 'utf8');
  const at = find(original, 'skills:');
  if (!(await steps.step(`${file}: open from the Explorer`, () => cs.openFileFromExplorer(page, `${AGENTS}/${file}`)))) return;
  await steps.step(`${file}: completion in \`skills:\` offers the project's skill; accept it`, async () => {
    await cs.goToPosition(page, at.line, 'skills:'.length + 1);
    await cs.typeText(page, ' ');
    const items = await completionWith(page, 'changelog-entry');
    const entry = items.find((i) => i.label === 'changelog-entry');
    assert(entry, `no changelog-entry among ${JSON.stringify(items.map((i) => i.label))}`);
    assert(
      items.some((i) => i.label === 'code-review'),
      'the built-in skills are offered too',
    );
    await cs.acceptSuggestion(page, 'changelog-entry');
    await cs.waitForEditorLine(page, at.line, 'skills: changelog-entry');
    return `${items.length} suggestions; ${entry!.label} (${entry!.detail})`;
  });
  await steps.step(`${file}: go to definition (F12) on the skill opens its SKILL.md`, async () => {
    await cs.goToPosition(page, at.line, 'skills: chan'.length);
    await page.keyboard.press('F12');
    await page.locator('.editor-group-container.active .tab.active[data-resource-name="SKILL.md"]').waitFor({ timeout: 15_000 });
    const lines = await cs.waitUntil(
      async () => {
        const found = await cs.editorLines(page);
        return found.some((l) => l.text === 'name: changelog-entry') ? found : undefined;
      },
      'SKILL.md shown',
      10_000,
      250,
    );
    return `SKILL.md, ${lines.length} lines shown`;
  });
  await steps.step(`${file}: the hover over the skill links its SKILL.md line; the link opens it there`, async () => {
    // Close SKILL.md (go to definition opened it): releaser.md is the active editor again.
    await cs.runCommand(page, 'View: Close Editor');
    await page.locator(`.editor-group-container.active .tab.active[data-resource-name="${file}"]`).waitFor({ timeout: 15_000 });
    await cs.goToPosition(page, at.line, 1);
    const text = await cs.hoverText(page, 'changelog-entry', { until: /line 2/ });
    assert(text.includes('Writes the CHANGELOG entry of a change.'), `hover: ${JSON.stringify(text)}`);
    await cs.clickHoverLink(page, 'line 2');
    await page.locator('.editor-group-container.active .tab.active[data-resource-name="SKILL.md"]').waitFor({ timeout: 15_000 });
    const now = await cs.waitUntil(async () => ((await cs.cursorPosition(page))?.line === 2 ? cs.cursorPosition(page) : undefined), 'the cursor on line 2 of SKILL.md', 10_000, 200);
    return `SKILL.md at Ln ${now!.line}, Col ${now!.column}`;
  });
  await steps.step(`${file}: completion under \`hooks:\` offers each hook event once (VS Code's and Agentry's); accept PreModelSwitch`, async () => {
    // Close SKILL.md (go to definition opened it): releaser.md is the active editor again.
    await cs.runCommand(page, 'View: Close Editor');
    await page.locator(`.editor-group-container.active .tab.active[data-resource-name="${file}"]`).waitFor({ timeout: 15_000 });
    const hooks = find(original, 'hooks:\n');
    await cs.goToPosition(page, hooks.line, 'hooks:'.length + 1);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+Home');
    await cs.typeText(page, '  Pre');
    const items = await completionWith(page, 'PreToolUse', 'PreModelSwitch');
    const labels = items.map((i) => i.label);
    // VS Code offers the events it knows itself; Agentry adds the others of the pinned Claude Code, each once.
    for (const event of ['PreToolUse', 'PreCompact', 'PreModelSwitch', 'PreSkillShellCommand']) assert(labels.filter((l) => l === event).length === 1, `${event} not offered exactly once: ${JSON.stringify(items)}`);
    assert(items.find((i) => i.label === 'PreModelSwitch')!.detail === 'hook event', 'PreModelSwitch comes from Agentry');
    await cs.acceptSuggestion(page, 'PreModelSwitch');
    await cs.waitForEditorLine(page, hooks.line + 1, '  PreModelSwitch:');
    return `${labels.length} suggestions: ${items
      .slice(0, 4)
      .map((i) => `${i.label} (${i.detail})`)
      .join(', ')}, ...`;
  });
}

/** Markdown files with frontmatter that are not agents: Agentry leaves them alone. */
async function notAgents(page: Page): Promise<void> {
  for (const file of ['README.md', 'docs/agents/overview.md']) {
    const text = fs.readFileSync(path.join(workspace, file), 'utf8');
    if (!(await steps.step(`${file} (not an agent): open from the Explorer`, () => cs.openFileFromExplorer(page, file)))) continue;
    await steps.step(`${file}: no Agentry colours on \`BOUND BY … RULES\` and \`Rule 5\``, async () => {
      const line = find(text, 'Rule 5').line;
      await cs.goToPosition(page, line, 1);
      const runs = await cs.waitUntil(
        async () => {
          const found = await cs.lineColors(page, 'Rule 5 covers');
          return found.length ? found : undefined;
        },
        `line ${line} rendered`,
        10_000,
        250,
      );
      const plain = cs.colorOf(runs, 'covers');
      for (const word of ['BOUND', '3 RULES', 'Rule 5']) assert(cs.colorOf(runs, word) === plain, () => `${word} is coloured: ${JSON.stringify(runs)}`);
      return `one colour on the line (${plain})`;
    });
    await steps.step(`${file}: no Agentry snippets or completions at a line start`, async () => {
      const last = text.split('\n').length - 1;
      await cs.goToPosition(page, last, 1);
      await cs.typeText(page, 'agent');
      const labels = (await cs.triggerCompletion(page, undefined, { all: true })).map((i) => i.label);
      await cs.dismissWidgets(page);
      await page.keyboard.press('Control+Z');
      const ours = labels.filter((l) => /^agent(-|$)/.test(l) || /^\*\*Rule/.test(l));
      assert(ours.length === 0, `offered: ${JSON.stringify(ours)}`);
      return `${labels.length} suggestion(s): ${JSON.stringify(labels.slice(0, 5))}`;
    });
  }
  await steps.step('README.md, docs/agents/overview.md: no Agentry problems after Agentry: Lint All Agent Files', async () => {
    await cs.runCommand(page, 'Agentry: Lint All Agent Files');
    let rows: cs.ProblemRow[] = [];
    await cs.waitUntil(async () => (rows = await cs.readProblems(page)).some((r) => r.source === 'agentry' && r.file === 'api-tester.md'), 'Agentry problems of api-tester.md', 30_000, 250);
    const theirs = rows.filter((r) => r.source === 'agentry' && (r.file === 'README.md' || r.file === 'overview.md'));
    assert(theirs.length === 0, () => `problems: ${theirs.map(brief).join('\n')}`);
    await shot(page, 'code-server-not-agents');
    return `${rows.filter((r) => r.source === 'agentry').length} Agentry rows, none for these files`;
  });
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
