// Group `wire`: the language server over stdio with a real LSP client loop.
// A temp workspace holds the five seeds in .claude/agents/; seed 002 (51 KB, the largest)
// is opened, then edited one character at a time (typing a word and deleting it again,
// at four places: frontmatter description, prose, a rule title, the last line), each
// didChange followed by a textDocument/diagnostic pull, as VS Code does with pull
// diagnostics. Latency = didChange sent -> full report for the new version received.
// Then completion in `tools:` and hover on the prose `Rule 18`, request -> response.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeFixture, seedFiles } from './lib/fixtures.mjs';
import { now, positionAt, procCpuMs, procMemory, startServer, stats } from './lib/lsp.mjs';

export const columns = ['op', 'n', 'p50Ms', 'p99Ms', 'maxMs', 'targetP99Ms', 'met', 'cpuMsPerOp', 'notes'];

const WORD = 'agent';
const CYCLES = 52; // x 10 edits (type WORD, delete it) = 520 timed edits
const WARMUP_CYCLES = 4;
const REQUESTS = 520;
const WARMUP_REQUESTS = 40;

/** Places to type at, found by text: [needle, offset of the caret inside it]. */
const PLACES = [
  ['description: Senior ', 'description: Senior '.length],
  ['Before ANY action, you MUST', 'Before ANY'.length],
  ['**Rule 18: Mandatory Documentation Review', '**Rule 18: Mandatory'.length],
];

function offsetOf(text, needle, plus = 0) {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`seed 002 no longer contains ${JSON.stringify(needle)}`);
  return at + plus;
}

export async function run(ctx) {
  const fx = makeFixture(join(ctx.tmpDir, 'ws'), seedFiles());
  const file = fx.paths.find((p) => /[/\\]002_[^/\\]*\.md$/.test(p));
  const uri = pathToFileURL(file).href;
  const text = readFileSync(file, 'utf8');
  const carets = [...PLACES.map(([needle, plus]) => positionAt(text, offsetOf(text, needle, plus))), positionAt(text, text.trimEnd().length)];

  const client = startServer(ctx);
  const rows = [];
  try {
    await client.initialize(fx.root);
    const indexed = client.waitForLog(/^Indexed \d+ agent files?/);
    client.initialized();
    await indexed;

    // Open and the first pull: cold code paths.
    let t = now();
    client.open(uri, text);
    let report = await client.diagnostics(uri);
    const firstMs = now() - t;
    let resultId = report.resultId;
    const items = report.items.length;

    let version = 1;
    const edit = async () => {
      const t0 = now();
      // One cycle = type WORD then backspace it; `step` 0..9.
      const v = client.change(uri, ...editStep());
      const r = await client.diagnostics(uri, resultId);
      const ms = now() - t0;
      // The server's result id names the parsed model (not the version): a new text gives a new id.
      if (r.kind !== 'full' || r.resultId === resultId) throw new Error(`diagnostics not for version ${v}: ${r.kind} ${r.resultId}`);
      resultId = r.resultId;
      version = v;
      return ms;
    };
    let step = 0;
    let cycle = 0;
    const editStep = () => {
      const caret = carets[cycle % carets.length];
      const s = step++;
      if (step === 2 * WORD.length) {
        step = 0;
        cycle++;
      }
      if (s < WORD.length) return [range(caret, s, s), WORD[s]];
      const left = 2 * WORD.length - s - 1; // characters still typed after this delete
      return [range(caret, left, left + 1), ''];
    };
    for (let i = 0; i < WARMUP_CYCLES * 2 * WORD.length; i++) await edit();
    const cpu0 = procCpuMs(client.pid);
    const editTimes = [];
    for (let i = 0; i < CYCLES * 2 * WORD.length; i++) editTimes.push(await edit());
    const editCpu = (procCpuMs(client.pid) - cpu0) / editTimes.length;
    const back = await client.request('textDocument/diagnostic', { textDocument: { uri } });
    if (back.items.length !== items) throw new Error(`after typing and deleting, ${back.items.length} diagnostics instead of ${items}`);
    rows.push({ op: 'open -> first diagnostics', n: 1, p50Ms: firstMs, p99Ms: firstMs, maxMs: firstMs, notes: `cold code paths; ${items} diagnostics` });
    rows.push({
      op: 'didChange -> diagnostics (pull)',
      ...timing(stats(editTimes)),
      targetP99Ms: 30,
      cpuMsPerOp: editCpu,
      notes: `one-character edits at 4 places of seed 002 (51 KB), each pulled for its new version; ${WARMUP_CYCLES * 10} warm-up edits; version ${version}`,
    });

    // Completion just after `tools: Read, ` (an empty prefix: every tool is offered).
    const toolsAt = positionAt(text, offsetOf(text, 'tools: Read, ', 'tools: Read, '.length));
    const completion = () => client.request('textDocument/completion', { textDocument: { uri }, position: toolsAt, context: { triggerKind: 1 } });
    const first = await completion();
    const labels = (Array.isArray(first) ? first : first.items).map((i) => i.label);
    if (!labels.includes('Agent')) throw new Error(`no tool completions at ${JSON.stringify(toolsAt)}: ${labels.slice(0, 5)}`);
    rows.push(await requests(client, 'completion in tools:', completion, 10, `${labels.length} items after "tools: Read, "`));

    // Hover on the first `Rule 18` in prose (not its definition).
    const ruleAt = positionAt(text, offsetOf(text, 'using Rule 18', 'using Rule '.length));
    const hover = () => client.request('textDocument/hover', { textDocument: { uri }, position: ruleAt });
    const h = await hover();
    const shown = JSON.stringify(h?.contents ?? '');
    if (!/Mandatory Documentation Review/.test(shown)) throw new Error(`hover on Rule 18 shows ${shown.slice(0, 200)}`);
    rows.push(await requests(client, 'hover on Rule 18', hover, 10, `prose reference at line ${ruleAt.line + 1}; shows the rule's title`));

    rows.push({ op: 'server memory', notes: `peak RSS (VmHWM) ${procMemory(client.pid).peakMb.toFixed(1)} MB` });
  } finally {
    await client.shutdown();
  }
  for (const r of rows) if (r.targetP99Ms) r.met = r.p99Ms <= r.targetP99Ms ? 'yes' : 'no';
  return rows;
}

function range(caret, from, to) {
  return { start: { line: caret.line, character: caret.character + from }, end: { line: caret.line, character: caret.character + to } };
}

const timing = (s) => ({ n: s.n, p50Ms: s.p50, p99Ms: s.p99, maxMs: s.max });

async function requests(client, op, send, targetP99Ms, notes) {
  for (let i = 0; i < WARMUP_REQUESTS; i++) await send();
  const cpu0 = procCpuMs(client.pid);
  const times = [];
  for (let i = 0; i < REQUESTS; i++) {
    const t = now();
    await send();
    times.push(now() - t);
  }
  const cpuMsPerOp = (procCpuMs(client.pid) - cpu0) / times.length;
  return { op, ...timing(stats(times)), targetP99Ms, cpuMsPerOp, notes: `${notes}; ${WARMUP_REQUESTS} warm-up requests` };
}
