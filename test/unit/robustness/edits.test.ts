// Edits never lose text: on every seed and every corpus file, each quick fix of
// each diagnostic (on its own) and the fix-all edits change only their ranges,
// leave a file the core reads again, and really fix what they target.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createAgentService, type AgentDocument } from '../../../server/src/service';
import { agentUri, allSeeds, corpusFiles, type Fixture } from '../../support/fixtures';
import { applyChecked, applyFix, assertFixHelps, assertNoNewErrors, Lines, reanalyse } from '../../support/invariants';

interface Tally {
  files: number;
  fixes: number;
  fixAll: number;
}

/** Every fix of every diagnostic of one file, then fix-all. */
function roundTrip(uri: string, text: string, name: string, tally: Tally): void {
  const service = createAgentService();
  const doc: AgentDocument = service.parse(uri, 0, text);
  service.indexDocument(doc);
  const diagnostics = service.validate(doc);
  const lines = new Lines(text);
  tally.files++;
  for (const diagnostic of diagnostics) {
    for (const fix of service.fixes(doc, diagnostic)) {
      const what = `${name}: ${diagnostic.code} at ${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}`;
      assertFixHelps(diagnostics, diagnostic, applyFix(doc, fix, what, lines), what, true);
      tally.fixes++;
    }
  }
  const edits = service.fixAll(doc, diagnostics);
  if (edits.length === 0) return;
  tally.fixAll++;
  const fixed = applyChecked(lines, edits, `${name}: fix all`);
  const after = reanalyse(uri, fixed, `${name} after fix all`).diagnostics;
  assertNoNewErrors(diagnostics, after, `${name}: fix all`);
  const autoFixable = (ds: Diagnostic[], d: AgentDocument) => ds.filter((x) => service.fixes(d, x).some((f) => f.auto && !f.rename)).length;
  const fixedDoc = service.parse(`${uri}#fixed`, 0, fixed);
  assert.ok(autoFixable(after, fixedDoc) < autoFixable(diagnostics, doc), `${name}: fix all left as many auto-fixable diagnostics`);
}

describe('edits never lose text', () => {
  it('on every seed: each quick fix on its own, then fix all', () => {
    const tally: Tally = { files: 0, fixes: 0, fixAll: 0 };
    for (const seed of allSeeds()) roundTrip(agentUri(seed.name.replace(/\.txt$/, '')), seed.text, seed.name, tally);
    assert.equal(tally.files, 5);
    assert.ok(tally.fixes >= 10, `${tally.fixes} fixes`);
  });

  it('on every corpus file: each quick fix on its own, then fix all', () => {
    const tally: Tally = { files: 0, fixes: 0, fixAll: 0 };
    const files: Fixture[] = corpusFiles();
    for (const file of files) roundTrip(pathToFileURL(file.file).href, file.text, file.name, tally);
    assert.equal(tally.files, 792);
    assert.ok(tally.fixes >= 500, `${tally.fixes} fixes`);
    assert.ok(tally.fixAll >= 100, `${tally.fixAll} files fixed all at once`);
  });

  it('a name a fix writes that YAML would read as a number, boolean or null is quoted', () => {
    const tally: Tally = { files: 0, fixes: 0, fixAll: 0 };
    for (const [stem, name] of [
      ['1', 'first'],
      ['true', 'x'],
      ['null', 'y'],
      ['x', '"#1"'],
      ['y', '"Null!"'],
    ]) {
      const text = `---\nname: ${name}\ndescription: Fine.\n---\nBody\n`;
      roundTrip(agentUri(stem), text, `${stem}.md with name ${name}`, tally);
      const service = createAgentService();
      const doc = service.parse(agentUri(stem), 0, text);
      const written = service
        .validate(doc)
        .flatMap((d) => service.fixes(doc, d))
        .flatMap((f) => f.edits.map((e) => e.newText));
      for (const value of written.filter((t) => /^\W*(?:\d+|true|null)\W*$/.test(t))) assert.match(value, /^"(?:\d+|true|null)"$/);
    }
    assert.ok(tally.fixes >= 5, `${tally.fixes} fixes`);
  });

  it('keeps CRLF line endings and a BOM through every fix', () => {
    const tally: Tally = { files: 0, fixes: 0, fixAll: 0 };
    for (const seed of allSeeds()) {
      const crlf = `\uFEFF${seed.text.replace(/\r?\n/g, '\r\n')}`;
      const service = createAgentService();
      const doc = service.parse(agentUri('crlf'), 0, crlf);
      for (const d of service.validate(doc)) {
        for (const fix of service.fixes(doc, d)) {
          const after = applyFix(doc, fix, `${seed.name} (CRLF, BOM)`);
          assert.ok(after.text!.startsWith('\uFEFF---'), `"${fix.title}" lost the BOM`);
          assert.doesNotMatch(after.text!, /(?<!\r)\n/, `"${fix.title}" wrote a bare LF into a CRLF file`);
          tally.fixes++;
        }
      }
      roundTrip(agentUri('crlf'), crlf, `${seed.name} (CRLF, BOM)`, tally);
    }
    assert.ok(tally.fixes >= 10, `${tally.fixes} fixes`);
  });
});
