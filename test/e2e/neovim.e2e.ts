// End-to-end test of the language server in a second real editor: headless Neovim as the LSP client
// of `node dist/server.js --stdio`, with examples/ as the workspace root (the files are only read).
//
//   api-tester.md         published diagnostics (code, range, severity, source) of Reed, sonet, bleu,
//                         category; hover over a tool and a key; completion of model values and of
//                         tool names (not those listed already); the code action on `Reed`
//                         (Change to `Read`, with its edit); the code lens on the first line
//                         (what Claude Code loads: model, tools, what it ignores)
//   backend-developer.md  diagnostics of the rule block; hover and go-to-definition of `Rule 5`
//   code-reviewer.md      a clean file gets an empty publish
//   README.md             the Neovim snippet for this Neovim's version, as the user's init.lua, with
//                         `agentry-language-server` on the PATH: an agent file gets diagnostics, a
//                         Markdown file outside an agents folder gets no client
//   README.md, docs/agents/overview.md (fixtures/not-agents: Markdown with frontmatter that is not
//                         an agent) get an empty publish, no completion and no hover
//
// Usage: bash scripts/install-e2e-tools.sh && node --import tsx test/e2e/neovim.e2e.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runNvimConfig, runNvimLsp, type LspDiagnostic, type LspPosition, type NvimLspRequest, type NvimLspResult } from './lib/nvim';
import { assert, secs, Steps } from './lib/steps';
import { buildDist, e2eTools, REPO_ROOT } from './lib/tools';
import { readmeBlocks, shimBin } from '../support/readmeBlocks';

const ROOT = path.join(REPO_ROOT, 'examples');
const agentPath = (name: string) => path.join(ROOT, '.claude/agents', name);
const SERVER = [process.execPath, path.join(REPO_ROOT, 'dist/server.js'), '--stdio'];
const steps = new Steps('neovim e2e');

/** 0-based LSP position of the `occurrence`-th `needle` in `text`, plus `offset` characters. */
function at(text: string, needle: string, offset = 0, occurrence = 0): LspPosition {
  let i = -1;
  for (let n = 0; n <= occurrence; n++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`${JSON.stringify(needle)} (#${occurrence}) is not in the example`);
  }
  const lines = text.slice(0, i + offset).split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

const request = (method: string, pos: LspPosition, extra: Partial<NvimLspRequest> = {}): NvimLspRequest => ({ method, ...pos, ...extra });
const describe = (d: LspDiagnostic) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;

/** Open `file` in Neovim with the server attached; the result of each request is checked by the caller. */
async function open(file: string, requests: NvimLspRequest[] = [], waitFor: 'nonempty' | 'any' = 'nonempty'): Promise<NvimLspResult> {
  const res = await runNvimLsp({ cmd: SERVER, file: agentPath(file), rootDir: ROOT, filetype: 'markdown', requests, waitFor });
  assert(res.ok, () => `no diagnostics for ${file} (exit ${res.exitCode}); server log:\n${res.serverLog.join('\n')}\nnvim:\n${res.nvimOutput}`);
  const failed = res.responses.filter((r) => r.error !== undefined && r.error !== null);
  assert(failed.length === 0, () => `request errors: ${JSON.stringify(failed)}`);
  return res;
}

const hoverValue = (result: any): string => {
  const c = result?.contents;
  return typeof c === 'string' ? c : Array.isArray(c) ? c.map((x: any) => x.value ?? x).join('\n') : (c?.value ?? '');
};
const completionLabels = (result: any): string[] => (Array.isArray(result) ? result : (result?.items ?? [])).map((i: any) => i.label);

async function apiTester(): Promise<void> {
  const file = 'api-tester.md';
  const text = fs.readFileSync(agentPath(file), 'utf8');
  const reed = at(text, 'Reed');
  let res: NvimLspResult | undefined;
  if (
    !(await steps.step(`${file}: diagnostics published to Neovim`, async () => {
      res = await open(file, [
        request('textDocument/hover', at(text, 'Read', 1)),
        request('textDocument/hover', at(text, 'model:', 1)),
        request('textDocument/completion', at(text, 'sonet')),
        request('textDocument/completion', reed),
        request('textDocument/codeAction', reed, { range: { start: reed, end: at(text, 'Reed', 4) }, includeDiagnostics: true }),
        request('textDocument/codeLens', { line: 0, character: 0 }),
      ]);
      const expected: Array<{ code: string; word: string; severity: number }> = [
        { code: 'unknown-tool', word: 'Reed', severity: 2 },
        { code: 'unknown-model', word: 'sonet', severity: 2 },
        { code: 'invalid-value', word: 'bleu', severity: 2 },
        { code: 'unknown-key', word: 'category', severity: 3 },
      ];
      const want = expected
        .map((e) => {
          const start = at(text, e.word);
          return `${e.code}@${start.line}:${start.character}-${start.line}:${start.character + e.word.length} severity ${e.severity}`;
        })
        .sort();
      const diagnostics = res.diagnostics ?? [];
      const got = diagnostics.map((d) => `${describe(d)} severity ${d.severity}`).sort();
      assert(JSON.stringify(got) === JSON.stringify(want), () => `diagnostics:\n${got.join('\n')}\nwanted:\n${want.join('\n')}`);
      assert(
        diagnostics.every((d) => d.source === 'agentry'),
        'every diagnostic has source agentry',
      );
      return `${got.length} diagnostics in ${secs(res.elapsedMs)} (${res.publishes} publish(es)): ${diagnostics.map(describe).join(', ')}`;
    }))
  )
    return;
  const [toolHover, keyHover, modelCompletion, toolCompletion, codeActions, codeLenses] = res!.responses.map((r) => r.result as any);

  await steps.step(`${file}: a code lens on the first line says what Claude Code loads`, () => {
    const lenses: any[] = Array.isArray(codeLenses) ? codeLenses : [];
    assert(lenses.length === 1 && lenses[0].range.start.line === 0, `code lenses: ${JSON.stringify(codeLenses)}`);
    const title = String(lenses[0].command?.title ?? '');
    assert(/^Claude Code [\d.]+ loads api-tester · model sonet · \d+ tools?, \d+ ignored$/.test(title), `title: ${title}`);
    return title;
  });

  await steps.step(`${file}: hover over a tool and a key`, () => {
    assert(hoverValue(toolHover).startsWith('**Read**'), `hover over Read: ${JSON.stringify(toolHover)}`);
    assert(/^\*\*model\*\*/.test(hoverValue(keyHover)) && hoverValue(keyHover).includes('`sonnet`'), `hover over model: ${JSON.stringify(keyHover)}`);
    return JSON.stringify(hoverValue(toolHover));
  });

  await steps.step(`${file}: completion of model values and tool names`, () => {
    const models = completionLabels(modelCompletion);
    for (const m of ['sonnet', 'opus', 'haiku', 'inherit']) assert(models.includes(m), `no ${m} among ${JSON.stringify(models)}`);
    const tools = completionLabels(toolCompletion);
    for (const t of ['Grep', 'Edit', 'Glob']) assert(tools.includes(t), `no ${t} among ${JSON.stringify(tools)}`);
    // the tools the line already lists are not offered again
    for (const t of ['Read', 'WebFetch', 'Bash']) assert(!tools.includes(t), `${t} is listed already but offered: ${JSON.stringify(tools)}`);
    return `model: ${models.slice(0, 4).join(', ')}, ... (${models.length}); tools: ${tools.length} items`;
  });

  await steps.step(`${file}: code action on \`Reed\``, () => {
    const actions: any[] = Array.isArray(codeActions) ? codeActions : [];
    const fix = actions.find((a) => a.title === 'Change to `Read`');
    assert(fix, `actions: ${JSON.stringify(actions.map((a) => a.title))}`);
    assert(fix.kind === 'quickfix' && fix.isPreferred === true, `kind/isPreferred: ${JSON.stringify(fix)}`);
    const edits = Object.values(fix.edit?.changes ?? {}).flat() as any[];
    assert(edits.length === 1 && edits[0].newText === 'Read' && edits[0].range.start.line === reed.line && edits[0].range.start.character === reed.character, `edit: ${JSON.stringify(fix.edit)}`);
    const disable = actions.find((a) => a.title === 'Disable `unknown-tool` for this line');
    const comment = (Object.values(disable?.edit?.changes ?? {}).flat() as any[])[0];
    assert(comment?.newText === '# agentry-disable-next-line unknown-tool\n' && comment.range.start.line === reed.line && comment.range.start.character === 0, `Disable action: ${JSON.stringify(disable)}`);
    return `${actions.length} action(s): ${actions.map((a) => a.title).join(', ')}`;
  });
}

async function backendDeveloper(): Promise<void> {
  const file = 'backend-developer.md';
  const text = fs.readFileSync(agentPath(file), 'utf8');
  const ref = at(text, 'Rule 5', 2);
  await steps.step(`${file}: rule diagnostics, hover and definition of \`Rule 5\``, async () => {
    const auditor = at(text, 'security-auditor');
    const auditorEnd = { line: auditor.line, character: auditor.character + 'security-auditor'.length };
    const res = await open(file, [request('textDocument/hover', ref), request('textDocument/definition', ref), request('textDocument/codeAction', auditor, { range: { start: auditor, end: auditorEnd }, includeDiagnostics: true })]);
    const diagnostics = res.diagnostics ?? [];
    const has = (code: string, pos: LspPosition) => diagnostics.some((d) => d.code === code && d.range.start.line === pos.line && d.range.start.character === pos.character);
    assert(has('rule-count-mismatch', at(text, '5 COMPREHENSIVE')), `rule-count-mismatch: ${diagnostics.map(describe)}`);
    assert(has('undefined-rule-reference', at(text, 'Rule 4')), `undefined-rule-reference: ${diagnostics.map(describe)}`);
    assert(has('unknown-mcp-server', at(text, 'mcp__jira')), `unknown-mcp-server: ${diagnostics.map(describe)}`);
    assert(has('unknown-agent-reference', at(text, 'security-auditor')), `unknown-agent-reference: ${diagnostics.map(describe)}`);
    const [hover, definition, actions] = res.responses.map((r) => r.result as any);
    assert(hoverValue(hover).includes('Mandatory Changelog Tracking'), `hover: ${JSON.stringify(hover)}`);
    // Neovim shows the hover's Markdown as text: the line link stays readable, `[line 38](file:///…#L38)`.
    const defined = at(text, '**Rule 5:');
    assert(hoverValue(hover).includes(`[line ${defined.line + 1}](${res.uri}#L${defined.line + 1})`), `hover: ${JSON.stringify(hoverValue(hover))}`);
    // Neovim 0.7 creates files in workspace edits (resourceOperations): the quick fix is offered there.
    const create = (Array.isArray(actions) ? actions : []).find((a: any) => a.title === 'Create agent `security-auditor`');
    const [file0, insert] = create?.edit?.documentChanges ?? [];
    assert(create, () => `actions: ${JSON.stringify(actions)}`);
    assert(
      file0?.kind === 'create' && file0.uri === res.uri.replace(/backend-developer\.md$/, 'security-auditor.md') && file0.options?.overwrite === false && file0.options?.ignoreIfExists === false,
      `Create agent action: ${JSON.stringify(create)}`,
    );
    assert(insert?.textDocument?.uri === file0.uri && /^---\nname: security-auditor\n/.test(insert.edits?.[0]?.newText ?? ''), `its text: ${JSON.stringify(insert)}`);
    const target = (Array.isArray(definition) ? definition : [definition])[0];
    assert(target?.uri === res.uri && target.range.start.line === defined.line, `definition: ${JSON.stringify(definition)}, wanted line ${defined.line}`);
    return `${diagnostics.length} diagnostics; Rule 5 defined at line ${defined.line + 1}`;
  });
}

async function codeReviewer(): Promise<void> {
  const file = 'code-reviewer.md';
  await steps.step(`${file}: a clean file gets an empty publish`, async () => {
    const res = await open(file, [], 'any');
    assert(Array.isArray(res.diagnostics) && res.diagnostics.length === 0, `diagnostics: ${JSON.stringify(res.diagnostics)}`);
    return `${res.publishes} publish(es) in ${secs(res.elapsedMs)}`;
  });
}

/** A wrong entry in `.agentry.json`: Neovim gets the server's window/showMessage, and the valid entries apply. */
async function configProblems(): Promise<void> {
  await steps.step('.agentry.json with a wrong severity: a window/showMessage warning, and the valid severity applies', async () => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'agentry-nvim-config-'));
    try {
      fs.cpSync(ROOT, ws, { recursive: true });
      fs.writeFileSync(path.join(ws, '.agentry.json'), JSON.stringify({ severity: { 'unknown-key': 'of', 'unknown-tool': 'error' } }));
      const res = await runNvimLsp({ cmd: SERVER, file: path.join(ws, '.claude/agents/api-tester.md'), rootDir: ws, filetype: 'markdown', requests: [], waitFor: 'nonempty' });
      assert(res.ok, () => `no diagnostics (exit ${res.exitCode}):\n${res.nvimOutput}`);
      const shown = res.serverLog.filter((m) => m.startsWith('Agentry: .agentry.json has'));
      assert(
        JSON.stringify(shown) === JSON.stringify(['Agentry: .agentry.json has 1 problem: `severity.unknown-key`: "of" is not one of error, warning, information, hint, off; ignored']),
        () => `messages: ${JSON.stringify(res.serverLog)}`,
      );
      const tool = (res.diagnostics ?? []).find((d) => d.code === 'unknown-tool');
      assert(tool?.severity === 1, `unknown-tool: ${JSON.stringify(tool)}`);
      return shown[0];
    } finally {
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });
}

/** The README's snippet for the Neovim here: 0.7 to 0.9 have `vim.lsp.start_client` only (0.10 is not installed). */
async function readmeSnippet(): Promise<void> {
  await steps.step('README: the Neovim 0.7-0.9 snippet attaches to agent files only', async () => {
    const [snippet] = readmeBlocks('nvim-0.7', 'lua');
    assert(snippet !== undefined, 'the README marks no Neovim snippet (<!-- readme-test: nvim-0.7 -->)');
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'agentry-nvim-readme-'));
    try {
      fs.cpSync(ROOT, ws, { recursive: true });
      fs.mkdirSync(path.join(ws, 'notes'));
      fs.writeFileSync(path.join(ws, 'notes/todo.md'), '---\ntitle: not an agent\n---\n# Todo\n');
      const bin = shimBin(path.join(ws, '.bin'));
      const res = await runNvimConfig({ init: snippet, agentFile: path.join(ws, '.claude/agents/api-tester.md'), otherFile: path.join(ws, 'notes/todo.md'), env: { PATH: `${bin}${path.delimiter}${process.env.PATH}` } });
      assert(res.ok, () => `no diagnostics for api-tester.md (exit ${res.exitCode}):\n${res.nvimOutput}`);
      const codes = res.diagnostics.map((d) => d.code).sort();
      assert(
        ['invalid-value', 'unknown-key', 'unknown-model', 'unknown-tool'].every((c) => codes.includes(c)),
        () => `diagnostics: ${codes.join(', ')}`,
      );
      assert(JSON.stringify(res.agentClients) === '["agentry"]', () => `clients of the agent file: ${res.agentClients.join(', ')}`);
      assert(res.otherClients.length === 0, () => `clients of notes/todo.md: ${res.otherClients.join(', ')}`);
      return `${codes.length} diagnostics (${[...new Set(codes)].join(', ')}); notes/todo.md: no client`;
    } finally {
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });
}

const NOT_AGENTS = path.join(REPO_ROOT, 'test/e2e/fixtures/not-agents');

/** Markdown files with frontmatter that are not agents: the server leaves them alone. */
async function notAgents(): Promise<void> {
  for (const file of ['README.md', 'docs/agents/overview.md']) {
    await steps.step(`${file} (not an agent): no diagnostics, completion or hover`, async () => {
      const full = path.join(NOT_AGENTS, file);
      const text = fs.readFileSync(full, 'utf8');
      const lastLine = text.split('\n').length - 2;
      const res = await runNvimLsp({
        cmd: SERVER,
        file: full,
        rootDir: NOT_AGENTS,
        filetype: 'markdown',
        waitFor: 'any',
        settleMs: 1000,
        requests: [request('textDocument/completion', { line: lastLine, character: 0 }), request('textDocument/hover', at(text, 'Rule 5', 2))],
      });
      assert(res.ok, () => `no publish for ${file} (exit ${res.exitCode}); server log:\n${res.serverLog.join('\n')}`);
      assert(Array.isArray(res.diagnostics) && res.diagnostics.length === 0, () => `diagnostics: ${(res.diagnostics ?? []).map(describe).join(', ')}`);
      const [completion, hover] = res.responses.map((r) => r.result as any);
      assert(completionLabels(completion).length === 0, `completion: ${JSON.stringify(completionLabels(completion))}`);
      assert(!hoverValue(hover), `hover: ${JSON.stringify(hover)}`);
      return `${res.publishes} empty publish(es)`;
    });
  }
}

async function main(): Promise<number> {
  if (!(await steps.step('e2e tools installed (nvim)', () => e2eTools().nvim))) return steps.finish();
  if (!(await steps.step('build dist/', () => buildDist()))) return steps.finish();
  await apiTester();
  await backendDeveloper();
  await codeReviewer();
  await configProblems();
  await readmeSnippet();
  await notAgents();
  return steps.finish();
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
