// Wire fuzz: random incremental edits of the open seed agents, random requests at random
// positions and cancellations, over a real JSON-RPC connection to the server (in process),
// in rounds that start from the original texts; at the end of every round the pulled diagnostics of every document (and the workspace symbols)
// must equal those of a fresh server started on the same disk with the same final texts.
// Every request must end in a result or a cancellation, never in an error.
// Shared by the unit tests (a few hundred edits) and `npm run fuzz` (many).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CancellationTokenSource, type ResponseError } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { assertAgreesWithFresh, pullDiagnostics } from '../support/serverView';
import { createWorkspace } from '../unit/lsp/fixtureWorkspace';
import { FULL_CLIENT, startInProcess } from '../unit/lsp/harness';
import { seed } from '../support/fixtures';

/** Text an edit inserts: pieces that change what the checks see, and noise. */
const INSERTS = fc.oneof(
  fc.constantFrom(
    '',
    '\n',
    '# a YAML comment\n',
    '---\n',
    'name: backend-architect\n',
    'name: expert-code-reviewer',
    'description: x: y\n',
    'tools: Read, Reed, LS, mcp__github__x, Agent(senior-backend-developer)\n',
    'model: sonet\n',
    '**Rule 4: Added**\n- a bullet\n',
    'Rule 21',
    'Rule 99',
    '## Cross-Agent Validation\n- nobody-agent\n',
    'ðŸš¨',
    '\t',
    '"',
    ': ',
  ),
  fc.string({ maxLength: 8 }),
);

type Step = { kind: 'edit'; doc: number; at: number; length: number; text: string; lineStart: boolean } | { kind: 'request'; doc: number; method: string; at: number; cancel: 'no' | 'at once' | 'later' };

const METHODS = [
  'textDocument/hover',
  'textDocument/completion',
  'textDocument/definition',
  'textDocument/references',
  'textDocument/documentSymbol',
  'textDocument/foldingRange',
  'textDocument/codeAction',
  'textDocument/diagnostic',
  'textDocument/prepareRename',
  'workspace/symbol',
];

/** An offset (taken modulo the text's length): half of them near the start, where the frontmatter is. */
const AT = fc.oneof(fc.nat(300), fc.nat());

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('edit' as const), doc: fc.nat(3), at: AT, length: fc.oneof(fc.constant(0), fc.nat(12)), text: INSERTS, lineStart: fc.boolean() }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('request' as const), doc: fc.nat(3), method: fc.constantFrom(...METHODS), at: AT, cancel: fc.constantFrom('no' as const, 'no' as const, 'at once' as const, 'later' as const) }),
  },
);

export interface WireRun {
  edits: number;
  requests: number;
  cancellations: number;
  checkpoints: number;
  ms: number;
}

/** LSP errors a cancelled request may end in: RequestCancelled, ServerCancelled. */
const CANCELLED = new Set([-32800, -32802]);

export async function wireFuzz(seedValue: number, steps: number, checkpointEvery: number): Promise<WireRun> {
  const started = performance.now();
  const ws = createWorkspace();
  const client = startInProcess();
  const run: WireRun = { edits: 0, requests: 0, cancellations: 0, checkpoints: 0, ms: 0 };
  try {
    await client.initialize(FULL_CLIENT, ws.root);
    const uris = [ws.agents.developer, ws.agents.architect, ws.agents.seniorArchitect, ws.agents.reviewer];
    const originals = uris.map((_, i) => (i < 3 ? seed(`00${i}`).text : REVIEWER));
    const docs = uris.map((uri, i) => TextDocument.create(uri, 'markdown', 1, originals[i]));
    for (const doc of docs) await client.open(doc.uri, doc.getText());
    const inFlight: Promise<void>[] = [];
    const dirty = new Set<number>();
    const failures: string[] = [];
    const checkpoint = async (at: number) => {
      await Promise.all(inFlight.splice(0));
      assert.deepEqual(failures, [], `requests failed (seed ${seedValue})`);
      await assertAgreesWithFresh(client, ws.root, new Map(docs.map((d) => [d.uri, d.getText()])), `seed ${seedValue}, after step ${at}`);
      run.checkpoints++;
    };
    const script = fc.sample(step, { seed: seedValue, numRuns: steps });
    for (const [i, s] of script.entries()) {
      // Each round starts from the original texts (pasted whole): random edits soon wreck the
      // frontmatter, and what a round checks is the server keeping up with texts that still mean something.
      // A round edits two of the documents: the others keep their text, and their results
      // must still follow what changed elsewhere (the server's cross-file bookkeeping).
      const round = Math.floor(i / checkpointEvery);
      if (i % checkpointEvery === 0) {
        for (const d of dirty) {
          TextDocument.update(docs[d], [{ text: originals[d] }], docs[d].version + 1);
          await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: docs[d].uri, version: docs[d].version }, contentChanges: [{ text: originals[d] }] });
        }
        dirty.clear();
      }
      const d = (round + (s.doc % 2)) % docs.length;
      const doc = docs[d];
      if (s.kind === 'edit') dirty.add(d);
      const text = doc.getText();
      const start = s.at % (text.length + 1);
      if (s.kind === 'edit') {
        // At a line start among the first lines, an edit moves the lines below it (the `name:` line among them).
        const from = s.lineStart ? doc.offsetAt({ line: s.at % 4, character: 0 }) : start;
        const range = { start: doc.positionAt(from), end: doc.positionAt(Math.min(text.length, from + s.length)) };
        const version = doc.version + 1;
        TextDocument.update(doc, [{ range, text: s.text }], version);
        await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: doc.uri, version }, contentChanges: [{ range, text: s.text }] });
        run.edits++;
      } else {
        const position = doc.positionAt(start);
        const source = new CancellationTokenSource();
        const params =
          s.method === 'workspace/symbol' ? { query: text.slice(start, start + 3) } : { textDocument: { uri: doc.uri }, position, range: { start: position, end: position }, context: { diagnostics: [], includeDeclaration: true } };
        const sent = s.method === 'textDocument/diagnostic' ? pullDiagnostics(client, doc.uri, source.token) : client.connection.sendRequest(s.method, params, source.token);
        const answered = sent.then(
          () => undefined,
          (error: ResponseError<unknown>) => {
            if (!(s.cancel !== 'no' && CANCELLED.has(error.code))) failures.push(`${s.method} at ${position.line}:${position.character}: ${error.code} ${error.message}`);
          },
        );
        inFlight.push(answered);
        if (s.cancel === 'at once') source.cancel();
        else if (s.cancel === 'later') setImmediate(() => source.cancel());
        if (s.cancel !== 'no') run.cancellations++;
        run.requests++;
      }
      if ((i + 1) % checkpointEvery === 0) await checkpoint(i + 1);
    }
    await checkpoint(script.length);
    run.ms = performance.now() - started;
    return run;
  } finally {
    client.dispose();
    ws.dispose();
  }
}

/** Shares its name with seed 001, so that duplicate-agent-name and its locations are in play from the start. */
const REVIEWER = '---\nname: backend-architect\ndescription: Reviews backend code for quality.\ntools: Read, Grep, Agent(senior-backend-developer)\n---\n\nFollow Rule 21 and Rule 18.\n';
