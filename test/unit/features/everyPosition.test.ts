// Every feature at positions all over every seed (each line's start and end,
// and every 11th character): nothing throws, and every range a feature returns
// lies inside the document it names.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Location, Position, Range } from 'vscode-languageserver-types';
import { completion } from '../../../server/src/service/features/completion/completion';
import { definition } from '../../../server/src/service/features/navigation/definition';
import { documentSymbols } from '../../../server/src/service/features/navigation/documentSymbols';
import { NOT_CANCELLED } from '../../../server/src/service/features/featureContext';
import { foldingRanges } from '../../../server/src/service/features/navigation/foldingRanges';
import { hover } from '../../../server/src/service/features/hover/hover';
import { references } from '../../../server/src/service/features/navigation/references';
import { prepareRename } from '../../../server/src/service/features/navigation/rename';
import type { AgentDocument } from '../../../server/src/service';
import { allSeeds } from '../../support/fixtures';
import { agentUri, workspace } from './helpers';

function positions(doc: AgentDocument): Position[] {
  const out: Position[] = [];
  for (let line = 0; line < doc.textDocument.lineCount; line++) {
    out.push({ line, character: 0 });
    const next = doc.textDocument.offsetAt({ line: line + 1, character: 0 });
    out.push(doc.textDocument.positionAt(Math.max(doc.textDocument.offsetAt({ line, character: 0 }), next - 1)));
  }
  for (let offset = 0; offset <= doc.text.length; offset += 11) out.push(doc.textDocument.positionAt(offset));
  return out;
}

function assertInside(doc: AgentDocument, range: Range, what: string): void {
  const start = doc.textDocument.offsetAt(range.start);
  const end = doc.textDocument.offsetAt(range.end);
  assert.ok(start <= end, `${what}: inverted range`);
  assert.deepEqual(doc.textDocument.positionAt(start), range.start, `${what}: start outside the document`);
  assert.deepEqual(doc.textDocument.positionAt(end), range.end, `${what}: end outside the document`);
}

describe('every feature at every kind of position of every seed', () => {
  const seeds = allSeeds();
  const others = Object.fromEntries(seeds.slice(1).map((s, i) => [agentUri(`seed-${i + 1}`), s.text]));

  for (const s of seeds) {
    it(s.name, () => {
      const ws = workspace({ text: s.text, offset: 0 }, agentUri('seed-0'), { others: s === seeds[0] ? others : { ...others, [agentUri('seed-0')]: seeds[0].text } });
      const { doc, ctx } = ws;
      const locationsInside = (locations: Location[], what: string) => {
        for (const l of locations) {
          const target = l.uri === doc.uri ? doc : ctx.load(l.uri);
          assert.ok(target, `${what}: unknown ${l.uri}`);
          assertInside(target, l.range, what);
        }
      };
      for (const position of positions(doc)) {
        const at = `${s.name} ${position.line}:${position.character}`;
        for (const item of completion(doc, position, ctx, { snippets: true }, NOT_CANCELLED)) {
          const edit = item.textEdit as { range: Range };
          assertInside(doc, edit.range, `completion ${at}`);
          assert.ok(edit.range.start.line === position.line && edit.range.end.line === position.line, `completion ${at}: edit off the cursor line`);
        }
        const h = hover(doc, position, ctx, NOT_CANCELLED);
        if (h?.range) assertInside(doc, h.range, `hover ${at}`);
        locationsInside(definition(doc, position, ctx, NOT_CANCELLED), `definition ${at}`);
        locationsInside(references(doc, position, ctx, true, NOT_CANCELLED), `references ${at}`);
        const rename = prepareRename(doc, position);
        if (rename) assertInside(doc, rename.range, `prepareRename ${at}`);
      }
      for (const symbol of documentSymbols(doc, NOT_CANCELLED)) assertInside(doc, symbol.range, 'symbol');
      for (const range of foldingRanges(doc, NOT_CANCELLED)) assert.ok(range.startLine < range.endLine && range.endLine < doc.textDocument.lineCount);
    });
  }
});
