// Asserts that a code is reported exactly at the `[[…]]` ranges of a marked text.
import assert from 'node:assert/strict';
import { analyze, withCode } from './analyze';
import { marked } from './markers';

export function expectAt(source: string, code: string, options: Parameters<typeof analyze>[1] = {}) {
  const { text, ranges } = marked(source);
  const analysis = analyze(text, options);
  const found = withCode(analysis.diagnostics, code);
  assert.deepEqual(
    found.map((d) => d.range),
    ranges,
    `${code} ranges`,
  );
  return Object.assign(found, { analysis });
}
