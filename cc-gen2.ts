import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readBlocks, readBlocksWithMarkdownIt } from './server/src/service/parse/markdownBlocks';
import { readPlainBlocks } from './server/src/service/parse/plainBlocks';
const PIECES = ['```', '```js', '````', '``` a`b', '~~~', '~~~~ x', '# H', '## H ##', '#x', 'text', '**bold**', 'a `b` c', '- item', '* item', '+ item', '1. item', '2) item', '-', '1.', '- ```', '- ~~~', '- # H', '- - x', '- 1. x', '> quote', '>', '> # H', '> - x', '> ```', '>> x', '- > q', '1. >5 x', '---', '***', '* * *', '- - -', '___', '===', '-', '', ' ', 'code', '\tx', 'a\tb', '<div>', '| a |', '[r]: /u'];
const INDENTS = ['', '', '', ' ', '  ', '   ', '    ', '     ', '      ', '        ', '\t', ' \t'];
const gen = fc.tuple(fc.array(fc.tuple(fc.constantFrom(...INDENTS), fc.constantFrom(...PIECES)), { maxLength: 24 }), fc.constantFrom('\n', '\n', '\n', '\r\n', '\r'), fc.boolean())
  .map(([lines, sep, fb]) => lines.map(([i, p]) => i + p).join(sep) + (fb ? sep : ''));
const stats = { taken: 0, fence: 0, indentedFence: 0, quote: 0, indentedText: 0, hr: 0, cr: 0 };
fc.assert(fc.property(gen, (body) => {
  const p = readPlainBlocks(body, 0);
  assert.deepEqual(readBlocks(body, 0), readBlocksWithMarkdownIt(body, 0), JSON.stringify(body));
  if (!p) return;
  stats.taken++;
  if (/(^|\n)(```|~~~)/.test(body)) stats.fence++;
  if (/(^|\n) {1,3}(```|~~~)/.test(body)) stats.indentedFence++;
  if (/(^|\n) {0,3}>/.test(body)) stats.quote++;
  if (/(^|\n) {4}\S/.test(body)) stats.indentedText++;
  if (/(^|\n)(\*\*\*|---|\* \* \*)/.test(body)) stats.hr++;
  if (body.includes('\r')) stats.cr++;
}), { seed: Number(process.argv[2] ?? 1), numRuns: Number(process.argv[3] ?? 100000) });
console.log(stats);
