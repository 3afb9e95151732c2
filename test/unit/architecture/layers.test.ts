// The import graph reads as the architecture: service ← workspace ← lsp / cli ← entry
// points, with no cycle and no arrow pointing up (type-only imports count too).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cycles, importGraph } from '../../support/importGraph';
import { REPO_ROOT } from '../../support/fixtures';

/** Each layer and the layers it may import, besides itself. */
const LAYERS: { name: string; test: RegExp; mayImport: string[] }[] = [
  { name: 'service', test: /^server\/src\/service\//, mayImport: [] },
  { name: 'workspace', test: /^server\/src\/workspace\//, mayImport: ['service'] },
  { name: 'lsp', test: /^server\/src\/lsp\//, mayImport: ['service', 'workspace'] },
  { name: 'cli', test: /^server\/src\/cli\//, mayImport: ['service', 'workspace'] },
  { name: 'entry', test: /^server\/src\/[^/]+\.ts$/, mayImport: ['service', 'workspace', 'lsp', 'cli'] },
  // The extension runs in VS Code, not in the server: it shares the pure core and, below, the wire protocol.
  { name: 'client', test: /^client\/src\//, mayImport: ['service'] },
];
const WIRE_PROTOCOL = 'server/src/lsp/protocol.ts';

function layerOf(file: string): string {
  const layer = LAYERS.find((l) => l.test.test(file));
  assert.ok(layer, `${file} is in no layer: add it to LAYERS`);
  return layer.name;
}

function allowed(from: string, to: string): boolean {
  const source = layerOf(from);
  if (source === 'client' && to === WIRE_PROTOCOL) return true;
  const target = layerOf(to);
  return source === target || LAYERS.find((l) => l.name === source)!.mayImport.includes(target);
}

describe('import graph', () => {
  const graph = importGraph(REPO_ROOT, ['server/src', 'client/src']);

  it('sees the sources and their imports', () => {
    assert.ok(graph.size > 100, `${graph.size} files`);
    assert.ok(graph.get('server/src/server.ts')?.includes('server/src/lsp/startServer.ts'));
  });

  it('has no cycle', () => {
    assert.deepEqual(
      cycles(graph).map((cycle) => cycle.join(' → ')),
      [],
    );
  });

  it('has no upward import: service ← workspace ← lsp / cli ← entry points', () => {
    const upward = [...graph].flatMap(([from, targets]) => targets.filter((to) => !allowed(from, to)).map((to) => `${from} → ${to}`));
    assert.deepEqual(upward, []);
  });

  it('the language server reaches the core through its facade only (server/src/service/index.ts)', () => {
    const past = [...graph].filter(([from]) => layerOf(from) === 'lsp').flatMap(([from, targets]) => targets.filter((to) => layerOf(to) === 'service' && to !== 'server/src/service/index.ts').map((to) => `${from} → ${to}`));
    assert.deepEqual(past, []);
  });

  it('finds a cycle and an upward import where there is one', () => {
    const sample = new Map([
      ['server/src/service/a.ts', ['server/src/workspace/b.ts']],
      ['server/src/workspace/b.ts', ['server/src/service/a.ts']],
    ]);
    assert.equal(cycles(sample).length, 1);
    assert.equal(allowed('server/src/service/a.ts', 'server/src/workspace/b.ts'), false);
    assert.equal(allowed('server/src/lsp/x.ts', 'server/src/cli/y.ts'), false);
    assert.equal(allowed('client/src/x.ts', 'server/src/lsp/startServer.ts'), false);
    assert.equal(allowed('client/src/x.ts', 'server/src/lsp/protocol.ts'), true);
  });
});
