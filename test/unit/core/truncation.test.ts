// A file over the analysis limit: only the whole lines before the line holding
// the limit are analysed, whatever the line breaks.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createAgentService } from '../../../server/src/service';
import { ANALYSIS_LIMIT } from '../../../server/src/service/parse/parseAgent';

const SLOW = { timeout: 60_000 };

/** A file whose line `Rule 9 …` holds the limit `into` characters after its start. */
function overTheLimit(eol: string, into: number): string {
  const before = `---${eol}name: probe${eol}description: x${eol}---${eol}**Rule 1: A**${eol}- a${eol}${eol}See Rule 1.${eol}`;
  const last = `The last analysed line mentions Rule 1.${eol}`;
  const filler = 'x'.repeat(ANALYSIS_LIMIT - into - before.length - last.length - eol.length);
  const prefix = `${before}${filler}${eol}${last}`;
  assert.equal(prefix.length, ANALYSIS_LIMIT - into);
  return `${prefix}Rule 9 starts on the line that holds the limit.${eol}Rule 8 comes after it.${eol}`;
}

describe('analysis limit', () => {
  for (const [name, eol] of [
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['lone CR', '\r'],
  ]) {
    for (const into of [0, 3]) {
      it(`${name}: reads the rules before the cut and nothing from the line holding the limit (${into} in)`, SLOW, () => {
        const doc = createAgentService().parse('file:///ws/.claude/agents/probe.md', 0, overTheLimit(eol, into));
        assert.ok(doc.truncated);
        assert.deepEqual(
          doc.rules.map((r) => [r.number, r.title, r.bullets.length]),
          [[1, 'A', 1]],
        );
        assert.deepEqual(
          doc.ruleReferences.map((r) => r.number),
          [1, 1],
        );
      });
    }
  }
});
